package nl.menscentraal.signals.delivery.webhook;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings as Spring binds them from {@code mens-centraal.signals.webhooks.*}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WebhookPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(WebhookConfiguration.class);

    @Test
    void without_settings_the_documented_defaults_hold() {
        context.run(c -> assertThat(c.getBean(WebhookProperties.class)).isEqualTo(new WebhookProperties(
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5), 10, Duration.ofSeconds(10), 50)));
    }

    @Test
    void each_setting_can_be_changed() {
        context.withPropertyValues(
                        "mens-centraal.signals.webhooks.poll-interval=PT5S",
                        "mens-centraal.signals.webhooks.initial-backoff=2s",
                        "mens-centraal.signals.webhooks.max-backoff=PT1H",
                        "mens-centraal.signals.webhooks.max-attempts=3",
                        "mens-centraal.signals.webhooks.timeout=PT30S",
                        "mens-centraal.signals.webhooks.batch-size=7")
                .run(c -> assertThat(c.getBean(WebhookProperties.class)).isEqualTo(new WebhookProperties(
                        Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofHours(1), 3, Duration.ofSeconds(30), 7)));
    }
}
