package nl.menscentraal.local;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Every service in one Spring context, under one base URL, as the local run and the end-to-end tests use
 * it. Each service keeps its own beans, tables and consumer groups, exactly as when deployed apart.
 */
@SpringBootApplication(scanBasePackages = {"nl.menscentraal.intake", "nl.menscentraal.dossier"})
public class LocalPlatformApplication {
}
