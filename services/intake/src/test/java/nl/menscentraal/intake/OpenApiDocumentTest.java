package nl.menscentraal.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpenApiDocumentTest extends IntakeIntegrationTest {

    @Test
    void describes_the_publishing_calls_without_exposing_the_caller_as_a_parameter() {
        Answer answer = get(null, "/v3/api-docs");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode paths = answer.body().path("paths");
        assertThat(paths.has("/api/v1/events")).isTrue();
        assertThat(paths.has("/api/v1/events/batch")).isTrue();
        assertThat(paths.path("/api/v1/events").path("post").path("parameters").findValuesAsText("name")).isEmpty();
        assertThat(paths.path("/api/v1/events/{eventId}").path("get").path("parameters").findValuesAsText("name"))
                .containsExactly("eventId");
    }
}
