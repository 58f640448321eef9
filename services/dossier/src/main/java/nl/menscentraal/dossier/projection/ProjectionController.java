package nl.menscentraal.dossier.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import nl.menscentraal.support.audit.AccessLog;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.security.Role;
import nl.menscentraal.support.web.ProblemException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collection;
import java.util.Set;

/**
 * Rebuilding a projection from the event store ({@code POST /api/v1/projections/{name}/replay}, operators) and
 * following its progress ({@code GET /api/v1/projections/{name}}, and the gauges
 * {@code mens_centraal_projection_replaying} / {@code mens_centraal_projection_position}).
 *
 * <p>Only the client views can be replayed: their reset empties their tables and the replay writes them again.
 * The signal processors are not projections in that sense (the rules raise signals, delivery posts them; delivery is
 * never reset). Axon resets a processor only while no instance holds its segments: in a cluster, stop the
 * processor on the other instances first, or the answer is 409.
 */
@RestController
@RequestMapping("/api/v1/projections")
class ProjectionController {

    static final Set<String> REPLAYABLE = Set.of("client-views");

    record Progress(String name, boolean replaying, boolean caughtUp, int segments, long position) {
    }

    private final EventProcessingConfiguration processing;
    private final AccessLog accessLog;

    ProjectionController(EventProcessingConfiguration processing, AccessLog accessLog, MeterRegistry meters) {
        this.processing = processing;
        this.accessLog = accessLog;
        for (String name : REPLAYABLE) {
            Gauge.builder("mens_centraal_projection_replaying", () -> progress(name).replaying() ? 1 : 0)
                    .description("1 while the projection is being rebuilt from the event store")
                    .tag("projection", name).register(meters);
            Gauge.builder("mens_centraal_projection_position", () -> progress(name).position())
                    .description("the furthest event-store position the projection's segments have reached")
                    .tag("projection", name).register(meters);
        }
    }

    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Progress replay(Caller caller, @PathVariable String name, HttpServletRequest request) {
        StreamingEventProcessor processor = processor(caller, name, request);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException claimedElsewhere) {
            throw new ProblemException(HttpStatus.CONFLICT, "Another instance holds segments of " + name
                    + ": stop the processor there first.");
        } finally {
            processor.start();
        }
        return progress(name);
    }

    @GetMapping("/{name}")
    Progress status(Caller caller, @PathVariable String name, HttpServletRequest request) {
        processor(caller, name, request);
        return progress(name);
    }

    private StreamingEventProcessor processor(Caller caller, String name, HttpServletRequest request) {
        if (!caller.is(Role.OPERATOR)) {
            // not client data, but refusals of the platform's controls are logged like every other
            accessLog.write(caller, null, "projections", "none", AccessLog.Outcome.DENIED,
                    AccessLog.traceId(request.getHeader("traceparent")));
            throw new ProblemException(HttpStatus.FORBIDDEN, "Only operators replay projections.");
        }
        if (!REPLAYABLE.contains(name)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "No projection of that name can be replayed here: "
                    + String.join(", ", REPLAYABLE));
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "This instance does not run " + name + "."));
    }

    private Progress progress(String name) {
        Collection<? extends EventTrackerStatus> statuses = processing.eventProcessor(name, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().values()).orElse(java.util.List.of());
        long position = statuses.stream().mapToLong(s -> s.getCurrentPosition().orElse(-1L)).max().orElse(-1L);
        // Axon keeps a segment "replaying" until an event of its own passes the reset point, which on a quiet store
        // may take long; a segment that has caught up with the head has replayed everything there was
        return new Progress(name, statuses.stream().anyMatch(s -> s.isReplaying() && !s.isCaughtUp()),
                !statuses.isEmpty() && statuses.stream().allMatch(EventTrackerStatus::isCaughtUp), statuses.size(), position);
    }
}
