package nl.menscentraal.signals.evaluation;

import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.dossier.chain.api.DossierErased;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.signals.SignalsProperties;
import nl.menscentraal.signals.rules.Fact;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a client's recorded facts from the dossier's stream in the event store: the rules evaluate the source of
 * truth, not a copy that could drift from it. A client's stream only grows, so the facts of recently evaluated
 * clients are kept and only what was appended since is read: a client is evaluated after each batch of its
 * facts, and re-reading its whole history every time cost most of an evaluation.
 */
@Component
public class SubjectHistories {

    /** A client's facts and its BSN ({@code null} when the dossier holds no facts). */
    public record MemberHistory(String bsn, List<Fact> facts) {
    }

    private record Read(String bsn, List<Fact> facts, long nextSequence) {
    }

    private final EventStore eventStore;
    private final Catalogue catalogue;
    private final Map<String, Read> recent;

    SubjectHistories(EventStore eventStore, Catalogue catalogue, SignalsProperties properties) {
        this.eventStore = eventStore;
        this.catalogue = catalogue;
        int size = properties.historyCacheSize();
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
                return size() > size;
            }
        });
    }

    public MemberHistory of(String dossierId) {
        Read known = recent.get(dossierId);
        List<Fact> facts = known == null ? new ArrayList<>() : new ArrayList<>(known.facts());
        String bsn = known == null ? null : known.bsn();
        long next = known == null ? 0 : known.nextSequence();
        DomainEventStream stream = eventStore.readEvents(dossierId, next);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            next = message.getSequenceNumber() + 1;
            if (DossierErased.class.equals(message.getPayloadType())) {
                // everything before is unreadable now, here and in every instance's copy
                facts.clear();
                bsn = null;
                continue;
            }
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
        List<Fact> all = List.copyOf(facts);
        if (all.isEmpty()) {
            recent.remove(dossierId);
        } else {
            recent.put(dossierId, new Read(bsn, all, next));
        }
        return new MemberHistory(bsn, all);
    }
}
