package nl.menscentraal.signals.view;

import jakarta.servlet.http.HttpServletRequest;
import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.events.Bsn;
import nl.menscentraal.events.FieldError;
import nl.menscentraal.signals.SignalPseudonyms;
import nl.menscentraal.signals.lifecycle.api.AcknowledgeSignalCommand;
import nl.menscentraal.signals.lifecycle.api.ResolveSignalCommand;
import nl.menscentraal.signals.lifecycle.api.SignalStatus;
import nl.menscentraal.signals.lifecycle.api.SignalTransitionRefused;
import nl.menscentraal.support.audit.AccessLog;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.security.Role;
import nl.menscentraal.support.web.ProblemException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Signals for the people they are routed to: regisseurs see those routed to {@code regie}, a partner those routed
 * to it, auditors (stating a purpose) all. Every read is access-logged, per client concerned.
 */
@RestController
@RequestMapping("/api/v1/signals")
class SignalController {

    static final Set<String> RESOLUTIONS = Set.of("opgepakt", "niet-nodig", "doorverwezen");
    private static final int MAX_NOTE = 2000;

    record SignalList(List<SignalView> signals) {
    }

    record Resolution(String resolution, String note) {
    }

    private final SignalRepository signals;
    private final SignalStream stream;
    private final CommandGateway commands;
    private final AccessLog accessLog;
    private final ClientPseudonyms pseudonyms;
    private final Clock clock;

    SignalController(SignalRepository signals, SignalStream stream, CommandGateway commands, AccessLog accessLog,
                     SignalPseudonyms pseudonyms, Clock clock) {
        this.signals = signals;
        this.stream = stream;
        this.commands = commands;
        this.accessLog = accessLog;
        this.pseudonyms = pseudonyms.pseudonyms();
        this.clock = clock;
    }

