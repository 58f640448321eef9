package nl.menscentraal.signals.ruleset;

import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.signals.SignalsProperties;
import nl.menscentraal.signals.rules.RuleSetReader;
import nl.menscentraal.support.schema.ServiceSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator's rules file becomes the rules in force at start-up, once, without a code change. */
class RulesFileTest {

    @Test
    void a_changed_rules_file_becomes_the_next_version_once(@TempDir Path dir) throws Exception {
        EmbeddedPlatformInfrastructure infra = EmbeddedPlatformInfrastructure.shared();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(infra.postgres().jdbcUrl(),
                infra.postgres().username(), infra.postgres().password());
        ServiceSchema.migrate(dataSource, "signals");
        Catalogue catalogue = Catalogue.load();
        // the shipped rules with a stricter RG-01 and a note of who changed it
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "# gemeente: geen regisseur na 7 dagen\n"
                + RuleSetReader.defaults(catalogue).yaml().replace("heldFor: P14D", "heldFor: P7D"));
        SignalsProperties properties = new SignalsProperties(Duration.ofMinutes(10), Duration.ofMillis(250), 200, 4, 100,
                Duration.ZERO, true, file);
        RuleSets instance = new RuleSets(new JdbcTemplate(dataSource), catalogue, properties, Clock.systemUTC());
        int before = instance.current().version();

        instance.applyRulesFile();
        instance.applyRulesFile();
        RuleSets anotherInstance = new RuleSets(new JdbcTemplate(dataSource), catalogue, properties, Clock.systemUTC());
        anotherInstance.applyRulesFile();

        assertThat(instance.current().version()).isEqualTo(before + 1);
        assertThat(anotherInstance.current().version()).isEqualTo(before + 1);
        assertThat(instance.current().yaml()).contains("heldFor: P7D");
    }
}
