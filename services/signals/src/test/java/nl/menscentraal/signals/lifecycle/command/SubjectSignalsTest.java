package nl.menscentraal.signals.lifecycle.command;

import nl.menscentraal.signals.lifecycle.api.AcknowledgeSignalCommand;
import nl.menscentraal.signals.lifecycle.api.ReconcileSignalsCommand;
import nl.menscentraal.signals.lifecycle.api.ResolveSignalCommand;
import nl.menscentraal.signals.lifecycle.api.SignalAcknowledged;
import nl.menscentraal.signals.lifecycle.api.SignalExpired;
import nl.menscentraal.signals.lifecycle.api.SignalRaised;
import nl.menscentraal.signals.lifecycle.api.SignalResolved;
import nl.menscentraal.signals.lifecycle.api.SignalTransitionRefused;
import nl.menscentraal.signals.lifecycle.api.Subject;
import nl.menscentraal.signals.rules.Episode;
import nl.menscentraal.signals.rules.Severity;
import nl.menscentraal.signals.rules.SignalIds;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The lifecycle of a subject's signals: which episodes raise a signal, which signals lapse, and which steps a
 * signal's status allows. Episodes are built directly, as the rule engine would hand them over.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SubjectSignalsTest {

    private static final Subject KENNY = new Subject("pseudonym-of-kenny", List.of("pseudonym-of-kenny"),
            List.of("123456782"), false);
    private static final String STREAM = KENNY.streamId();

    /** Business time at which the conditions held, and the moments the platform evaluated or a person acted. */
    private static final Instant HELD_AT = Instant.parse("2026-10-01T08:00:00Z");
    private static final Instant EVALUATED_AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-24T09:30:00Z");
    private static final Instant MUCH_LATER = Instant.parse("2026-11-30T14:15:00Z");

    /** An eviction announced: auto-expiring (lapsing) rule. */
    private static final Episode EVICTION = episode("HU-01", Severity.URGENT, List.of("regie", "schuldhulp"),
            false);
    /** A second eviction announcement: a new episode of the same rule. */
    private static final Episode ANOTHER_EVICTION = episode("HU-01", Severity.URGENT, List.of("regie", "schuldhulp"),
            false);
    /** Multiple problems: not a lapsing rule, the signal stays for a person to close. */
    private static final Episode MULTIPLE_PROBLEMS = episode("MP-01", Severity.AANDACHT, List.of("regie"),
            false);
    /** Ketenmatch: each partner joining is an episode of its own that signals. */
    private static final Episode FIRST_MATCH = episode("KM-01", Severity.INFO, List.of("schuldhulp", "wmo"),
            true);
    private static final Episode FURTHER_MATCH = episode("KM-01", Severity.INFO, List.of("schuldhulp", "wmo", "ggz"),
            true);

    private AggregateTestFixture<SubjectSignals> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SubjectSignals.class);
    }

    @Nested
    class An_episode_that_holds {

        @Test
        void raises_a_signal_named_by_rule_subject_and_first_event_with_everything_it_rests_on() {
            UUID firstEventId = UUID.randomUUID();
            UUID otherEventId = UUID.randomUUID();
            Episode episode = new Episode("HU-02", 3, firstEventId, List.of(firstEventId, otherEventId),
                    Severity.URGENT, "Huurachterstand gesignaleerd op 2026-09-14 (schuldhulp); uitkering opgeschort.",
                    List.of("regie", "schuldhulp", "werk-inkomen"), HELD_AT, false);

            fixture.givenNoPriorActivity()
                    .when(reconcile(List.of(episode), List.of(), EVALUATED_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SignalRaised(STREAM, SignalIds.of("HU-02", KENNY.id(), firstEventId), KENNY,
                            "HU-02", 3, "urgent", List.of(firstEventId, otherEventId),
                            "Huurachterstand gesignaleerd op 2026-09-14 (schuldhulp); uitkering opgeschort.",
                            List.of("regie", "schuldhulp", "werk-inkomen"), HELD_AT, EVALUATED_AT));
        }

        @Test
        void raises_nothing_when_its_signal_was_raised_before() {
            fixture.given(raised(EVICTION))
                    .when(reconcile(List.of(EVICTION), List.of("HU-01"), LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void raises_nothing_when_its_signal_lapsed_before_and_the_same_episode_holds_again() {
            fixture.given(raised(EVICTION), expired(EVICTION, LATER))
                    .when(reconcile(List.of(EVICTION), List.of("HU-01"), MUCH_LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void of_several_rules_raises_a_signal_for_each() {
            fixture.givenNoPriorActivity()
                    .when(reconcile(List.of(EVICTION, MULTIPLE_PROBLEMS), List.of("HU-01"), EVALUATED_AT))
                    .expectEvents(raised(EVICTION), raised(MULTIPLE_PROBLEMS));
        }
    }

    @Nested
    class Another_episode_of_the_same_rule {

        @Test
        void raises_nothing_while_the_first_signal_is_open() {
            fixture.given(raised(EVICTION))
                    .when(reconcile(List.of(EVICTION, ANOTHER_EVICTION), List.of("HU-01"), LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void raises_nothing_while_the_first_signal_is_in_behandeling() {
            fixture.given(raised(EVICTION), acknowledged(EVICTION, LATER))
                    .when(reconcile(List.of(EVICTION, ANOTHER_EVICTION), List.of("HU-01"), MUCH_LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void raises_nothing_while_the_first_signal_is_open_even_when_the_first_episode_no_longer_holds() {
            fixture.given(raised(MULTIPLE_PROBLEMS))
                    .when(reconcile(List.of(episodeOf(MULTIPLE_PROBLEMS)), List.of("HU-01"), LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void raises_a_signal_once_the_first_is_afgehandeld() {
            fixture.given(raised(EVICTION), acknowledged(EVICTION, LATER), resolved(EVICTION, LATER))
                    .when(reconcile(List.of(EVICTION, ANOTHER_EVICTION), List.of("HU-01"), MUCH_LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(raised(ANOTHER_EVICTION, MUCH_LATER));
        }

        @Test
        void raises_a_signal_once_the_first_has_vervallen() {
            fixture.given(raised(EVICTION), expired(EVICTION, LATER))
                    .when(reconcile(List.of(ANOTHER_EVICTION), List.of("HU-01"), MUCH_LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(raised(ANOTHER_EVICTION, MUCH_LATER));
        }

        @Test
        void raises_a_signal_when_the_first_lapses_in_the_same_evaluation() {
            // e.g. one bulk delivery holds "ontruiming voorkomen" for the first announcement and a second announcement
            fixture.given(raised(EVICTION))
                    .when(reconcile(List.of(ANOTHER_EVICTION), List.of("HU-01"), LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(expired(EVICTION, LATER), raised(ANOTHER_EVICTION, LATER));
        }

        @Test
        void of_a_rule_that_signals_each_episode_raises_a_signal_even_while_another_is_open() {
            fixture.given(raised(FIRST_MATCH))
                    .when(reconcile(List.of(FIRST_MATCH, FURTHER_MATCH), List.of("HU-01"), LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(raised(FURTHER_MATCH, LATER));
        }
    }

    @Nested
    class A_signal_whose_episode_no_longer_holds {

        @Test
        void lapses_when_it_is_open_and_its_rule_lapses() {
            fixture.given(raised(EVICTION))
                    .when(reconcile(List.of(), List.of("HU-01"), LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(expired(EVICTION, LATER));
        }

        @Test
        void lapses_when_it_is_in_behandeling_and_its_rule_lapses() {
            fixture.given(raised(EVICTION), acknowledged(EVICTION, LATER))
                    .when(reconcile(List.of(), List.of("HU-01"), MUCH_LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(expired(EVICTION, MUCH_LATER));
        }

        @Test
        void lapses_alone_while_another_rule_still_holds() {
            fixture.given(raised(EVICTION), raised(MULTIPLE_PROBLEMS))
                    .when(reconcile(List.of(MULTIPLE_PROBLEMS), List.of("HU-01"), LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(expired(EVICTION, LATER));
        }

        @Test
        void stays_when_its_rule_does_not_lapse() {
            fixture.given(raised(MULTIPLE_PROBLEMS))
                    .when(reconcile(List.of(), List.of("HU-01"), LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void stays_when_its_rule_was_not_evaluated() {
            fixture.given(raised(EVICTION))
                    .when(reconcile(List.of(), List.of(), LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void never_lapses_once_afgehandeld() {
            fixture.given(raised(EVICTION), resolved(EVICTION, LATER))
                    .when(reconcile(List.of(), List.of("HU-01"), MUCH_LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void lapses_only_once() {
            fixture.given(raised(EVICTION), expired(EVICTION, LATER))
                    .when(reconcile(List.of(), List.of("HU-01"), MUCH_LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Acknowledging {

        @Test
        void an_open_signal_puts_it_in_behandeling() {
            fixture.given(raised(EVICTION))
                    .when(new AcknowledgeSignalCommand(STREAM, idOf(EVICTION), "regisseur-1", "regie", LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(acknowledged(EVICTION, LATER));
        }

        @Test
        void a_signal_twice_is_refused() {
            fixture.given(raised(EVICTION), acknowledged(EVICTION, LATER))
                    .when(new AcknowledgeSignalCommand(STREAM, idOf(EVICTION), "regisseur-2", "regie", MUCH_LATER))
                    .expectException(SignalTransitionRefused.class)
                    .expectNoEvents();
        }

        @Test
        void an_afgehandeld_signal_is_refused() {
            fixture.given(raised(EVICTION), resolved(EVICTION, LATER))
                    .when(new AcknowledgeSignalCommand(STREAM, idOf(EVICTION), "regisseur-1", "regie", MUCH_LATER))
                    .expectException(SignalTransitionRefused.class)
                    .expectNoEvents();
        }

        @Test
        void a_vervallen_signal_is_refused() {
            fixture.given(raised(EVICTION), expired(EVICTION, LATER))
                    .when(new AcknowledgeSignalCommand(STREAM, idOf(EVICTION), "regisseur-1", "regie", MUCH_LATER))
                    .expectException(SignalTransitionRefused.class)
                    .expectNoEvents();
        }

        @Test
        void an_unknown_signal_is_refused() {
            fixture.given(raised(EVICTION))
                    .when(new AcknowledgeSignalCommand(STREAM, UUID.randomUUID(), "regisseur-1", "regie", LATER))
                    .expectException(SignalTransitionRefused.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Resolving {

        @Test
        void an_open_signal_makes_it_afgehandeld() {
            fixture.given(raised(EVICTION))
                    .when(resolve(EVICTION, LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(resolved(EVICTION, LATER));
        }

        @Test
        void a_signal_in_behandeling_makes_it_afgehandeld() {
            fixture.given(raised(EVICTION), acknowledged(EVICTION, LATER))
                    .when(resolve(EVICTION, MUCH_LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(resolved(EVICTION, MUCH_LATER));
        }

        @Test
        void an_afgehandeld_signal_is_refused() {
            fixture.given(raised(EVICTION), resolved(EVICTION, LATER))
                    .when(resolve(EVICTION, MUCH_LATER))
                    .expectException(SignalTransitionRefused.class)
                    .expectNoEvents();
        }

        @Test
        void a_vervallen_signal_is_refused() {
            fixture.given(raised(EVICTION), expired(EVICTION, LATER))
                    .when(resolve(EVICTION, MUCH_LATER))
                    .expectException(SignalTransitionRefused.class)
                    .expectNoEvents();
        }

        @Test
        void an_unknown_signal_is_refused() {
            fixture.given(raised(EVICTION))
                    .when(new ResolveSignalCommand(STREAM, UUID.randomUUID(), "opgepakt", "Besproken in het overleg.",
                            "regisseur-1", "regie", LATER))
                    .expectException(SignalTransitionRefused.class)
                    .expectNoEvents();
        }
    }

    private static Episode episode(String ruleId, Severity severity, List<String> routedTo, boolean eachEpisodeSignals) {
        UUID first = UUID.randomUUID();
        return new Episode(ruleId, 1, first, List.of(first), severity, "Uitleg bij " + ruleId + ".", routedTo, HELD_AT,
                eachEpisodeSignals);
    }

    /** A new episode of the same rule as {@code like}, from another first event. */
    private static Episode episodeOf(Episode like) {
        UUID first = UUID.randomUUID();
        return new Episode(like.ruleId(), like.ruleVersion(), first, List.of(first), like.severity(), like.explanation(),
                like.routedTo(), like.heldAt(), like.eachEpisodeSignals());
    }

    private static UUID idOf(Episode episode) {
        return SignalIds.of(episode.ruleId(), KENNY.id(), episode.firstEventId());
    }

    private static ReconcileSignalsCommand reconcile(List<Episode> held, List<String> lapsingRules, Instant at) {
        return new ReconcileSignalsCommand(STREAM, KENNY, held, lapsingRules, at);
    }

    private static ResolveSignalCommand resolve(Episode episode, Instant at) {
        return new ResolveSignalCommand(STREAM, idOf(episode), "opgepakt", "Besproken in het overleg.", "regisseur-1",
                "regie", at);
    }

    private static SignalRaised raised(Episode episode) {
        return raised(episode, EVALUATED_AT);
    }

    private static SignalRaised raised(Episode episode, Instant raisedAt) {
        return new SignalRaised(STREAM, idOf(episode), KENNY, episode.ruleId(), episode.ruleVersion(),
                episode.severity().code(), episode.basedOn(), episode.explanation(), episode.routedTo(),
                episode.heldAt(), raisedAt);
    }

    private static SignalAcknowledged acknowledged(Episode episode, Instant at) {
        return new SignalAcknowledged(STREAM, idOf(episode), "regisseur-1", "regie", at);
    }

    private static SignalResolved resolved(Episode episode, Instant at) {
        return new SignalResolved(STREAM, idOf(episode), "opgepakt", "Besproken in het overleg.", "regisseur-1",
                "regie", at);
    }

    private static SignalExpired expired(Episode episode, Instant at) {
        return new SignalExpired(STREAM, idOf(episode), at);
    }
}
