package nl.menscentraal.dossier.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.dossier.chain.api.ClientSituationChanged;
import nl.menscentraal.dossier.chain.api.Consent;
import nl.menscentraal.dossier.view.Visibility;
import nl.menscentraal.events.Involvement;
import nl.menscentraal.events.ProblemEffect;
import nl.menscentraal.events.Sensitivity;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.security.Role;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AsOfTimelineTest {

    private static final String DOSSIER = "pseudonym-of-myriam";
    private static final Caller WERK_INKOMEN = new Caller("svc-werk-inkomen", Role.PARTNER, "werk-inkomen");
    private static final Caller GGZ = new Caller("svc-ggz", Role.PARTNER, "ggz");
    private static final Caller WMO = new Caller("svc-wmo", Role.PARTNER, "wmo");
    private static final Caller REGISSEUR_1 = new Caller("regisseur-1", Role.REGISSEUR, "regie");
    private static final Caller REGISSEUR_2 = new Caller("regisseur-2", Role.REGISSEUR, "regie");
    private static final Caller AUDITOR = new Caller("auditor-1", Role.AUDITOR, "toezicht");
    private static final Caller OPERATOR = new Caller("operator-1", Role.OPERATOR, "beheer");

    /** The dossier's stream as the event store holds it: messages in order, each with its recording time. */
    private final List<AsOfTimeline.Recorded> stream = new ArrayList<>();
    private final List<String> involved = new ArrayList<>();
    private String regisseur;
    private final List<Consent> consents = new ArrayList<>();

    private final ChainEventRecorded uitkering = fact("werk-inkomen", "werk-inkomen.uitkering-aangevraagd",
            "2015-09-01T10:00:00+02:00", "inkomen", Sensitivity.FINANCIEEL, "2015-09-01T10:00:05Z");
    private final ChainEventRecorded aanmelding = fact("ggz", "ggz.aanmelding-ontvangen",
            "2015-10-05T09:00:00+02:00", "psychische-gezondheid", Sensitivity.BIJZONDER, "2015-10-05T09:00:05Z");

    @Nested
    class A_partner {

        @Test
        void sees_its_own_facts_in_full_and_others_as_presence_ordered_by_occurred_at() {
            record(aanmelding);
            record(uitkering);

            AsOfTimeline.Result result = AsOfTimeline.fold(stream, Instant.parse("2015-10-06T00:00:00Z"), WERK_INKOMEN);

            assertThat(result.visibility()).isEqualTo("partner");
            assertThat(result.reason()).isNull();
            assertThat(result.entries()).extracting(s -> s.fact().eventId(), AsOfTimeline.Seen::visibility)
                    .containsExactly(tuple(uitkering, Visibility.FULL), tuple(aanmelding, Visibility.PRESENCE));
        }

        @Test
        void sees_nothing_before_its_first_fact_was_recorded() {
            record(uitkering);
            record(aanmelding);

            AsOfTimeline.Result result = AsOfTimeline.fold(stream, Instant.parse("2015-10-01T00:00:00Z"), GGZ);

            assertThat(result.visibility()).isEqualTo("none");
            assertThat(result.entries()).isEmpty();
            assertThat(result.reason()).contains("no facts");
        }

        @Test
        void without_facts_about_the_client_sees_nothing() {
            record(uitkering);

            AsOfTimeline.Result result = AsOfTimeline.fold(stream, Instant.parse("2026-01-01T00:00:00Z"), WMO);

            assertThat(result.visibility()).isEqualTo("none");
            assertThat(result.entries()).isEmpty();
        }
    }

    @Test
    void a_fact_recorded_after_as_of_is_absent_though_it_occurred_before() {
        record(uitkering);
        Instant asOf = Instant.parse("2015-09-02T00:00:00Z");
        ChainEventRecorded late = fact("werk-inkomen", "werk-inkomen.uitkering-afgewezen", "2015-08-20T10:00:00+02:00",
                "inkomen", Sensitivity.FINANCIEEL, "2015-09-03T08:00:00Z");
        record(late);

        assertThat(AsOfTimeline.fold(stream, asOf, WERK_INKOMEN).entries())
                .extracting(s -> s.fact().eventId()).containsExactly(uitkering.eventId());
        assertThat(AsOfTimeline.fold(stream, Instant.parse("2015-09-03T08:00:00Z"), WERK_INKOMEN).entries())
                .extracting(s -> s.fact().eventId()).containsExactly(late.eventId(), uitkering.eventId());
    }

    @Nested
    class A_regisseur {

        private final Instant beforeAssignment = Instant.parse("2015-11-01T00:00:00Z");
        private final Instant assigned = Instant.parse("2015-11-02T09:00:05Z");
        private final Instant consented = Instant.parse("2015-12-01T09:00:05Z");
        private final Instant handedOver = Instant.parse("2016-02-01T09:00:05Z");

        void myriam() {
            record(uitkering);
            record(aanmelding);
            regisseur = "regisseur-1";
            record(regie("regie.regisseur-toegewezen", assigned));
            consents.add(new Consent("t-1", List.of("psychische-gezondheid"), "regisseur", LocalDate.parse("2016-12-31")));
            record(regie("regie.toestemming-verleend", consented));
            regisseur = "regisseur-2";
            record(regie("regie.regisseur-overgedragen", handedOver));
        }

        @Test
        void sees_nothing_before_being_assigned() {
            myriam();

            AsOfTimeline.Result result = AsOfTimeline.fold(stream, beforeAssignment, REGISSEUR_1);

            assertThat(result.visibility()).isEqualTo("none");
            assertThat(result.entries()).isEmpty();
            assertThat(result.reason()).contains("not assigned");
        }

        @Test
        void once_assigned_sees_financial_facts_in_full_and_ggz_as_presence() {
            myriam();

            AsOfTimeline.Result result = AsOfTimeline.fold(stream, assigned, REGISSEUR_1);

            assertThat(result.visibility()).isEqualTo("regisseur");
            assertThat(visibilityOf(result, uitkering)).isEqualTo(Visibility.FULL);
            assertThat(visibilityOf(result, aanmelding)).isEqualTo(Visibility.PRESENCE);
        }

        @Test
        void with_the_consent_in_force_sees_the_ggz_fact_in_full() {
            myriam();

            assertThat(visibilityOf(AsOfTimeline.fold(stream, consented, REGISSEUR_1), aanmelding)).isEqualTo(Visibility.FULL);
        }

        @Test
        void after_the_handover_sees_nothing_and_the_new_regisseur_inherits_the_consent_to_the_regisseur() {
            myriam();

            assertThat(AsOfTimeline.fold(stream, handedOver, REGISSEUR_1).visibility()).isEqualTo("none");
            assertThat(AsOfTimeline.fold(stream, consented, REGISSEUR_2).visibility()).isEqualTo("none");
            // a consent names "regisseur", whoever is assigned: it follows the client to the new regisseur
            AsOfTimeline.Result afterHandover = AsOfTimeline.fold(stream, handedOver, REGISSEUR_2);
            assertThat(afterHandover.visibility()).isEqualTo("regisseur");
            assertThat(visibilityOf(afterHandover, aanmelding)).isEqualTo(Visibility.FULL);
        }

        @Test
        void a_consent_valid_then_counts_though_it_has_expired_since() {
            myriam();

            assertThat(visibilityOf(AsOfTimeline.fold(stream, Instant.parse("2016-12-31T22:59:59Z"), REGISSEUR_2), aanmelding))
                    .as("the last day of the consent, Dutch time").isEqualTo(Visibility.FULL);
            assertThat(visibilityOf(AsOfTimeline.fold(stream, Instant.parse("2016-12-31T23:00:00Z"), REGISSEUR_2), aanmelding))
                    .as("midnight in the Netherlands: the day after geldigTot").isEqualTo(Visibility.PRESENCE);
        }

        @Test
        void an_assignment_counts_from_the_recording_of_its_fact_though_the_situation_is_stamped_a_moment_later() {
            record(uitkering);
            regisseur = "regisseur-1";
            record(regie("regie.regisseur-toegewezen", assigned), assigned.plusMillis(3));

            assertThat(AsOfTimeline.fold(stream, assigned, REGISSEUR_1).visibility()).isEqualTo("regisseur");
        }
    }

    @Test
    void the_stream_is_cut_at_its_first_message_recorded_after_as_of() {
        record(uitkering);
        // an instance with a clock behind stamped the next fact earlier: still after the cut, as it follows one
        ChainEventRecorded after = fact("werk-inkomen", "werk-inkomen.uitkering-toegekend", "2015-09-20T10:00:00+02:00",
                "inkomen", Sensitivity.FINANCIEEL, "2015-09-20T10:00:05Z");
        ChainEventRecorded skewed = fact("werk-inkomen", "werk-inkomen.uitkering-opgeschort", "2015-09-21T10:00:00+02:00",
                "inkomen", Sensitivity.FINANCIEEL, "2015-09-10T10:00:05Z");
        record(after);
        record(skewed);

        assertThat(AsOfTimeline.fold(stream, Instant.parse("2015-09-15T00:00:00Z"), WERK_INKOMEN).entries())
                .extracting(s -> s.fact().eventId()).containsExactly(uitkering.eventId());
    }

    @Test
    void an_auditor_sees_everything_in_full() {
        record(uitkering);
        record(aanmelding);

        assertThat(AsOfTimeline.fold(stream, Instant.parse("2026-01-01T00:00:00Z"), AUDITOR).entries())
                .extracting(AsOfTimeline.Seen::visibility).containsOnly(Visibility.FULL).hasSize(2);
    }

    @Test
    void an_operator_sees_nothing() {
        record(uitkering);

        AsOfTimeline.Result result = AsOfTimeline.fold(stream, Instant.parse("2026-01-01T00:00:00Z"), OPERATOR);

        assertThat(result.visibility()).isEqualTo("none");
        assertThat(result.reason()).contains("Operators");
    }

    @Test
    void before_anything_was_recorded_even_an_auditor_sees_nothing() {
        record(uitkering);

        AsOfTimeline.Result result = AsOfTimeline.fold(stream, Instant.parse("2015-01-01T00:00:00Z"), AUDITOR);

        assertThat(result.visibility()).isEqualTo("none");
        assertThat(result.entries()).isEmpty();
        assertThat(result.reason()).contains("no data");
    }

    @Test
    void the_fold_knows_nothing_of_spring_http_or_the_database() {
        classes().that().haveNameMatching(AsOfTimeline.class.getName().replace(".", "\\.") + "(\\$.*)?")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages(
                        "org.springframework..", "jakarta..", "java.sql..", "org.axonframework..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("nl.menscentraal.dossier.audit"));
    }

    private static Visibility visibilityOf(AsOfTimeline.Result result, ChainEventRecorded fact) {
        return result.entries().stream().filter(s -> s.fact().equals(fact)).findFirst().orElseThrow().visibility();
    }

    private static org.assertj.core.groups.Tuple tuple(ChainEventRecorded fact, Visibility visibility) {
        return org.assertj.core.groups.Tuple.tuple(fact.eventId(), visibility);
    }

    /** Appends the fact and, like the dossier, the situation it leads to, stamped when the fact was. */
    private void record(ChainEventRecorded fact) {
        record(fact, fact.recordedAt());
    }

    private void record(ChainEventRecorded fact, Instant situationStampedAt) {
        if (!involved.contains(fact.partner())) {
            involved.add(fact.partner());
        }
        stream.add(new AsOfTimeline.Recorded(fact.recordedAt(), fact));
        stream.add(new AsOfTimeline.Recorded(situationStampedAt,
                new ClientSituationChanged(DOSSIER, List.of(), List.of(), regisseur, List.copyOf(consents))));
    }

    private static ChainEventRecorded regie(String type, Instant recordedAt) {
        return fact("regie", type, recordedAt.atOffset(java.time.ZoneOffset.ofHours(1)).toString(), null,
                Sensitivity.BASIS, recordedAt.toString());
    }

    private static ChainEventRecorded fact(String partner, String type, String occurredAt, String domain,
                                           Sensitivity sensitivity, String recordedAt) {
        return new ChainEventRecorded(DOSSIER, UUID.randomUUID(), partner, type, 1, "999993653",
                OffsetDateTime.parse(occurredAt), null, Instant.parse(recordedAt), null,
                JsonNodeFactory.instance.objectNode().put("regeling", "bijstand"), domain, sensitivity, Involvement.NONE,
                ProblemEffect.NONE, "fingerprint");
    }
}
