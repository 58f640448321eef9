package nl.menscentraal.local;

import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Every service in one Spring context, under one base URL, as the local run and the end-to-end tests use
 * it. Each service keeps its own beans, tables and consumer groups, exactly as when deployed apart.
 * Axon's update checker is excluded: the platform does not report usage to a vendor.
 */
@SpringBootApplication(scanBasePackages = {"nl.menscentraal.intake", "nl.menscentraal.dossier", "nl.menscentraal.signals"},
        exclude = UpdateCheckerAutoConfiguration.class)
public class LocalPlatformApplication {
}
