package nl.menscentraal.signals.evaluation;

import nl.menscentraal.dossier.batching.BatchedWrites;
import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.events.Bsn;
import nl.menscentraal.signals.SignalPseudonyms;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the recorded facts and queues every client with a new fact, and its household, for evaluation. A
 * household set by werk-inkomen is kept here. The evaluation itself runs from the queue, once per subject
 * however many of its facts a batch holds.
 */
@Component
@ProcessingGroup("signal-rules")
class NewFactsProjection {

    static final String HOUSEHOLD_SET = "werk-inkomen.huishouden-vastgesteld";

    private final EvaluationQueue queue;
    private final Households households;
    private final SignalPseudonyms pseudonyms;
    private final Clock clock;

    NewFactsProjection(EvaluationQueue queue, Households households, SignalPseudonyms pseudonyms, Clock clock) {
        this.queue = queue;
        this.households = households;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    @EventHandler
    void on(ChainEventRecorded event) {
        if (event.type().equals(HOUSEHOLD_SET)) {
            Map<String, String> members = new LinkedHashMap<>();
            members.put(event.dossierId(), event.bsn());
            event.payload().path("leden").forEach(lid -> {
                Bsn bsn = Bsn.parse(lid.asText());
                members.put(pseudonyms.pseudonyms().of(bsn), bsn.value());
            });
            households.set(members, event.occurredAt());
        }
        BatchedWrites.add("signal-rules.new-facts", event.dossierId(), this::queue);
    }

    private void queue(List<String> dossierIds) {
        Set<String> clients = new LinkedHashSet<>(dossierIds);
        List<EvaluationQueue.Due> due = new ArrayList<>();
        for (Households.Household household : households.ofAny(List.copyOf(clients))) {
            due.add(new EvaluationQueue.Due(household.id(), household.members()));
            // a household member's facts change the client rules of the others too (ontruiming with children)
            clients.addAll(household.members());
        }
        clients.forEach(c -> due.add(new EvaluationQueue.Due(c, List.of(c))));
        queue.due(due, clock.instant());
    }
}
