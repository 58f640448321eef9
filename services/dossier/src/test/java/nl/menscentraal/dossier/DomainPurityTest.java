package nl.menscentraal.dossier;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dossier's domain (messages, aggregate, view rules) knows nothing of Spring, Kafka, JDBC or JPA:
 * those live at the edges. A plain test rather than {@code @ArchTest} fields, which Surefire 3.5 skips silently.
 */
class DomainPurityTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.menscentraal.dossier");

    @Test
    void the_domain_does_not_depend_on_spring_kafka_or_persistence() {
        noClasses().that().resideInAnyPackage("..dossier.chain..", "..dossier.view..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "jakarta.persistence..", "java.sql..",
                        "nl.menscentraal.dossier.kafka..", "nl.menscentraal.dossier.query..")
                .check(classes);
    }

    @Test
    void the_domain_never_reads_the_clock_itself() {
        noClasses().that().resideInAnyPackage("..dossier.chain..", "..dossier.view..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .check(classes);
    }
}
