package nl.menscentraal.intake;

import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** Reads the real partner-events topic of the shared test broker, the way the dossier would. */
final class PartnerEventsTopic {

    private PartnerEventsTopic() {
    }

    /** Every record with this key (a test's own BSN), waiting until there are at least {@code count}. */
    static List<ConsumerRecord<String, byte[]>> recordsKeyed(String key, int count) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedPlatformInfrastructure.shared().kafka().bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            // Assigned, not subscribed: no consumer group to join, and always from the very beginning.
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PARTNER_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= count;
            });
            return found;
        }
    }
}
