package nl.menscentraal.support.kafka;

import nl.menscentraal.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the platform's topics so a service creates any that are missing at start-up (existing topics are
 * left as they are). Partition count bounds how many instances can share the consuming work.
 */
@AutoConfiguration
@EnableConfigurationProperties(TopicsConfiguration.TopicProperties.class)
public class TopicsConfiguration {

    /**
     * @param partitions        partitions per topic; the ceiling on parallel consumers of one group
     * @param replicationFactor copies of each partition; 1 only for the single local broker, 3 in production
     */
    @ConfigurationProperties("mens-centraal.topics")
    public record TopicProperties(Integer partitions, Short replicationFactor) {
        public TopicProperties {
            partitions = partitions == null ? 6 : partitions;
            replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        }
    }

    @Bean
    KafkaAdmin.NewTopics menscentraalTopics(TopicProperties properties) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.PARTNER_EVENTS, properties),
                topic(Topics.PARTNER_EVENTS_DLQ, properties),
                topic(Topics.EVENT_STATUS, properties),
                topic(Topics.SIGNALS, properties));
    }

    private static NewTopic topic(String name, TopicProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicationFactor()).build();
    }
}
