package nl.menscentraal.dossier;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.micrometer.core.instrument.Tags;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon defaults that cost more per event than they give the dossier, each measured in a profile of the Kafka
 * pipeline at full speed (docs/performance.md, "What moved the numbers"). The handler timeouts are switched off
 * in {@code mens-centraal-dossier.properties}. {@code mens-centraal.dossier.lean-axon=false} brings Axon's
 * defaults back (the benchmark's baseline does, to measure a straightforward Axon application).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mens-centraal.dossier.lean-axon", havingValue = "true", matchIfMissing = true)
class AxonTuning {

    /**
     * Axon's Micrometer module times and counts every message on every bus and in every processor: a sixth of a
     * projection's time. Operators watch how far each processor is behind, so that is what stays, as
     * {@code eventProcessor.latency} tagged with the processor's name; recorded facts are counted by the Kafka
     * edge ({@code mens-centraal.dossier.events}). Being a {@link MetricsConfigurerModule}, this bean replaces
     * Axon's own.
     */
    @Bean
    MetricsConfigurerModule processorLatencyOnly(GlobalMetricRegistry metrics) {
        // one monitor per processor however often Axon asks: Micrometer keeps the first gauge of a name and ignores
        // later ones, so a second monitor's values would never show
        Map<String, MessageMonitor<Message<?>>> perProcessor = new ConcurrentHashMap<>();
        return new MetricsConfigurerModule(metrics) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(EventProcessor.class, (configuration, type, name) ->
                        perProcessor.computeIfAbsent(name, n -> latency(metrics, n)));
            }
        };
    }

    @SuppressWarnings("unchecked") // processors only ever pass event messages to their monitor
    private MessageMonitor<Message<?>> latency(GlobalMetricRegistry metrics, String processor) {
        MessageMonitor<?> monitor = EventProcessorLatencyMonitor.buildMonitor("eventProcessor", metrics.getRegistry(),
                message -> Tags.of("eventProcessor", processor));
        return (MessageMonitor<Message<?>>) monitor;
    }

    /**
     * Jackson's Blackbird module: property access through generated lambdas instead of reflection. Every event is
     * serialised when appended and deserialised by every processor that reads it; Spring Boot adds the module to
     * the application's ObjectMapper, which Axon's serializer uses.
     */
    @Bean
    BlackbirdModule blackbirdModule() {
        return new BlackbirdModule();
    }

    /**
     * No correlation metadata on messages. Axon's default copies the trace and correlation ids of the message
     * being handled onto every message it causes, which makes each projection read (deserialise) every event's
     * metadata. The dossier's messages carry their cause in their payload (the partner's eventId), and the
     * Kafka poll that causes them has no id worth copying.
     */
    @Bean
    ConfigurerModule noCorrelationMetadata() {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureCorrelationDataProviders(configuration -> List.of());
            }

            @Override
            public int order() {
                // after Axon's module that registers the default provider
                return Integer.MAX_VALUE;
            }
        };
    }
}
