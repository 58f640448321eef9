package nl.menscentraal.signals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules are a pure function of the facts and the moment they are evaluated at, and the signal lifecycle gets
 * its moments passed in: that makes signal ids deterministic, replays harmless, backtests honest and time movable
 * in tests. A plain test rather than {@code @ArchTest} fields, which Surefire skips silently.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SignalsArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.menscentraal.signals");

    @Test
    void the_rules_do_not_depend_on_spring_kafka_axon_or_persistence() {
        noClasses().that().resideInAPackage("nl.menscentraal.signals.rules..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "jakarta.persistence..", "org.axonframework..",
                        "java.sql..")
                .check(CLASSES);
    }

    @Test
    void the_rules_and_the_lifecycle_never_read_the_clock_themselves() {
        noClasses().that().resideInAnyPackage("nl.menscentraal.signals.rules..", "nl.menscentraal.signals.lifecycle..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(CLASSES);
    }

    @Test
    void the_rules_are_there_to_be_checked() {
        // guards the rules above against passing vacuously, e.g. after a package is renamed
        assertThat(CLASSES.stream()
                        .filter(c -> c.getPackageName().startsWith("nl.menscentraal.signals.rules")))
                .isNotEmpty();
        assertThat(CLASSES.stream()
                        .filter(c -> c.getPackageName().startsWith("nl.menscentraal.signals.lifecycle")))
                .isNotEmpty();
    }
}
