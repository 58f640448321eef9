package nl.menscentraal.signals.evaluation;

import nl.menscentraal.embedded.TestBsns;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import nl.menscentraal.dossier.chain.api.PartnerFact;
import nl.menscentraal.dossier.chain.api.RecordChainEventsCommand;
import nl.menscentraal.dossier.chain.api.RecordOutcome;
import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.events.Bsn;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Durable deadlines end to end: real Spring contexts of the dossier and signals services on the shared embedded
 * PostgreSQL and Kafka. A deadline is only a row in {@code signal_wakeup}: it outlives the instance that planned it,
 * and of several running instances exactly one evaluates it when it passes.
 *
 * <p>Each context is one "instance" of the services; they share the database and one movable clock (business
 * time is the same for every instance, as it is in production).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeadlineRestartTest {

    private static final String PSEUDONYM_SECRET = "deadline-restart-test-pseudonym-secret";
    /** {@code mens-centraal.signals.late-arrival-grace}, left at its default. */
    private static final Duration GRACE = Duration.ofMinutes(10);

    static {
        // as the launchers do: Axon only reads this from the JVM or the environment
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    /** The dossier records the facts through its aggregate; the signals evaluate them. */
    @SpringBootApplication(scanBasePackages = {"nl.menscentraal.dossier", "nl.menscentraal.signals"},
            exclude = UpdateCheckerAutoConfiguration.class)
    static class TestPlatform {

        /**
         * Axon's token store names its owner after the JVM, so contexts in one JVM would all own every segment.
         * Each context gets the name of the instance it stands for, as separate processes would have.
         */
        @Bean
        TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                              @Value("${deadline-restart-test.instance}") String instance) {
            return JdbcTokenStore.builder()
                    .connectionProvider(connectionProvider)
                    .serializer(serializer)
                    .claimTimeout(Duration.ofSeconds(10))
                    .nodeId("deadline-restart-test-" + instance)
                    .build();
        }
    }

    /**
     * Component scanning of {@code nl.menscentraal.signals} also sees this module's test classes: none of them
     * (say another test's configuration with its own clock) belongs in these contexts.
     */
    static final class NoTestClasses extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURI().toString().contains("/test-classes/");
        }
    }

    /** System time moved by an offset the test sets: it ticks like a real clock, and jumps when told to. */
    static final class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void advance(Duration duration) {
            offset = offset.plus(duration);
        }

        @Override
        public Instant instant() {
            return Clock.systemUTC().instant().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static JdbcTemplate jdbc;

    private final MovableClock clock = new MovableClock();

    @BeforeAll
    static void database() {
        var postgres = EmbeddedPlatformInfrastructure.shared().postgres();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password()));
    }

    @Test
    void a_deadline_survives_a_restart_and_fires_once_with_two_instances_running() {
        String bsn = uniqueBsn();
        String dossierId = new ClientPseudonyms(PSEUDONYM_SECRET).of(Bsn.parse(bsn));
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // SH-01: no first conversation within 28 days of the application; 60 days ago, so only the grace for late
        // facts (since recording) holds the signal back
        PartnerFact aanmelding = new PartnerFact(UUID.randomUUID(), "schuldhulp", "schuldhulp.aanmelding-ontvangen", 1,
                bsn, OffsetDateTime.ofInstant(recordedAt.minus(Duration.ofDays(60)), ZoneOffset.ofHours(1)), null, null,
                JsonNodeFactory.instance.objectNode(), "fingerprint-" + UUID.randomUUID());
        Instant deadline = recordedAt.plus(GRACE);

        try (ConfigurableApplicationContext a = start("a")) {
            List<Object> outcomes = a.getBean(CommandGateway.class)
                    .sendAndWait(new RecordChainEventsCommand(dossierId, List.of(aanmelding), recordedAt));
            assertThat(outcomes).containsExactly(RecordOutcome.RECORDED);

            await("the deadline planned in signal_wakeup").atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(wakeUp(dossierId)).contains(deadline));
            assertThat(signalRows(dossierId)).isZero();
        }
        // instance A is gone; the deadline is only in the database now
        assertThat(wakeUp(dossierId)).contains(deadline);

        ConfigurableApplicationContext b = null;
        ConfigurableApplicationContext c = null;
        try {
            // one after the other: Spring Boot (re)initialises the logging system per start, which is not thread-safe.
            // They compete all the same: the deadline only passes once both run.
            b = start("b");
            c = start("c");
            // both instances run and poll the queue; nothing is due yet
            assertThat(signalRows(dossierId)).isZero();
            assertThat(wakeUp(dossierId)).contains(deadline);

            clock.advance(GRACE.plusMinutes(1));

            await("the SH-01 signal").atMost(Duration.ofSeconds(20))
                    .until(() -> signalRows(dossierId) > 0);
            // both instances keep polling for a while: still only the one signal
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> signalRows(dossierId) == 1);

            Map<String, Object> signal = jdbc.queryForMap(
                    "SELECT rule_id, severity, status, explanation, array_to_string(routed_to, ',') AS routed_to "
                            + "FROM signal WHERE subject_id = ?", dossierId);
            assertThat(signal).containsEntry("rule_id", "SH-01")
                    .containsEntry("severity", "aandacht")
                    .containsEntry("status", "open")
                    .containsEntry("routed_to", "schuldhulp,regie");
            assertThat((String) signal.get("explanation")).contains("geen eerste gesprek binnen 28 dagen");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                    + "AND payloadtype LIKE '%.SignalRaised'", Integer.class, "signals-" + dossierId)).isEqualTo(1);
            assertThat(wakeUp(dossierId)).isEmpty();
        } finally {
            if (b != null) {
                b.close();
            }
            if (c != null) {
                c.close();
            }
        }
    }

    private ConfigurableApplicationContext start(String instance) {
        EmbeddedPlatformInfrastructure infra = EmbeddedPlatformInfrastructure.shared();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", infra.postgres().jdbcUrl());
        properties.put("spring.datasource.username", infra.postgres().username());
        properties.put("spring.datasource.password", infra.postgres().password());
        properties.put("spring.kafka.bootstrap-servers", infra.kafka().bootstrapServers());
        properties.put("server.port", "0");
        properties.put("spring.jmx.enabled", "false");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.application.name", "deadline-restart-test-" + instance);
        properties.put("deadline-restart-test.instance", instance);
        // facts are recorded through the command gateway, not from Kafka
        properties.put("mens-centraal.dossier.consume-partner-events", "false");
        properties.put("mens-centraal.dossier.pseudonym-secret", PSEUDONYM_SECRET);
        properties.put("mens-centraal.privacy.master-key", "484MG9OArxtejROCh5qf4uXbYDYZ585DrkAWeEEbs00=");
        properties.put("spring.datasource.hikari.maximum-pool-size", "5");
        properties.put("logging.level.org.apache.kafka", "WARN");
        properties.put("logging.level.org.axonframework.eventhandling.pooled", "WARN");
        properties.put("logging.level.org.springframework.core.annotation.AnnotationTypeMapping", "ERROR");
        return new SpringApplicationBuilder(TestPlatform.class)
                .properties(properties)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("movableClock", clock);
                    context.getBeanFactory().registerSingleton("noTestClasses", new NoTestClasses());
                })
                .registerShutdownHook(false)
                .run();
    }

    private static Optional<Instant> wakeUp(String subjectId) {
        return jdbc.query("SELECT due_at FROM signal_wakeup WHERE subject_id = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), subjectId).stream().findFirst();
    }

    private static int signalRows(String subjectId) {
        Integer rows = jdbc.queryForObject("SELECT count(*) FROM signal WHERE subject_id = ?", Integer.class, subjectId);
        return rows == null ? 0 : rows;
    }

    /** A BSN no other test uses: 8 random digits and the check digit the elfproef demands. */
    private static String uniqueBsn() {
        return TestBsns.unique();
    }
}
