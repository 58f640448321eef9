package nl.menscentraal.dossier.kafka;

import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The partner-events consumer takes a poll of records at a time. A record that fails for an unexpected reason
 * (the database is away, a bug) is retried with backoff for about two minutes, then parked on the
 * dead-letter topic with the reason, so one bad record never stops the partition and none is dropped.
 */
@Configuration(proxyBeanMethods = false)
class DossierKafkaConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> partnerEventsListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            DeadLetters deadLetters) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        // a poll's records are recorded together, in one transaction (see CommandBatch)
        factory.setBatchListener(true);
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(8);
        backOff.setInitialInterval(500);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(30_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(deadLetters::parkAfterFailure, backOff));
        return factory;
    }
}
