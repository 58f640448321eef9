package nl.menscentraal.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.events.EnvelopeJson;
import nl.menscentraal.launch.IntakeApplication;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Common ground of the intake's integration tests: one Spring context (cached across all subclasses,
 * because they share this class's configuration) on a real PostgreSQL and a real Kafka broker, called
 * over real HTTP. Tests isolate themselves with fresh BSNs and eventIds, never by resetting state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = IntakeApplication.class)
abstract class IntakeIntegrationTest {

    static final String WERK_INKOMEN = "dev-werk-inkomen";
    static final String SCHULDHULP = "dev-schuldhulp";
    static final String REGISSEUR = "dev-regisseur-1";
    static final String AUDITOR = "dev-auditor";

    static final ObjectMapper JSON = EnvelopeJson.mapper();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPlatformInfrastructure infra = EmbeddedPlatformInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infra.postgres().jdbcUrl());
        registry.add("spring.datasource.username", () -> infra.postgres().username());
        registry.add("spring.datasource.password", () -> infra.postgres().password());
        registry.add("spring.kafka.bootstrap-servers", () -> infra.kafka().bootstrapServers());
        registry.add("mens-centraal.security.static-tokens", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    /** What came back from the API: status, content type and the JSON body (or null when empty). */
    record Answer(int status, MediaType contentType, JsonNode body) {

        boolean isProblem() {
            return contentType != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType);
        }

        /** The {@code field} of every error in a problem or batch result. */
        List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            body.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }
    }

    Answer post(String token, String path, Object body) {
        byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : write(body);
        return client().post().uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(bytes)
                .exchange((request, response) -> answer(response.getStatusCode().value(),
                        response.getHeaders().getContentType(), response.getBody().readAllBytes()));
    }

    Answer get(String token, String path) {
        return client().get().uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .exchange((request, response) -> answer(response.getStatusCode().value(),
                        response.getHeaders().getContentType(), response.getBody().readAllBytes()));
    }

    Answer publish(String token, Object envelope) {
        return post(token, "/api/v1/events", envelope);
    }

    /** Every record on the partner-events topic with this key, waiting until there are at least {@code count}. */
    List<ConsumerRecord<String, byte[]>> partnerEventsKeyed(String key, int count) {
        return PartnerEventsTopic.recordsKeyed(key, count);
    }

    static JsonNode read(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RestClient client() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .build();
    }

    private static Answer answer(int status, MediaType contentType, byte[] body) throws IOException {
        return new Answer(status, contentType, body.length == 0 ? null : JSON.readTree(body));
    }

    private static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
