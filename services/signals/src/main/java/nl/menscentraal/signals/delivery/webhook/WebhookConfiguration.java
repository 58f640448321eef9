package nl.menscentraal.signals.delivery.webhook;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wiring of webhook delivery: its settings, and the schedule that drives {@link WebhookWorker}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {
}
