package nl.menscentraal.dossier.audit;

import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.dossier.chain.api.ClientSituationChanged;
import nl.menscentraal.dossier.view.ClientRelations;
import nl.menscentraal.dossier.view.ClientView;
import nl.menscentraal.dossier.view.ViewPolicy;
import nl.menscentraal.dossier.view.Visibility;
import nl.menscentraal.support.security.Caller;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A client's timeline as one principal could see it at an earlier instant, folded from the dossier's stream: the
 * facts recorded by then, seen through the relations recorded by then, with the same {@link ViewPolicy} the live
 * reads apply, so a rebuild and a live read cannot drift apart. Knows nothing of Spring, HTTP or the database.
 *
 * <p>What counts as recorded by {@code asOf}:
 * <ul>
 *     <li>Recording time is the event store's timestamp of each message (millisecond precision), the
 *     {@code recordedAt} the auditor's history ({@code /audit/clients/{bsn}/events}) shows; never a fact's
 *     {@code occurredAt}, so a late delivery about the past is absent until it was recorded.</li>
 *     <li>The stream is cut at its first message recorded after {@code asOf}: the dossier as it stood is a prefix of
 *     its history, also if two instances' clocks disagreed.</li>
 *     <li>A {@link ClientSituationChanged} counts from the recording of the fact directly before it: the dossier
 *     states the situation at the end of the command that recorded those facts, in the same transaction, so nobody
 *     could ever read the facts without the situation they led to.</li>
 *     <li>The relations are those of the last situation counted (regisseur, consents), and the partners with facts
 *     counted; a consent counts when it is valid on {@code asOf}'s Dutch calendar day, as the live read counts it
 *     on today's.</li>
 * </ul>
 */
final class AsOfTimeline {

    /** A consent's {@code geldigTot} is a Dutch calendar day. */
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    /** Ordered as the live timeline ({@code TimelineRepository}): {@code occurredAt}, then recording, then eventId. */
    private static final Comparator<ChainEventRecorded> TIMELINE_ORDER =
            Comparator.comparing((ChainEventRecorded e) -> e.occurredAt().toInstant())
                    .thenComparing(ChainEventRecorded::recordedAt)
                    // PostgreSQL orders UUIDs by their bytes, as their text sorts; Java's UUID.compareTo is signed
                    .thenComparing(e -> e.eventId().toString());

    /** One message of the dossier's stream, in stream order: when the event store recorded it, and its payload. */
    record Recorded(Instant recordedAt, Object event) {
    }

    /** One fact, and how much of it the viewer saw. */
    record Seen(ChainEventRecorded fact, Visibility visibility) {
    }

    /**
     * @param view    the viewer's view then, or empty when it saw nothing
     * @param reason  why the viewer saw nothing, or {@code null} when it had a view
     * @param entries what the viewer saw, ordered as the live timeline; empty without a view
     */
    record Result(ClientRelations relations, Optional<ClientView> view, String reason, List<Seen> entries) {

        /** {@code partner}, {@code regisseur}, {@code auditor}, or {@code none}. */
        String visibility() {
            return view.map(ClientView::name).orElse("none");
        }
    }

    private AsOfTimeline() {
    }

    /**
     * @param stream the dossier's messages in stream order (sequence number); other payload types are skipped
     * @param viewer the principal with its role and organisation as they were at {@code asOf}
     */
    static Result fold(List<Recorded> stream, Instant asOf, Caller viewer) {
        return fold(stream, asOf, viewer, false);
    }

    /**
     * @param openRegieSignal whether a signal about the client routed to {@code regie} was open or in behandeling at
     *                        {@code asOf} (read from the client's signal stream by the caller)
     */
    static Result fold(List<Recorded> stream, Instant asOf, Caller viewer, boolean openRegieSignal) {
        List<ChainEventRecorded> facts = new ArrayList<>();
        ClientSituationChanged situation = null;
        Instant lastFactRecordedAt = null;
        for (Recorded message : stream) {
            Instant recordedAt = message.event() instanceof ClientSituationChanged && lastFactRecordedAt != null
                    ? lastFactRecordedAt : message.recordedAt();
            if (recordedAt.isAfter(asOf)) {
                break;
            }
            if (message.event() instanceof ChainEventRecorded fact) {
                facts.add(fact);
                lastFactRecordedAt = recordedAt;
            } else if (message.event() instanceof ClientSituationChanged changed) {
                situation = changed;
            }
        }
        ClientRelations relations = relations(facts, situation, LocalDate.ofInstant(asOf, NETHERLANDS), openRegieSignal);
        Optional<ClientView> view = ViewPolicy.viewFor(viewer, relations);
        if (view.isEmpty()) {
            return new Result(relations, view, noViewReason(viewer), List.of());
        }
        if (!relations.isKnown()) {
            // the live read answers 404 here: there was nothing to see yet
            return new Result(relations, Optional.empty(), "The platform held no data about this client then.", List.of());
        }
        ClientView seenThrough = view.get();
        List<Seen> entries = facts.stream().sorted(TIMELINE_ORDER)
                .map(f -> new Seen(f, seenThrough.visibilityOf(f.partner(), f.sensitivity(), f.domain())))
                .toList();
        return new Result(relations, view, null, entries);
    }

    private static ClientRelations relations(List<ChainEventRecorded> facts, ClientSituationChanged situation,
                                             LocalDate day, boolean openRegieSignal) {
        Set<String> partners = new HashSet<>();
        facts.forEach(f -> partners.add(f.partner()));
        if (situation == null) {
            return new ClientRelations(partners, null, List.of(), openRegieSignal);
        }
        return new ClientRelations(partners, situation.regisseurId(),
                situation.consents().stream().filter(c -> c.isValidOn(day)).toList(), openRegieSignal);
    }

    /** Why the policy gave this role no view; the policy decides, this only puts it in words. */
    private static String noViewReason(Caller viewer) {
        return switch (viewer.role()) {
            case PARTNER -> "The partner had recorded no facts about this client by then.";
            case REGISSEUR -> "The regisseur was not assigned to this client then.";
            case OPERATOR -> "Operators never see client content.";
            // not reached while the policy gives every auditor a view; said plainly should that change
            case AUDITOR -> "The view policy gave this auditor no view.";
        };
    }
}