    @GetMapping
    SignalList list(Caller caller, @RequestParam(required = false) String status,
                    @RequestParam(required = false) String ruleId, @RequestParam(required = false) String bsn,
                    HttpServletRequest request) {
        Reader reader = reader(caller, request, "signals");
        List<FieldError> errors = new ArrayList<>();
        if (status != null && SignalStatus.fromCode(status).isEmpty()) {
            errors.add(new FieldError("status", "must be open, in-behandeling, afgehandeld or vervallen"));
        }
        if (bsn != null) {
            Bsn.problemWith(bsn).ifPresent(p -> errors.add(new FieldError("bsn", p)));
        }
        String memberId = bsn == null || !errors.isEmpty() ? null : pseudonyms.of(Bsn.parse(bsn));
        if (!errors.isEmpty()) {
            reader.log(memberId, AccessLog.Outcome.DENIED);
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST, errors);
        }
        List<SignalRepository.Stored> found = signals.list(reader.recipient(), status, ruleId, memberId, 500);
        Set<String> subjects = new LinkedHashSet<>();
        found.forEach(s -> subjects.addAll(s.members()));
        if (subjects.isEmpty()) {
            reader.log(memberId, AccessLog.Outcome.GRANTED);
        }
        subjects.forEach(s -> reader.log(s, AccessLog.Outcome.GRANTED));
        return new SignalList(found.stream().map(SignalRepository.Stored::view).toList());
    }

    @GetMapping("/{signalId}")
    SignalView one(Caller caller, @PathVariable UUID signalId, HttpServletRequest request) {
        return visible(reader(caller, request, "signal"), signalId).view();
    }

    @PostMapping("/{signalId}/acknowledge")
    SignalView acknowledge(Caller caller, @PathVariable UUID signalId, HttpServletRequest request) {
        SignalRepository.Stored signal = visible(handler(caller, request, "signal/acknowledge"), signalId);
        send(new AcknowledgeSignalCommand(signal.streamId(), signalId, caller.principal(), caller.organisation(),
                now()));
        return signals.find(signalId).orElseThrow().view();
    }

    @PostMapping("/{signalId}/resolve")
    SignalView resolve(Caller caller, @PathVariable UUID signalId, @RequestBody(required = false) Resolution body,
                       HttpServletRequest request) {
        Reader reader = handler(caller, request, "signal/resolve");
        List<FieldError> errors = new ArrayList<>();
        String resolution = body == null ? null : body.resolution();
        String note = body == null ? null : body.note();
        if (resolution == null || !RESOLUTIONS.contains(resolution)) {
            errors.add(new FieldError("resolution", "must be opgepakt, niet-nodig or doorverwezen"));
        }
        if (note == null || note.isBlank()) {
            errors.add(new FieldError("note", "is required"));
        } else if (note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "must be at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST, errors);
        }
        SignalRepository.Stored signal = visible(reader, signalId);
        send(new ResolveSignalCommand(signal.streamId(), signalId, resolution, note, caller.principal(),
                caller.organisation(), now()));
        return signals.find(signalId).orElseThrow().view();
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller, HttpServletRequest request) {
        Reader reader = reader(caller, request, "signals/stream");
        reader.log(null, AccessLog.Outcome.GRANTED);
        return stream.open(reader.recipient() == null ? SignalStream.EVERYTHING : reader.recipient(), 30 * 60_000L);
    }

    /** PostgreSQL keeps microseconds: the read model and the events then show the same instant. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (SignalTransitionRefused e) {
            throw new ProblemException(HttpStatus.CONFLICT, e.getMessage());
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof SignalTransitionRefused refused) {
                throw new ProblemException(HttpStatus.CONFLICT, refused.getMessage());
            }
            throw e;
        }
    }

    /** A signal the reader may see; any other, known or not, is 404 to them. */
    private SignalRepository.Stored visible(Reader reader, UUID signalId) {
        SignalRepository.Stored signal = signals.find(signalId)
                .filter(s -> reader.recipient() == null || s.view().routedTo().contains(reader.recipient()))
                .orElse(null);
        if (signal == null) {
            reader.log(null, AccessLog.Outcome.DENIED);
            throw new ProblemException(HttpStatus.NOT_FOUND, "No such signal is routed to you.");
        }
        signal.members().forEach(m -> reader.log(m, AccessLog.Outcome.GRANTED));
        return signal;
    }

    /** Who reads, as which recipient ({@code null} = everything, for auditors), for which purpose. */
    private record Reader(Caller caller, String recipient, String purpose, String view, String traceId, AccessLog log) {
        void log(String subject, AccessLog.Outcome outcome) {
            log.write(caller, subject, view, purpose, outcome, traceId);
        }
    }

    private Reader reader(Caller caller, HttpServletRequest request, String view) {
        String traceId = AccessLog.traceId(request.getHeader("traceparent"));
        return switch (caller.role()) {
            case PARTNER -> new Reader(caller, caller.organisation(), "hulpverlening", view, traceId, accessLog);
            case REGISSEUR -> new Reader(caller, "regie", "regie", view, traceId, accessLog);
            case AUDITOR -> {
                String purpose = request.getHeader("X-Purpose");
                if (purpose == null || !AccessLog.AUDIT_PURPOSES.contains(purpose)) {
                    accessLog.write(caller, null, view, "none", AccessLog.Outcome.DENIED, traceId);
                    throw ProblemException.invalid(HttpStatus.BAD_REQUEST, List.of(AccessLog.missingPurpose()));
                }
                yield new Reader(caller, null, purpose, view, traceId, accessLog);
            }
            case OPERATOR -> {
                accessLog.write(caller, null, view, "beheer", AccessLog.Outcome.DENIED, traceId);
                throw new ProblemException(HttpStatus.FORBIDDEN, "Operators do not read client signals.");
            }
        };
    }

    /** Acknowledging and resolving is for the people a signal is routed to, not for auditors. */
    private Reader handler(Caller caller, HttpServletRequest request, String view) {
        if (!caller.is(Role.PARTNER) && !caller.is(Role.REGISSEUR)) {
            accessLog.write(caller, null, view, "none", AccessLog.Outcome.DENIED, AccessLog.traceId(request.getHeader("traceparent")));
            throw new ProblemException(HttpStatus.FORBIDDEN, "Only the partners and regisseurs a signal is routed to handle it.");
        }
        return reader(caller, request, view);
    }
}
