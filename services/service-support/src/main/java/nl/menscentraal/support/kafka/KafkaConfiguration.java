package nl.menscentraal.support.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka defaults that keep client data out of logs and never drop a record.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
public class KafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

    /**
     * Replaces Spring Kafka's logging producer listener, which writes the record's key (a BSN on the
     * partner-events topic) and value into the log when a send fails.
     */
    @Bean
    ProducerListener<Object, Object> contentFreeProducerListener() {
        return new ProducerListener<>() {
            @Override
            public void onError(ProducerRecord<Object, Object> record, RecordMetadata metadata, Exception exception) {
                log.warn("Kafka send to topic {} failed: {}", record.topic(), exception.getClass().getName());
            }
        };
    }

    /**
     * Listeners retry a failing record with backoff for as long as it takes (a database outage, say) rather
     * than skipping it after a few attempts and losing it. A listener that must give up on a record and park
     * it declares its own container factory.
     */
    @Bean
    CommonErrorHandler retryingErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }
}
