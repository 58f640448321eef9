package nl.menscentraal.dossier.chain.command;

import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.dossier.chain.api.ClientSituationChanged;
import nl.menscentraal.dossier.chain.api.DossierErased;
import nl.menscentraal.dossier.chain.api.EraseDossierCommand;
import nl.menscentraal.dossier.chain.api.PartnerFact;
import nl.menscentraal.dossier.chain.api.RecordChainEventsCommand;
import nl.menscentraal.dossier.chain.api.RecordOutcome;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.events.EventType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One client's dossier: every accepted fact, in order. Its identifier is the keyed pseudonym of the BSN.
 * It decides whether a fact is new, a repeat or a conflict, and what the fact does to the client's
 * situation.
 */
@Aggregate(cache = "clientDossierCache")
class ClientDossier {

    @AggregateIdentifier
    private String dossierId;

    /** partner + eventId → content fingerprint: eventIds are unique per partner, not globally. */
    private final Map<String, String> fingerprints = new HashMap<>();

    private ClientSituation situation = new ClientSituation();

    private ClientSituationChanged lastSituation;

    ClientDossier() {
        // for Axon: a dossier is created by its first recorded fact
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<RecordOutcome> handle(RecordChainEventsCommand command, Catalogue catalogue) {
        List<RecordOutcome> outcomes = new ArrayList<>(command.facts().size());
        for (PartnerFact fact : command.facts()) {
            outcomes.add(record(command, fact, catalogue));
        }
        if (outcomes.contains(RecordOutcome.RECORDED)) {
            // once per command: a bulk delivery's intermediate situations would only be overwritten
            ClientSituationChanged now = situation.snapshot(command.dossierId());
            if (!now.equals(lastSituation)) {
                apply(now);
            }
        }
        return outcomes;
    }

    private RecordOutcome record(RecordChainEventsCommand command, PartnerFact fact, Catalogue catalogue) {
        String known = fingerprints.get(key(fact.partner(), fact.eventId().toString()));
        if (known != null) {
            return known.equals(fact.fingerprint()) ? RecordOutcome.DUPLICATE : RecordOutcome.CONFLICT;
        }
        EventType type = catalogue.type(fact.type())
                .orElseThrow(() -> new IllegalArgumentException("event type is not in the catalogue"));
        apply(new ChainEventRecorded(command.dossierId(), fact.eventId(), fact.partner(), fact.type(),
                fact.schemaVersion(), fact.bsn(), fact.occurredAt(), fact.receivedAt(), command.recordedAt(),
                fact.professional(), fact.payload(), type.domain(), type.sensitivity(), type.involvement(),
                type.problem(), fact.fingerprint()));
        return RecordOutcome.RECORDED;
    }

    @EventSourcingHandler
    void on(ChainEventRecorded event) {
        dossierId = event.dossierId();
        fingerprints.put(key(event.partner(), event.eventId().toString()), event.fingerprint());
        situation.record(event);
    }

    @EventSourcingHandler
    void on(ClientSituationChanged event) {
        lastSituation = event;
    }

    /** Erasure is recorded even when nothing new happened since an earlier one: each request is a legal act. */
    @CommandHandler
    void handle(EraseDossierCommand command) {
        apply(new DossierErased(command.dossierId(), command.reason(), command.erasedAt()));
    }

    /**
     * What came before is unreadable from now on; a fact that arrives later starts the dossier afresh, and a
     * redelivered old fact counts as new, since nothing remembers it.
     */
    @EventSourcingHandler
    void on(DossierErased event) {
        dossierId = event.dossierId();
        fingerprints.clear();
        situation = new ClientSituation();
        lastSituation = null;
    }

    private static String key(String partner, String eventId) {
        return partner + ':' + eventId;
    }
}
