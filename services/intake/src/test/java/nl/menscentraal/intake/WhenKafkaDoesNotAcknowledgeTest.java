package nl.menscentraal.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.events.EnvelopeJson;
import nl.menscentraal.events.EnvelopeValidator;
import nl.menscentraal.events.FieldError;
import nl.menscentraal.support.schema.ServiceSchema;
import nl.menscentraal.support.web.ProblemException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The intake against a broker that is not there: a real producer pointed at a closed port, and the real
 * PostgreSQL. No Spring context, so the shared integration context keeps its working Kafka.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@ExtendWith(OutputCaptureExtension.class)
class WhenKafkaDoesNotAcknowledgeTest {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(2);

    private static DefaultKafkaProducerFactory<String, byte[]> deadBroker;
    private static DefaultKafkaProducerFactory<String, byte[]> liveBroker;
    private static IntakeEventStore store;
    private static EventIntake withoutKafka;
    private static EventIntake withKafka;

    @BeforeAll
    static void wire() {
        EmbeddedPlatformInfrastructure infra = EmbeddedPlatformInfrastructure.shared();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                infra.postgres().jdbcUrl(), infra.postgres().username(), infra.postgres().password());
        ServiceSchema.migrate(dataSource, "intake");
        store = new IntakeEventStore(new NamedParameterJdbcTemplate(dataSource));
        deadBroker = producers("127.0.0.1:1");
        liveBroker = producers(infra.kafka().bootstrapServers());
        withoutKafka = intake(deadBroker);
        withKafka = intake(liveBroker);
    }

    @AfterAll
    static void close() {
        deadBroker.destroy();
        liveBroker.destroy();
    }

    @Test
    void a_single_event_is_answered_503_and_stays_pending_until_the_retry_puts_it_on_kafka(CapturedOutput output) {
        String bsn = Bsns.random();
        ObjectNode envelope = Envelopes.uitkeringAangevraagd(bsn);
        UUID eventId = UUID.fromString(envelope.get("eventId").asText());

        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> withoutKafka.publish("werk-inkomen", bytes(envelope)));

        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getMessage()).contains("retry with the same eventId").doesNotContain(bsn);
        assertThat(store.find("werk-inkomen", eventId)).get().extracting(StoredEvent::status).isEqualTo(IntakeStatus.PENDING);
        assertThat(output.getAll()).as("no log line names the client").doesNotContain(bsn);

        IntakeResponses.Published retried = withKafka.publish("werk-inkomen", bytes(envelope));

        assertThat(retried.status()).isEqualTo("accepted");
        assertThat(store.find("werk-inkomen", eventId)).get().extracting(StoredEvent::status).isEqualTo(IntakeStatus.ACCEPTED);
        assertThat(PartnerEventsTopic.recordsKeyed(bsn, 1)).hasSize(1);
    }

    @Test
    void batch_items_are_rejected_with_retry_quickly_and_the_retried_batch_accepts_them() {
        String bsn = Bsns.random();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            items.append(i == 0 ? "" : ",").append(Envelopes.uitkeringAangevraagd(bsn));
        }
        byte[] batch = ("{\"events\":[" + items + "]}").getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();

        IntakeResponses.BatchPublished failed = withoutKafka.publishBatch("werk-inkomen", batch);

        // Not 50 times max.block.ms: once the brokers prove unreachable the rest is not even tried.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ACK_TIMEOUT.multipliedBy(3));
        assertThat(failed.results()).extracting(IntakeResponses.ItemResult::status).hasSize(50).containsOnly("rejected");
        assertThat(failed.results()).flatExtracting(IntakeResponses.ItemResult::errors)
                .containsOnly(new FieldError("", "not stored; retry"));

        IntakeResponses.BatchPublished retried = withKafka.publishBatch("werk-inkomen", batch);

        assertThat(retried.results()).extracting(IntakeResponses.ItemResult::status).hasSize(50).containsOnly("accepted");
        assertThat(PartnerEventsTopic.recordsKeyed(bsn, 50)).hasSize(50);
    }

    private static EventIntake intake(DefaultKafkaProducerFactory<String, byte[]> producers) {
        Catalogue catalogue = Catalogue.load();
        Clock clock = Clock.systemUTC();
        IntakeProperties properties = new IntakeProperties(DataSize.ofKilobytes(64), DataSize.ofMegabytes(16), 1000,
                ACK_TIMEOUT, "unused");
        return new EventIntake(new EnvelopeAdmission(catalogue, new EnvelopeValidator(catalogue, clock)), store,
                new PartnerEventSender(new KafkaTemplate<>(producers)), new JsonBodies(),
                new IntakeMetrics(new SimpleMeterRegistry(), catalogue), properties, clock);
    }

    private static DefaultKafkaProducerFactory<String, byte[]> producers(String bootstrapServers) {
        return new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(ObjectNode envelope) {
        try {
            return EnvelopeJson.mapper().writeValueAsBytes(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
