package nl.menscentraal.signals.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.menscentraal.signals.lifecycle.api.SignalAcknowledged;
import nl.menscentraal.signals.lifecycle.api.SignalExpired;
import nl.menscentraal.signals.lifecycle.api.SignalRaised;
import nl.menscentraal.signals.lifecycle.api.SignalResolved;
import nl.menscentraal.signals.lifecycle.api.SignalStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps the signals read model, in the transaction that records the signal's event (a subscribing processor):
 * an acknowledgement answered by the API is already visible to the next request.
 */
@Component
@ProcessingGroup("signal-views")
class SignalProjection {

    private final SignalRepository signals;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    SignalProjection(SignalRepository signals, ObjectMapper json, MeterRegistry meters) {
        this.signals = signals;
        this.json = json;
        this.meters = meters;
    }

    @EventHandler
    void on(SignalRaised event) {
        ObjectNode subject = json.createObjectNode();
        if (event.subject().household()) {
            event.subject().bsns().forEach(subject.putArray("household")::add);
        } else {
            subject.put("bsn", event.subject().bsns().get(0));
        }
        signals.insert(new SignalView(event.signalId(), event.ruleId(), event.ruleVersion(), event.severity(), subject,
                        event.raisedAt(), event.basedOn(), event.explanation(), event.routedTo(), SignalStatus.OPEN.code(),
                        List.of(new SignalView.Step(SignalStatus.OPEN.code(), event.raisedAt(), null, null, null, null))),
                event.subject().id(), event.subject().memberIds());
        // counted here, once per signal: this handler is not replayed
        Counter.builder("mens-centraal.signals.raised").description("Signals raised, per rule and severity")
                .tag("rule", event.ruleId()).tag("severity", event.severity()).register(meters).increment();
    }

    @EventHandler
    void on(SignalAcknowledged event) {
        signals.step(event.signalId(), new SignalView.Step(SignalStatus.IN_BEHANDELING.code(), event.at(),
                event.principal(), event.organisation(), null, null));
    }

    @EventHandler
    void on(SignalResolved event) {
        signals.step(event.signalId(), new SignalView.Step(SignalStatus.AFGEHANDELD.code(), event.at(),
                event.principal(), event.organisation(), event.resolution(), event.note()));
    }

    @EventHandler
    void on(SignalExpired event) {
        signals.step(event.signalId(), new SignalView.Step(SignalStatus.VERVALLEN.code(), event.at(), null, null, null, null));
    }
}
