package nl.menscentraal.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.menscentraal.support.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Partners publishing facts ({@code api.md}, "Partners: publishing"). Bodies are read as bytes rather
 * than bound by Spring, so the size limit is enforced before parsing and no parse error echoes content.
 */
@RestController("intakeEventController")
@RequestMapping("/api/v1/events")
@Tag(name = "Partners: publishing")
class IntakeEventController {

    private static final String ENVELOPE_BODY = "One envelope (event-catalogue.md), at most 64 KiB. "
            + "`partner` may be left out: it comes from the credentials.";

    private final EventIntake intake;
    private final IntakeProperties properties;

    IntakeEventController(EventIntake intake, IntakeProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @PostMapping
    @Operation(summary = "Publish one event",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = ENVELOPE_BODY,
                    content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Durably on Kafka"),
                    @ApiResponse(responseCode = "200", description = "The same eventId with the same content again"),
                    @ApiResponse(responseCode = "400", description = "Not a JSON object"),
                    @ApiResponse(responseCode = "403", description = "Another partner's type or partner field"),
                    @ApiResponse(responseCode = "409", description = "The same eventId with other content"),
                    @ApiResponse(responseCode = "413", description = "Larger than 64 KiB"),
                    @ApiResponse(responseCode = "422", description = "Invalid, with every bad field"),
                    @ApiResponse(responseCode = "503", description = "Not stored; retry with the same eventId")})
    ResponseEntity<IntakeResponses.Published> publish(
            @Parameter(hidden = true) Caller caller, HttpServletRequest request) throws IOException {
        String partner = EventIntake.publisherOf(caller);
        byte[] body = JsonBodies.read(request.getContentLengthLong(), request.getInputStream(), properties.maxEventSize());
        IntakeResponses.Published published = intake.publish(partner, body);
        HttpStatus status = IntakeResponses.ACCEPTED.equals(published.status()) ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).body(published);
    }

    @PostMapping("/batch")
    @Operation(summary = "Publish up to 1000 events, each accepted, duplicate or rejected on its own",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "{\"events\": [envelope, ...]}",
                    content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))))
    IntakeResponses.BatchPublished publishBatch(@Parameter(hidden = true) Caller caller, HttpServletRequest request) throws IOException {
        String partner = EventIntake.publisherOf(caller);
        byte[] body = JsonBodies.read(request.getContentLengthLong(), request.getInputStream(), properties.maxBatchSize());
        return intake.publishBatch(partner, body);
    }

    @GetMapping("/{eventId}")
    @Operation(summary = "Status of one of your own events: accepted, recorded or rejected with a reason")
    IntakeResponses.EventStatus status(@Parameter(hidden = true) Caller caller, @PathVariable String eventId) {
        return intake.status(EventIntake.publisherOf(caller), eventId);
    }
}
