package nl.menscentraal.dossier.chain.command;

import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.dossier.chain.api.ClientSituationChanged;
import nl.menscentraal.dossier.chain.api.RecordChainEventCommand;
import nl.menscentraal.dossier.chain.api.RecordOutcome;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.events.EventType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
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

    private final ClientSituation situation = new ClientSituation();

    private ClientSituationChanged lastSituation;

    ClientDossier() {
        // for Axon: a dossier is created by its first recorded fact
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordOutcome handle(RecordChainEventCommand command, Catalogue catalogue) {
        String known = fingerprints.get(key(command.partner(), command.eventId().toString()));
        if (known != null) {
            return known.equals(command.fingerprint()) ? RecordOutcome.DUPLICATE : RecordOutcome.CONFLICT;
        }
        EventType type = catalogue.type(command.type())
                .orElseThrow(() -> new IllegalArgumentException("event type is not in the catalogue"));
        apply(new ChainEventRecorded(command.dossierId(), command.eventId(), command.partner(), command.type(),
                command.schemaVersion(), command.bsn(), command.occurredAt(), command.receivedAt(),
                command.recordedAt(), command.professional(), command.payload(), type.domain(),
                type.sensitivity(), type.involvement(), type.problem(), command.fingerprint()));
        ClientSituationChanged now = situation.snapshot(command.dossierId());
        if (!now.equals(lastSituation)) {
            apply(now);
        }
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

    private static String key(String partner, String eventId) {
        return partner + ':' + eventId;
    }
}
