package nl.menscentraal.signals.evaluation;

import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.signals.rules.Fact;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a client's recorded facts from the dossier's stream in the event store: the rules evaluate the source of
 * truth, not a copy that could drift from it.
 */
@Component
public class SubjectHistories {

    private final EventStore eventStore;
    private final Catalogue catalogue;

    SubjectHistories(EventStore eventStore, Catalogue catalogue) {
        this.eventStore = eventStore;
        this.catalogue = catalogue;
    }

    /** A client's facts and its BSN ({@code null} when the dossier holds no facts). */
    public record MemberHistory(String bsn, List<Fact> facts) {
    }

    public MemberHistory of(String dossierId) {
        List<Fact> facts = new ArrayList<>();
        String bsn = null;
        var stream = eventStore.readEvents(dossierId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            // the type is known without deserialising: the dossier's situation events are skipped unread
            if (ChainEventRecorded.class.equals(message.getPayloadType())
                    && message.getPayload() instanceof ChainEventRecorded e) {
                bsn = e.bsn();
                facts.add(new Fact(e.eventId(), dossierId, message.getSequenceNumber(), e.type(), e.partner(), e.domain(),
                        e.domain() == null ? null : catalogue.clusterOf(e.domain()), e.involvement(), e.problem(),
                        e.occurredAt(), e.recordedAt(), e.professional() == null ? null : e.professional().id(),
                        e.payload()));
            }
        }
        return new MemberHistory(bsn, facts);
    }
}
