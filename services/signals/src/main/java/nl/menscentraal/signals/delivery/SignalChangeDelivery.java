package nl.menscentraal.signals.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import nl.menscentraal.events.Topics;
import nl.menscentraal.signals.delivery.webhook.SignalDelivery;
import nl.menscentraal.signals.delivery.webhook.WebhookDeliveries;
import nl.menscentraal.signals.lifecycle.api.SignalAcknowledged;
import nl.menscentraal.signals.lifecycle.api.SignalExpired;
import nl.menscentraal.signals.lifecycle.api.SignalRaised;
import nl.menscentraal.signals.lifecycle.api.SignalResolved;
import nl.menscentraal.signals.lifecycle.api.SignalStatus;
import nl.menscentraal.signals.view.SignalRepository;
import nl.menscentraal.signals.view.SignalStream;
import nl.menscentraal.signals.view.SignalView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Announces every change of a signal to its consumers: on Kafka ({@code mens-centraal.signals.v1}, key = the
 * subject's pseudonym), to webhook subscribers and to open live streams. At least once: a failure fails the
 * processor's batch, which is retried; consumers deduplicate on signalId + status. This processor follows the
 * event store from its own token and is never reset, so a replay elsewhere never delivers anything again.
 */
@Component
@ProcessingGroup("signal-delivery")
class SignalChangeDelivery {

    private final SignalRepository signals;
    private final KafkaTemplate<String, byte[]> kafka;
    private final WebhookDeliveries webhooks;
    private final SignalStream stream;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    SignalChangeDelivery(SignalRepository signals, KafkaTemplate<String, byte[]> kafka, WebhookDeliveries webhooks,
                   SignalStream stream, ObjectMapper json, MeterRegistry meters) {
        this.signals = signals;
        this.kafka = kafka;
        this.webhooks = webhooks;
        this.stream = stream;
        this.json = json;
        this.meters = meters;
    }

    @EventHandler
    void on(SignalRaised event) throws Exception {
        deliver(event.signalId(), SignalStatus.OPEN);
    }

    @EventHandler
    void on(SignalAcknowledged event) throws Exception {
        deliver(event.signalId(), SignalStatus.IN_BEHANDELING);
    }

    @EventHandler
    void on(SignalResolved event) throws Exception {
        deliver(event.signalId(), SignalStatus.AFGEHANDELD);
    }

    @EventHandler
    void on(SignalExpired event) throws Exception {
        deliver(event.signalId(), SignalStatus.VERVALLEN);
    }

    private void deliver(UUID signalId, SignalStatus status)
            throws JsonProcessingException, ExecutionException, InterruptedException, TimeoutException {
        SignalRepository.Stored stored = signals.find(signalId)
                .orElseThrow(() -> new IllegalStateException("a signal's event precedes its read model row"));
        SignalView signal = stored.view().asOf(status.code());
        byte[] body = json.writeValueAsBytes(signal);
        kafka.send(Topics.SIGNALS, stored.subjectId(), body).get(30, TimeUnit.SECONDS);
        meters.counter("mens-centraal.signal.deliveries", "channel", "kafka", "outcome", "ok").increment();
        webhooks.enqueue(new SignalDelivery(signalId, status.code(),
                signal.ruleId(), signal.severity(), signal.routedTo(), new String(body, StandardCharsets.UTF_8)));
        Runnable live = () -> meters.counter("mens-centraal.signal.deliveries", "channel", "stream", "outcome", "ok")
                .increment(stream.publish(signal));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> live.run());
        } else {
            live.run();
        }
    }
}
