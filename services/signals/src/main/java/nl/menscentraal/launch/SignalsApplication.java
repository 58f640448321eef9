package nl.menscentraal.launch;

import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the signals service on its own (production), next to the dossier instances on the same PostgreSQL event
 * store and Kafka cluster. The local run composes it with the other services instead.
 */
@SpringBootApplication(scanBasePackages = "nl.menscentraal.signals", exclude = UpdateCheckerAutoConfiguration.class)
public class SignalsApplication {

    public static void main(String[] args) {
        // Axon phones home for update checks unless told not to, and only reads this from the JVM or environment.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(SignalsApplication.class, args);
    }
}
