package nl.menscentraal.launch;

import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the dossier service on its own (production). The local run composes it with the other services instead.
 * Axon's update checker is excluded: a government platform does not report usage to a vendor.
 */
@SpringBootApplication(scanBasePackages = "nl.menscentraal.dossier", exclude = UpdateCheckerAutoConfiguration.class)
public class DossierApplication {

    public static void main(String[] args) {
        // Axon phones home for update checks unless told not to, and only reads this from the JVM or environment.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(DossierApplication.class, args);
    }
}
