package nl.menscentraal.intake;

import nl.menscentraal.support.schema.ServiceSchema;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

import javax.sql.DataSource;

/**
 * Wires the intake. Its defaults come from {@code mens-centraal-intake.properties} rather than an
 * {@code application.properties}, because the local run composes several services in one context and
 * their {@code application.properties} would shadow each other. As a {@code @PropertySource} the file
 * ranks below any deployment configuration, so every default stays overridable.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:mens-centraal-intake.properties")
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

    /** Migrates the intake's own tables before the store touches them (the store depends on this bean). */
    @Bean
    IntakeSchema intakeSchema(DataSource dataSource) {
        ServiceSchema.migrate(dataSource, IntakeSchema.SERVICE);
        return new IntakeSchema();
    }

    /** Marker for "the intake's tables exist"; carries nothing. */
    record IntakeSchema() {
        static final String SERVICE = "intake";
    }
}
