package nl.menscentraal.dossier.household;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.embedded.TestBsns;
import nl.menscentraal.events.Bsn;
import nl.menscentraal.events.Involvement;
import nl.menscentraal.events.ProblemEffect;
import nl.menscentraal.events.Sensitivity;
import nl.menscentraal.support.schema.ServiceSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Households from werk-inkomen's statements, on a real PostgreSQL without a Spring context. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HouseholdProjectionTest {

    private static final ClientPseudonyms PSEUDONYMS = new ClientPseudonyms("a-test-secret-of-enough-length");
    private static JdbcTemplate jdbc;
    private static HouseholdProjection projection;
    private static HouseholdRepository households;

    @BeforeAll
    static void database() {
        var postgres = EmbeddedPlatformInfrastructure.shared().postgres();
        var dataSource = new DriverManagerDataSource(postgres.jdbcUrl() + "&reWriteBatchedInserts=true", postgres.username(), postgres.password());
        ServiceSchema.migrate(dataSource, "dossier");
        ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
        jdbc = new JdbcTemplate(dataSource);
        projection = new HouseholdProjection(jdbc, PSEUDONYMS);
        households = new HouseholdRepository(jdbc, objectMapper, PSEUDONYMS);
    }

    @Test
    void a_household_stated_in_one_members_dossier_is_every_members_household_with_their_bsns() {
        String mother = TestBsns.unique();
        String son = TestBsns.unique();

        record(householdSet(mother, "2015-09-01T09:30:00+02:00", mother, son));
        record(householdSet(mother, "2015-09-01T09:30:00+02:00", mother, son));

        for (String member : new String[]{mother, son}) {
            assertThat(households.of(id(member))).hasValueSatisfying(h -> {
                assertThat(h.members()).extracting(HouseholdRepository.Member::bsn).containsExactly(mother, son);
                assertThat(h.members()).extracting(HouseholdRepository.Member::dossierId).containsExactly(id(mother), id(son));
                assertThat(h.establishedAt()).isEqualTo(OffsetDateTime.parse("2015-09-01T09:30:00+02:00"));
            });
        }
    }

    @Test
    void the_latest_statement_in_business_time_counts_whatever_order_they_arrive_in() {
        String mother = TestBsns.unique();
        String son = TestBsns.unique();
        String daughter = TestBsns.unique();

        record(householdSet(mother, "2016-01-01T10:00:00+01:00", mother, son, daughter));
        record(householdSet(mother, "2015-09-01T09:30:00+02:00", mother, son));

        assertThat(households.of(id(mother)).orElseThrow().members()).extracting(HouseholdRepository.Member::bsn)
                .containsExactly(mother, son, daughter);
        assertThat(households.of(id(daughter)).orElseThrow().establishedAt())
                .isEqualTo(OffsetDateTime.parse("2016-01-01T10:00:00+01:00"));
    }

    @Test
    void two_statements_about_the_same_members_in_one_processing_batch_keep_the_later_one() {
        String mother = TestBsns.unique();
        String son = TestBsns.unique();
        String daughter = TestBsns.unique();
        ChainEventRecorded later = householdSet(mother, "2016-01-01T10:00:00+01:00", mother, son, daughter);
        ChainEventRecorded earlier = householdSet(son, "2015-09-01T09:30:00+02:00", son, mother);

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        record(later);
        record(earlier);
        batch.commit();

        assertThat(households.of(id(son)).orElseThrow().members()).extracting(HouseholdRepository.Member::bsn)
                .containsExactly(mother, son, daughter);
    }

    @Test
    void other_facts_state_no_household() {
        String bsn = TestBsns.unique();
        ChainEventRecorded benefit = new ChainEventRecorded(id(bsn), UUID.randomUUID(), "werk-inkomen",
                "werk-inkomen.uitkering-aangevraagd", 1, bsn, OffsetDateTime.parse("2015-09-01T09:00:00+02:00"), null,
                Instant.now(), null, JsonNodeFactory.instance.objectNode().put("regeling", "bijstand"), "inkomen",
                Sensitivity.FINANCIEEL, Involvement.STARTS, ProblemEffect.RAISES, "fp");

        record(benefit);

        assertThat(households.of(id(bsn))).isEmpty();
    }

    /** The fact as the timeline keeps it (the columns a household is read from), then its household. */
    private static void record(ChainEventRecorded event) {
        jdbc.update("""
                        INSERT INTO timeline_entry (dossier_id, event_id, partner, type, domain, sensitivity, occurred_at,
                            occurred_at_offset_seconds, recorded_at, payload)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                event.dossierId(), event.eventId(), event.partner(), event.type(), event.domain(),
                event.sensitivity().code(), Timestamp.from(event.occurredAt().toInstant()),
                event.occurredAt().getOffset().getTotalSeconds(), Timestamp.from(event.recordedAt()),
                event.payload().toString());
        projection.on(event);
    }

    private static String id(String bsn) {
        return PSEUDONYMS.of(Bsn.parse(bsn));
    }

    private static ChainEventRecorded householdSet(String bsn, String occurredAt, String... members) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        for (String member : members) {
            payload.withArray("leden").add(member);
        }
        return new ChainEventRecorded(id(bsn), UUID.randomUUID(), "werk-inkomen", HouseholdProjection.HOUSEHOLD_SET, 1,
                bsn, OffsetDateTime.parse(occurredAt), null, Instant.now(), null, payload, null, Sensitivity.BASIS,
                Involvement.NONE, ProblemEffect.NONE, "fp");
    }
}
