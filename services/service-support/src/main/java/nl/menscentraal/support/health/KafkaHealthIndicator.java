package nl.menscentraal.support.health;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.concurrent.TimeUnit;

/**
 * Readiness includes Kafka: a service that cannot reach the brokers cannot accept or record facts.
 * Spring Boot has no Kafka health indicator of its own.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final KafkaAdmin kafkaAdmin;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        super("Kafka health check failed");
        this.kafkaAdmin = kafkaAdmin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                    .nodes().get(5, TimeUnit.SECONDS).size();
            builder.up().withDetail("brokers", nodes);
        }
    }
}
