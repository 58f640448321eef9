package nl.menscentraal.launch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;

/**
 * Runs the partner intake on its own. It lives outside {@code nl.menscentraal.intake} so that the local
 * run, which composes intake and dossier in one context, can scan that package without picking up a
 * second application class.
 *
 * <p>Boot's own Flyway is off: every service migrates its own tables with its own history
 * ({@code ServiceSchema}), and a global {@code db/migration} run would find a non-empty schema without
 * history and refuse to start.
 */
@SpringBootApplication(scanBasePackages = "nl.menscentraal.intake", exclude = FlywayAutoConfiguration.class)
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
