package nl.menscentraal.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code mens-centraal-support.properties} (the defaults every service shares) as the lowest-precedence
 * property source, before any configuration class is read. A {@code @PropertySource} on an auto-configuration
 * comes too late for settings that decide which beans exist, such as the actuator endpoints to expose.
 */
class SupportDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("mens-centraal-support-defaults",
                    new ClassPathResource("mens-centraal-support.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
