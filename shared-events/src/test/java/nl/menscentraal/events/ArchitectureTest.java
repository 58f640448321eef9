package nl.menscentraal.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published language must stay usable by a partner that has none of the platform's frameworks.
 *
 * <p>A plain JUnit test rather than {@code @ArchTest} fields: Surefire 3.5.3 silently skips those
 * (TNG/ArchUnit#1442), which would make this rule pass without ever running.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArchitectureTest {

    static final JavaClasses PUBLISHED_LANGUAGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.menscentraal.events");

    @Test
    void the_published_language_depends_on_no_platform_framework() {
        assertThat(PUBLISHED_LANGUAGE).isNotEmpty();
        noClasses().that().resideInAPackage("nl.menscentraal.events..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "jakarta.persistence..", "org.axonframework..")
                .check(PUBLISHED_LANGUAGE);
    }
}
