package nl.menscentraal.dossier.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.events.Involvement;
import nl.menscentraal.events.ProblemEffect;
import nl.menscentraal.events.Professional;
import nl.menscentraal.events.Sensitivity;
import nl.menscentraal.support.schema.ServiceSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline projection on a real PostgreSQL, without a Spring context. */
class TimelineProjectionTest {

    private static TimelineProjection projection;
    private static TimelineRepository repository;

    @BeforeAll
    static void database() {
        var postgres = EmbeddedPlatformInfrastructure.shared().postgres();
        var dataSource = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password());
        ServiceSchema.migrate(dataSource, "dossier");
        ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
        projection = new TimelineProjection(new JdbcTemplate(dataSource), objectMapper);
        repository = new TimelineRepository(new NamedParameterJdbcTemplate(dataSource), objectMapper);
    }

    @Test
    void a_fact_handled_twice_appears_once_with_its_original_offset_and_content() throws Exception {
        String dossier = "dossier-" + UUID.randomUUID();
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("regeling", "bijstand").put("extra", "kept");
        ChainEventRecorded event = new ChainEventRecorded(dossier, UUID.randomUUID(), "werk-inkomen",
                "werk-inkomen.uitkering-aangevraagd", 1, "999993653", OffsetDateTime.parse("2015-09-01T09:00:00+02:00"),
                null, Instant.parse("2026-11-23T10:00:00Z"), new Professional("p-1", "Petra", null), payload,
                "inkomen", Sensitivity.FINANCIEEL, Involvement.STARTS, ProblemEffect.RAISES, "fp");

        projection.on(event);
        projection.on(event);

        assertThat(repository.find(new TimelineQuery(dossier, null, null, null))).singleElement().satisfies(row -> {
            assertThat(row.occurredAt()).isEqualTo(OffsetDateTime.parse("2015-09-01T09:00:00+02:00"));
            assertThat(row.occurredAt().getOffset().getTotalSeconds()).isEqualTo(7200);
            assertThat(row.payload().path("extra").asText()).isEqualTo("kept");
            assertThat(row.professional().path("displayName").asText()).isEqualTo("Petra");
            assertThat(row.sensitivity()).isEqualTo(Sensitivity.FINANCIEEL);
        });
        assertThat(repository.partnersWithFacts(dossier)).containsExactly("werk-inkomen");
    }

    @Test
    void rows_come_back_in_business_time_order_whatever_the_order_they_arrived_in() throws Exception {
        String dossier = "dossier-" + UUID.randomUUID();
        projection.on(fact(dossier, "2016-05-02T10:00:00+02:00"));
        projection.on(fact(dossier, "2016-03-01T10:00:00+01:00"));

        assertThat(repository.find(new TimelineQuery(dossier, null, null, null)))
                .extracting(r -> r.occurredAt().toString())
                .containsExactly("2016-03-01T10:00+01:00", "2016-05-02T10:00+02:00");
    }

    private static ChainEventRecorded fact(String dossier, String occurredAt) {
        return new ChainEventRecorded(dossier, UUID.randomUUID(), "wmo", "wmo.briefadres-verstrekt", 1, "999996708",
                OffsetDateTime.parse(occurredAt), null, Instant.now(), null, JsonNodeFactory.instance.objectNode(),
                "huisvesting", Sensitivity.BASIS, Involvement.NONE, ProblemEffect.NONE, "fp");
    }
}
