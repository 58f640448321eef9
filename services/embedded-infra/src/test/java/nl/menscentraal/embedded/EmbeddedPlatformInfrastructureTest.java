package nl.menscentraal.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPlatformInfrastructureTest {

    @Test
    void data_written_before_a_restart_is_still_there_after_it(@TempDir Path dataDir) throws Exception {
        try (var infra = EmbeddedPlatformInfrastructure.start(dataDir, 0, 0)) {
            try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl(), "postgres", "postgres")) {
                c.createStatement().execute("create table kept (v text)");
                c.createStatement().execute("insert into kept values ('survives')");
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", infra.kafka().bootstrapServers()));
                 var producer = new KafkaProducer<>(Map.<String, Object>of(
                         "bootstrap.servers", infra.kafka().bootstrapServers(), "acks", "all"),
                         new StringSerializer(), new StringSerializer())) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
                producer.send(new ProducerRecord<>("kept", "k", "survives")).get();
            }
        }

        try (var infra = EmbeddedPlatformInfrastructure.start(dataDir, 0, 0)) {
            try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl(), "postgres", "postgres");
                 ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("survives");
            }
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    "bootstrap.servers", infra.kafka().bootstrapServers(),
                    "group.id", "restart-check", "auto.offset.reset", "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("kept"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                for (int i = 0; i < 30 && records.isEmpty(); i++) {
                    records = consumer.poll(Duration.ofSeconds(1));
                }
                assertThat(records).extracting(r -> r.value()).containsExactly("survives");
            }
        }
    }
}
