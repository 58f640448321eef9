package nl.menscentraal.signals.lifecycle.command;

import nl.menscentraal.signals.lifecycle.api.AcknowledgeSignalCommand;
import nl.menscentraal.signals.lifecycle.api.ReconcileSignalsCommand;
import nl.menscentraal.signals.lifecycle.api.ResolveSignalCommand;
import nl.menscentraal.signals.lifecycle.api.SignalAcknowledged;
import nl.menscentraal.signals.lifecycle.api.SignalExpired;
import nl.menscentraal.signals.lifecycle.api.SignalRaised;
import nl.menscentraal.signals.lifecycle.api.SignalResolved;
import nl.menscentraal.signals.lifecycle.api.SignalStatus;
import nl.menscentraal.signals.lifecycle.api.SignalTransitionRefused;
import nl.menscentraal.signals.rules.Episode;
import nl.menscentraal.signals.rules.SignalIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The signals of one subject (a client or a household), as a stream in the event store next to the client's
 * dossier: replay and audit see every signal and every step of its lifecycle. It enforces the lifecycle and
 * that a rule does not fire again for the subject while a signal of it is open or in-behandeling.
 */
@Aggregate
class SubjectSignals {

    private record Signal(String ruleId, SignalStatus status) {
        Signal with(SignalStatus next) {
            return new Signal(ruleId, next);
        }
    }

    @AggregateIdentifier
    private String streamId;

    private final Map<UUID, Signal> signals = new LinkedHashMap<>();

    SubjectSignals() {
        // for Axon: created by its first signal
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReconcileSignalsCommand command) {
        Set<UUID> holding = new HashSet<>();
        command.held().forEach(e -> holding.add(SignalIds.of(e.ruleId(), command.subject().id(), e.firstEventId())));
        // lapse first: a new episode of the same rule in the same evaluation is then free to fire.
        // Auto-expiring rules lapse when the condition clears, deadline rules when a late fact showed the deadline
        // was met; other signals stay for a person to close.
        for (Map.Entry<UUID, Signal> signal : new LinkedHashMap<>(signals).entrySet()) {
            if (signal.getValue().status().isActive() && !holding.contains(signal.getKey())
                    && command.lapsingRules().contains(signal.getValue().ruleId())) {
                apply(new SignalExpired(command.streamId(), signal.getKey(), command.at()));
            }
        }
        for (Episode episode : command.held()) {
            UUID signalId = SignalIds.of(episode.ruleId(), command.subject().id(), episode.firstEventId());
            if (signals.containsKey(signalId) || (!episode.eachEpisodeSignals() && hasActive(episode.ruleId()))) {
                continue;
            }
            apply(new SignalRaised(command.streamId(), signalId, command.subject(), episode.ruleId(),
                    episode.ruleVersion(), episode.severity().code(), episode.basedOn(), episode.explanation(),
                    episode.routedTo(), episode.heldAt(), command.at()));
        }
    }

    @CommandHandler
    void handle(AcknowledgeSignalCommand command) {
        Signal signal = existing(command.signalId());
        if (signal.status() != SignalStatus.OPEN) {
            throw new SignalTransitionRefused("only an open signal can be acknowledged; this one is "
                    + signal.status().code());
        }
        apply(new SignalAcknowledged(command.streamId(), command.signalId(), command.principal(),
                command.organisation(), command.at()));
    }

    @CommandHandler
    void handle(ResolveSignalCommand command) {
        Signal signal = existing(command.signalId());
        if (!signal.status().isActive()) {
            throw new SignalTransitionRefused("only an open or in-behandeling signal can be resolved; this one is "
                    + signal.status().code());
        }
        apply(new SignalResolved(command.streamId(), command.signalId(), command.resolution(), command.note(),
                command.principal(), command.organisation(), command.at()));
    }

    private Signal existing(UUID signalId) {
        Signal signal = signals.get(signalId);
        if (signal == null) {
            throw new SignalTransitionRefused("no such signal for this subject");
        }
        return signal;
    }

    private boolean hasActive(String ruleId) {
        return signals.values().stream().anyMatch(s -> s.ruleId().equals(ruleId) && s.status().isActive());
    }

    @EventSourcingHandler
    void on(SignalRaised event) {
        streamId = event.streamId();
        signals.put(event.signalId(), new Signal(event.ruleId(), SignalStatus.OPEN));
    }

    @EventSourcingHandler
    void on(SignalAcknowledged event) {
        signals.computeIfPresent(event.signalId(), (id, s) -> s.with(SignalStatus.IN_BEHANDELING));
    }

    @EventSourcingHandler
    void on(SignalResolved event) {
        signals.computeIfPresent(event.signalId(), (id, s) -> s.with(SignalStatus.AFGEHANDELD));
    }

    @EventSourcingHandler
    void on(SignalExpired event) {
        signals.computeIfPresent(event.signalId(), (id, s) -> s.with(SignalStatus.VERVALLEN));
    }
}
