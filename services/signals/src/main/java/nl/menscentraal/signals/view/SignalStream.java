package nl.menscentraal.signals.view;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Open Server-Sent Events streams, by the recipient they listen for ({@code regie}, a partner id, or {@code *} for
 * auditors). A stream receives the changes of the signals routed to its recipient while it is open; a consumer
 * that was away catches up from the list endpoint or Kafka.
 */
@Component
public class SignalStream {

    static final String EVERYTHING = "*";

    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

    SseEmitter open(String recipient, long timeoutMillis) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        Set<SseEmitter> listeners = streams.computeIfAbsent(recipient, r -> new CopyOnWriteArraySet<>());
        listeners.add(emitter);
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(e -> listeners.remove(emitter));
        try {
            // a first comment sends the response headers now, so the consumer knows at once that it is connected
            emitter.send(SseEmitter.event().comment("signals routed to " + recipient));
        } catch (IOException e) {
            listeners.remove(emitter);
            emitter.completeWithError(e);
        }
        return emitter;
    }

    /** @return how many streams it was sent to */
    public int publish(SignalView signal) {
        int sent = 0;
        for (String recipient : signal.routedTo()) {
            sent += send(recipient, signal);
        }
        return sent + send(EVERYTHING, signal);
    }

    private int send(String recipient, SignalView signal) {
        int sent = 0;
        for (SseEmitter emitter : streams.getOrDefault(recipient, Set.of())) {
            try {
                emitter.send(SseEmitter.event().name("signal").id(signal.signalId() + ":" + signal.status())
                        .data(signal, MediaType.APPLICATION_JSON));
                sent++;
            } catch (IOException | IllegalStateException e) {
                streams.get(recipient).remove(emitter);
            }
        }
        return sent;
    }
}
