package nl.menscentraal.dossier.chain.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.menscentraal.dossier.chain.api.ActiveProblem;
import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.dossier.chain.api.ClientSituationChanged;
import nl.menscentraal.dossier.chain.api.DossierErased;
import nl.menscentraal.dossier.chain.api.EraseDossierCommand;
import org.axonframework.modelling.command.AggregateNotFoundException;
import nl.menscentraal.dossier.chain.api.PartnerInvolvement;
import nl.menscentraal.dossier.chain.api.PartnerFact;
import nl.menscentraal.dossier.chain.api.RecordChainEventsCommand;
import nl.menscentraal.dossier.chain.api.RecordOutcome;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.events.Involvement;
import nl.menscentraal.events.ProblemEffect;
import nl.menscentraal.events.Sensitivity;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClientDossierTest {

    private static final String DOSSIER = "pseudonym-of-kenny";
    private static final Instant RECORDED_AT = Instant.parse("2026-11-23T10:00:00Z");

    private AggregateTestFixture<ClientDossier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClientDossier.class);
        fixture.registerInjectableResource(Catalogue.load());
    }

    @Nested
    class A_first_fact {

        @Test
        void opens_the_dossier_and_applies_the_catalogue_effects() {
            PartnerFact opvang = fact("wmo", "wmo.opvang-toegelaten", "2016-03-01", Map.of("soort", "nachtopvang"));

            fixture.givenNoPriorActivity()
                    .when(record(opvang))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(List.of(RecordOutcome.RECORDED))
                    .expectEvents(
                            recorded(opvang, "huisvesting", Sensitivity.BASIS, Involvement.STARTS, ProblemEffect.RAISES),
                            situation(List.of(new PartnerInvolvement("wmo", at("2016-03-01"), null)),
                                    List.of(new ActiveProblem("huisvesting", at("2016-03-01"))), null));
        }
    }

    @Nested
    class A_bulk_delivery {

        @Test
        void records_every_fact_in_order_and_states_the_resulting_situation_once() {
            PartnerFact opvang = fact("wmo", "wmo.opvang-toegelaten", "2016-03-01", Map.of("soort", "nachtopvang"));
            PartnerFact housed = fact("wmo", "wmo.zelfstandig-gehuisvest", "2016-09-01", Map.of());

            fixture.givenNoPriorActivity()
                    .when(record(opvang, housed))
                    .expectResultMessagePayload(List.of(RecordOutcome.RECORDED, RecordOutcome.RECORDED))
                    .expectEvents(
                            recorded(opvang, "huisvesting", Sensitivity.BASIS, Involvement.STARTS, ProblemEffect.RAISES),
                            recorded(housed, "huisvesting", Sensitivity.BASIS, Involvement.ENDS, ProblemEffect.RESOLVES),
                            situation(List.of(new PartnerInvolvement("wmo", at("2016-03-01"), at("2016-09-01"))),
                                    List.of(), null));
        }

        @Test
        void that_repeats_a_fact_records_it_once() {
            PartnerFact opvang = fact("wmo", "wmo.opvang-toegelaten", "2016-03-01", Map.of("soort", "nachtopvang"));

            fixture.givenNoPriorActivity()
                    .when(record(opvang, opvang))
                    .expectResultMessagePayload(List.of(RecordOutcome.RECORDED, RecordOutcome.DUPLICATE))
                    .expectEvents(
                            recorded(opvang, "huisvesting", Sensitivity.BASIS, Involvement.STARTS, ProblemEffect.RAISES),
                            situation(List.of(new PartnerInvolvement("wmo", at("2016-03-01"), null)),
                                    List.of(new ActiveProblem("huisvesting", at("2016-03-01"))), null));
        }

        @Test
        void of_nothing_new_states_no_situation() {
            PartnerFact opvang = fact("wmo", "wmo.opvang-toegelaten", "2016-03-01", Map.of("soort", "nachtopvang"));

            fixture.given(recorded(opvang, "huisvesting", Sensitivity.BASIS, Involvement.STARTS, ProblemEffect.RAISES),
                            situation(List.of(new PartnerInvolvement("wmo", at("2016-03-01"), null)),
                                    List.of(new ActiveProblem("huisvesting", at("2016-03-01"))), null))
                    .when(record(opvang, opvang))
                    .expectResultMessagePayload(List.of(RecordOutcome.DUPLICATE, RecordOutcome.DUPLICATE))
                    .expectNoEvents();
        }
    }

    @Nested
    class A_repeated_eventId {

        private final PartnerFact opvang = fact("wmo", "wmo.opvang-toegelaten", "2016-03-01", Map.of("soort", "nachtopvang"));

        @Test
        void with_the_same_content_is_a_duplicate_and_records_nothing() {
            fixture.given(recorded(opvang, "huisvesting", Sensitivity.BASIS, Involvement.STARTS, ProblemEffect.RAISES))
                    .when(record(opvang))
                    .expectResultMessagePayload(List.of(RecordOutcome.DUPLICATE))
                    .expectNoEvents();
        }

        @Test
        void with_other_content_is_refused_as_a_conflict() {
            PartnerFact changed = new PartnerFact(opvang.eventId(), "wmo", opvang.type(), 1,
                    opvang.bsn(), opvang.occurredAt(), null, null, opvang.payload(), "another-fingerprint");

            fixture.given(recorded(opvang, "huisvesting", Sensitivity.BASIS, Involvement.STARTS, ProblemEffect.RAISES))
                    .when(record(changed))
                    .expectResultMessagePayload(List.of(RecordOutcome.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void from_another_partner_is_a_different_event() {
            PartnerFact sameIdOtherPartner = new PartnerFact(opvang.eventId(), "werk-inkomen",
                    "werk-inkomen.uitkering-aangevraagd", 1, opvang.bsn(), at("2016-03-02"), null, null,
                    payload(Map.of("regeling", "daklozenuitkering")), "fp-other");

            fixture.given(recorded(opvang, "huisvesting", Sensitivity.BASIS, Involvement.STARTS, ProblemEffect.RAISES))
                    .when(record(sameIdOtherPartner))
                    .expectResultMessagePayload(List.of(RecordOutcome.RECORDED));
        }
    }

    @Nested
    class An_erasure {

        private final PartnerFact opvang = fact("wmo", "wmo.opvang-toegelaten", "2016-03-01", Map.of("soort", "nachtopvang"));

        @Test
        void is_recorded_content_free() {
            fixture.given(recorded(opvang, "huisvesting", Sensitivity.BASIS, Involvement.STARTS, ProblemEffect.RAISES))
                    .when(new EraseDossierCommand(DOSSIER, "AVG art. 17 verzoek", RECORDED_AT))
                    .expectEvents(new DossierErased(DOSSIER, "AVG art. 17 verzoek", RECORDED_AT));
        }

        @Test
        void of_a_client_never_recorded_finds_no_dossier() {
            fixture.givenNoPriorActivity()
                    .when(new EraseDossierCommand(DOSSIER, "AVG art. 17 verzoek", RECORDED_AT))
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void leaves_nothing_that_remembers_the_facts_before_it() {
            fixture.given(recorded(opvang, "huisvesting", Sensitivity.BASIS, Involvement.STARTS, ProblemEffect.RAISES),
                            new DossierErased(DOSSIER, "AVG art. 17 verzoek", RECORDED_AT))
                    .when(record(opvang))
                    .expectResultMessagePayload(List.of(RecordOutcome.RECORDED))
                    .expectEvents(recorded(opvang, "huisvesting", Sensitivity.BASIS, Involvement.STARTS, ProblemEffect.RAISES),
                            situation(List.of(new PartnerInvolvement("wmo", opvang.occurredAt(), null)),
                                    List.of(new ActiveProblem("huisvesting", opvang.occurredAt())), null));
        }
    }

    @Nested
    class The_situation {

        @Test
        void ends_a_partners_involvement_and_resolves_its_domain() {
            PartnerFact start = fact("wmo", "wmo.opvang-toegelaten", "2016-03-01", Map.of("soort", "nachtopvang"));
            PartnerFact housed = fact("wmo", "wmo.zelfstandig-gehuisvest", "2016-09-01", Map.of());

            fixture.given(recorded(start, "huisvesting", Sensitivity.BASIS, Involvement.STARTS, ProblemEffect.RAISES))
                    .when(record(housed))
                    .expectEvents(
                            recorded(housed, "huisvesting", Sensitivity.BASIS, Involvement.ENDS, ProblemEffect.RESOLVES),
                            situation(List.of(new PartnerInvolvement("wmo", at("2016-03-01"), at("2016-09-01"))),
                                    List.of(), null));
        }

        @Test
        void is_folded_in_business_time_so_a_late_older_resolution_does_not_close_a_newer_problem() {
            PartnerFact newerEviction = fact("schuldhulp", "schuldhulp.ontruiming-aangezegd", "2026-10-01",
                    Map.of("datumOntruiming", "2026-11-01"));
            PartnerFact olderPrevented = fact("schuldhulp", "schuldhulp.ontruiming-voorkomen", "2026-01-15", Map.of());

            fixture.given(recorded(newerEviction, "huisvesting", Sensitivity.FINANCIEEL, Involvement.STARTS, ProblemEffect.RAISES),
                            situation(List.of(new PartnerInvolvement("schuldhulp", at("2026-10-01"), null)),
                                    List.of(new ActiveProblem("huisvesting", at("2026-10-01"))), null))
                    .when(record(olderPrevented))
                    .expectEvents(recorded(olderPrevented, "huisvesting", Sensitivity.FINANCIEEL, Involvement.NONE,
                            ProblemEffect.RESOLVES));
        }

        @Test
        void names_the_regisseur_once_one_is_assigned() {
            PartnerFact assigned = fact("regie", "regie.regisseur-toegewezen", "2015-11-02",
                    Map.of("regisseurId", "regisseur-1", "organisatie", "gemeente"));

            fixture.givenNoPriorActivity()
                    .when(record(assigned))
                    .expectEvents(recorded(assigned, null, Sensitivity.BASIS, Involvement.NONE, ProblemEffect.NONE),
                            situation(List.of(), List.of(), "regisseur-1"));
        }
    }

    private static PartnerFact fact(String partner, String type, String day, Map<String, Object> payload) {
        return new PartnerFact(UUID.randomUUID(), partner, type, 1, "999996708", at(day), null, null,
                payload(payload), "fp-" + UUID.randomUUID());
    }

    private static RecordChainEventsCommand record(PartnerFact... facts) {
        return new RecordChainEventsCommand(DOSSIER, List.of(facts), RECORDED_AT);
    }

    private static ChainEventRecorded recorded(PartnerFact c, String domain, Sensitivity sensitivity,
                                               Involvement involvement, ProblemEffect problem) {
        return new ChainEventRecorded(DOSSIER, c.eventId(), c.partner(), c.type(), c.schemaVersion(), c.bsn(),
                c.occurredAt(), c.receivedAt(), RECORDED_AT, c.professional(), c.payload(), domain, sensitivity,
                involvement, problem, c.fingerprint());
    }

    private static ClientSituationChanged situation(List<PartnerInvolvement> involvements, List<ActiveProblem> problems,
                                                    String regisseur) {
        return new ClientSituationChanged(DOSSIER, involvements, problems, regisseur);
    }

    private static OffsetDateTime at(String day) {
        return OffsetDateTime.parse(day + "T10:00:00+01:00");
    }

    private static ObjectNode payload(Map<String, Object> fields) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        fields.forEach((k, v) -> node.put(k, v.toString()));
        return node;
    }
}
