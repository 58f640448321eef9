package nl.menscentraal.events;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static nl.menscentraal.events.Involvement.ENDS;
import static nl.menscentraal.events.Involvement.STARTS;
import static nl.menscentraal.events.ProblemEffect.RAISES;
import static nl.menscentraal.events.ProblemEffect.RESOLVES;
import static nl.menscentraal.events.Sensitivity.BASIS;
import static nl.menscentraal.events.Sensitivity.BIJZONDER;
import static nl.menscentraal.events.Sensitivity.FINANCIEEL;
import static nl.menscentraal.events.Sensitivity.JEUGD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CatalogueTest {

    static final Catalogue CATALOGUE = Catalogue.load();
    static final List<String> COMMON = List.of(
            "afspraak-niet-nagekomen", "hulpverlener-gewijzigd", "zrm-vastgesteld", "verwijzing-verstuurd", "verwijzing-opgepakt");

    /** Every own type of event-catalogue.md: type, domain (null = –), involvement, problem, sensitivity. */
    static Stream<Arguments> typesOfTheContract() {
        Involvement noInv = Involvement.NONE;
        ProblemEffect noProb = ProblemEffect.NONE;
        return Stream.of(
                arguments("werk-inkomen.uitkering-aangevraagd", "inkomen", STARTS, RAISES, FINANCIEEL),
                arguments("werk-inkomen.uitkering-toegekend", "inkomen", noInv, noProb, FINANCIEEL),
                arguments("werk-inkomen.uitkering-afgewezen", "inkomen", noInv, noProb, FINANCIEEL),
                arguments("werk-inkomen.uitkering-opgeschort", "inkomen", noInv, noProb, FINANCIEEL),
                arguments("werk-inkomen.uitkering-beeindigd", "inkomen", ENDS, noProb, FINANCIEEL),
                arguments("werk-inkomen.maatregel-opgelegd", "inkomen", noInv, noProb, FINANCIEEL),
                arguments("werk-inkomen.huishouden-vastgesteld", null, noInv, noProb, BASIS),
                arguments("werk-inkomen.re-integratie-gestart", "werk-participatie", STARTS, RAISES, BASIS),
                arguments("werk-inkomen.re-integratie-beeindigd", "werk-participatie", ENDS, noProb, BASIS),
                arguments("werk-inkomen.participatietrede-vastgesteld", "werk-participatie", noInv, noProb, BASIS),
                arguments("werk-inkomen.werk-aanvaard", "werk-participatie", noInv, RESOLVES, BASIS),

                arguments("schuldhulp.betalingsachterstand-gesignaleerd", "schulden", STARTS, RAISES, FINANCIEEL),
                arguments("schuldhulp.ontruiming-aangezegd", "huisvesting", STARTS, RAISES, FINANCIEEL),
                arguments("schuldhulp.ontruiming-voorkomen", "huisvesting", noInv, RESOLVES, FINANCIEEL),
                arguments("schuldhulp.ontruiming-uitgevoerd", "huisvesting", noInv, noProb, FINANCIEEL),
                arguments("schuldhulp.aanmelding-ontvangen", "schulden", STARTS, RAISES, FINANCIEEL),
                arguments("schuldhulp.eerste-gesprek-gevoerd", "schulden", noInv, noProb, FINANCIEEL),
                arguments("schuldhulp.traject-gestart", "schulden", noInv, noProb, FINANCIEEL),
                arguments("schuldhulp.aanvraag-afgewezen", "schulden", ENDS, noProb, FINANCIEEL),
                arguments("schuldhulp.traject-afgebroken", "schulden", ENDS, noProb, FINANCIEEL),
                arguments("schuldhulp.traject-afgerond", "schulden", ENDS, RESOLVES, FINANCIEEL),

                arguments("wmo.melding-ontvangen", "dagelijks-functioneren", STARTS, noProb, BASIS),
                arguments("wmo.maatwerkvoorziening-toegekend", "dagelijks-functioneren", noInv, RAISES, BASIS),
                arguments("wmo.maatwerkvoorziening-beeindigd", "dagelijks-functioneren", ENDS, RESOLVES, BASIS),
                arguments("wmo.opvang-toegelaten", "huisvesting", STARTS, RAISES, BASIS),
                arguments("wmo.briefadres-verstrekt", "huisvesting", noInv, noProb, BASIS),
                arguments("wmo.begeleid-wonen-gestart", "huisvesting", noInv, noProb, BASIS),
                arguments("wmo.zelfstandig-gehuisvest", "huisvesting", ENDS, RESOLVES, BASIS),

                arguments("jeugd.zorgmelding-ontvangen", "gezin-opvoeding", STARTS, RAISES, JEUGD),
                arguments("jeugd.jeugdhulp-gestart", "gezin-opvoeding", STARTS, RAISES, JEUGD),
                arguments("jeugd.jeugdhulp-beeindigd", "gezin-opvoeding", ENDS, RESOLVES, JEUGD),
                arguments("jeugd.ondertoezichtstelling", "gezin-opvoeding", noInv, RAISES, JEUGD),
                arguments("jeugd.uithuisplaatsing", "gezin-opvoeding", noInv, RAISES, JEUGD),
                arguments("jeugd.schoolverzuim-gemeld", "opleiding-taal", STARTS, RAISES, JEUGD),

                arguments("ggz.aanmelding-ontvangen", "psychische-gezondheid", STARTS, RAISES, BIJZONDER),
                arguments("ggz.behandeling-gestart", "psychische-gezondheid", STARTS, RAISES, BIJZONDER),
                arguments("ggz.verslavingszorg-gestart", "verslaving", STARTS, RAISES, BIJZONDER),
                arguments("ggz.crisis-opname", "psychische-gezondheid", noInv, RAISES, BIJZONDER),
                arguments("ggz.behandeling-afgerond", "psychische-gezondheid", ENDS, RESOLVES, BIJZONDER),
                arguments("ggz.behandeling-uitgevallen", "psychische-gezondheid", ENDS, noProb, BIJZONDER),

                arguments("regie.regisseur-toegewezen", null, noInv, noProb, BASIS),
                arguments("regie.regisseur-overgedragen", null, noInv, noProb, BASIS),
                arguments("regie.plan-vastgesteld", null, noInv, noProb, BASIS),
                arguments("regie.casusoverleg-gehouden", null, noInv, noProb, BASIS),
                arguments("regie.toestemming-verleend", null, noInv, noProb, BASIS),
                arguments("regie.toestemming-ingetrokken", null, noInv, noProb, BASIS),
                arguments("regie.regie-afgesloten", null, noInv, noProb, BASIS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typesOfTheContract")
    void holds_every_type_of_the_contract_with_its_effects(
            String name, String domain, Involvement involvement, ProblemEffect problem, Sensitivity sensitivity) {
        EventType type = CATALOGUE.type(name).orElseThrow();
        assertThat(type.partner()).isEqualTo(name.substring(0, name.indexOf('.')));
        assertThat(type.domain()).isEqualTo(domain);
        assertThat(type.involvement()).isEqualTo(involvement);
        assertThat(type.problem()).isEqualTo(problem);
        assertThat(type.sensitivity()).isEqualTo(sensitivity);
        assertThat(type.schemaVersion()).isEqualTo(1);
    }

    @Test
    void holds_nothing_beyond_the_contract() {
        long ownTypes = typesOfTheContract().count();
        assertThat(CATALOGUE.types()).hasSize((int) ownTypes + COMMON.size() * 5);
        assertThat(CATALOGUE.types()).hasSize(72);
        assertThat(CATALOGUE.version()).isEqualTo("1");
    }

    @ParameterizedTest(name = "{0} has {1} own types")
    @CsvSource({"werk-inkomen, 11", "schuldhulp, 10", "wmo, 7", "jeugd, 6", "ggz, 6", "regie, 7"})
    void counts_the_own_types_of_each_partner(String partner, int count) {
        assertThat(CATALOGUE.typesOf(partner))
                .filteredOn(t -> !CATALOGUE.isCommonType(t.name()))
                .hasSize(count);
    }

    @Test
    void knows_the_six_partners() {
        assertThat(CATALOGUE.partners())
                .containsExactly("werk-inkomen", "wmo", "jeugd", "schuldhulp", "ggz", "regie");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "inkomen, economisch", "schulden, economisch", "huisvesting, economisch", "werk-participatie, economisch",
            "opleiding-taal, sociaal-cultureel", "sociaal-netwerk, sociaal-cultureel", "dagelijks-functioneren, sociaal-cultureel",
            "gezin-opvoeding, normatief", "veiligheid-justitie, normatief",
            "psychische-gezondheid, psychosociaal-gezondheid", "verslaving, psychosociaal-gezondheid",
            "lichamelijke-gezondheid, psychosociaal-gezondheid"})
    void places_every_domain_in_its_cluster(String domain, String cluster) {
        assertThat(CATALOGUE.clusterOf(domain)).isEqualTo(cluster);
    }

    @Test
    void has_twelve_domains_in_four_clusters() {
        assertThat(CATALOGUE.domains()).hasSize(12);
        assertThat(CATALOGUE.clusters())
                .containsExactly("economisch", "sociaal-cultureel", "normatief", "psychosociaal-gezondheid");
    }

    @Test
    void refuses_the_cluster_of_an_unknown_domain() {
        assertThatThrownBy(() -> CATALOGUE.clusterOf("geluk")).isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class Common_types {

        @ParameterizedTest(name = "{0}: {1} / {2}")
        @CsvSource({
                "werk-inkomen, inkomen, financieel",
                "schuldhulp, schulden, financieel",
                "wmo, dagelijks-functioneren, basis",
                "jeugd, gezin-opvoeding, jeugd",
                "ggz, psychische-gezondheid, bijzonder"})
        void are_expanded_under_every_partner_with_its_main_domain_and_sensitivity(
                String partner, String domain, String sensitivity) {
            assertThat(CATALOGUE.mainDomainOf(partner)).contains(domain);
            assertThat(CATALOGUE.mainSensitivityOf(partner)).isEqualTo(Sensitivity.fromCode(sensitivity));
            for (String common : COMMON) {
                EventType type = CATALOGUE.type(partner + "." + common).orElseThrow();
                assertThat(type.partner()).isEqualTo(partner);
                assertThat(type.domain()).isEqualTo(domain);
                assertThat(type.sensitivity()).isEqualTo(Sensitivity.fromCode(sensitivity));
                assertThat(type.involvement()).isEqualTo(Involvement.NONE);
                assertThat(type.problem()).isEqualTo(ProblemEffect.NONE);
                assertThat(CATALOGUE.isCommonType(type.name())).isTrue();
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"afspraak-niet-nagekomen", "hulpverlener-gewijzigd", "zrm-vastgesteld",
                "verwijzing-verstuurd", "verwijzing-opgepakt"})
        void are_not_published_by_regie(String common) {
            assertThat(CATALOGUE.type("regie." + common)).isEmpty();
        }

        @Test
        void regie_has_no_main_domain() {
            assertThat(CATALOGUE.mainDomainOf("regie")).isEmpty();
            assertThat(CATALOGUE.commonTypes()).containsExactlyElementsOf(COMMON);
        }

        @Test
        void share_their_payload_fields() {
            assertThat(CATALOGUE.type("ggz.zrm-vastgesteld").orElseThrow().payload())
                    .isEqualTo(CATALOGUE.type("wmo.zrm-vastgesteld").orElseThrow().payload());
            assertThat(field("jeugd.zrm-vastgesteld", "score").min()).isEqualTo(1L);
            assertThat(field("jeugd.zrm-vastgesteld", "score").max()).isEqualTo(5L);
            assertThat(field("wmo.verwijzing-verstuurd", "naarPartner").kind()).isEqualTo(PayloadField.Kind.PARTNER);
            assertThat(field("ggz.verwijzing-opgepakt", "verwijzingEventId").kind()).isEqualTo(PayloadField.Kind.UUID);
        }
    }

    @Nested
    class Payload_fields {

        @Test
        void mark_required_and_optional_fields() {
            assertThat(field("werk-inkomen.uitkering-toegekend", "regeling").required()).isTrue();
            assertThat(field("werk-inkomen.uitkering-toegekend", "bedragPerMaand").required()).isFalse();
        }

        @Test
        void keep_open_lists_open() {
            PayloadField regeling = field("werk-inkomen.uitkering-aangevraagd", "regeling");
            assertThat(regeling.kind()).isEqualTo(PayloadField.Kind.STRING);
            assertThat(regeling.values()).isEmpty();
            assertThat(field("werk-inkomen.uitkering-afgewezen", "reden").kind()).isEqualTo(PayloadField.Kind.STRING);
            assertThat(field("werk-inkomen.re-integratie-gestart", "soort").kind()).isEqualTo(PayloadField.Kind.STRING);
        }

        @ParameterizedTest(name = "{0}.{1}")
        @CsvSource(delimiter = '|', value = {
                "schuldhulp.betalingsachterstand-gesignaleerd | schuldeiser | huur, energie, water, zorgverzekering, overig",
                "werk-inkomen.uitkering-beeindigd | reden | werk, opleiding, verhuizing, fraude, overig",
                "schuldhulp.traject-gestart | soort | minnelijk, budgetbeheer, beschermingsbewind, wsnp",
                "jeugd.zorgmelding-ontvangen | bron | school, huisarts, politie, veilig-thuis, overig",
                "wmo.maatwerkvoorziening-toegekend | voorziening | begeleiding, dagbesteding, huishoudelijke-hulp, beschermd-wonen",
                "wmo.opvang-toegelaten | soort | nachtopvang, crisisopvang, vrouwenopvang"})
        void list_the_values_of_closed_lists(String type, String name, String values) {
            PayloadField field = field(type, name);
            assertThat(field.kind()).isEqualTo(PayloadField.Kind.ENUM);
            assertThat(field.values()).containsExactly(values.split(", "));
        }

        @Test
        void bound_the_participation_rung() {
            PayloadField trede = field("werk-inkomen.participatietrede-vastgesteld", "trede");
            assertThat(trede.kind()).isEqualTo(PayloadField.Kind.INTEGER);
            assertThat(trede.min()).isEqualTo(1L);
            assertThat(trede.max()).isEqualTo(6L);
        }

        @ParameterizedTest(name = "{0}.{1} is {2}")
        @CsvSource({
                "werk-inkomen.huishouden-vastgesteld, leden, BSN_LIST",
                "regie.plan-vastgesteld, doelen, PLAN_GOALS",
                "regie.casusoverleg-gehouden, deelnemers, PARTNER_LIST",
                "regie.toestemming-verleend, leefgebieden, DOMAIN_LIST",
                "regie.toestemming-verleend, ontvanger, RECIPIENT",
                "regie.toestemming-verleend, geldigTot, DATE",
                "regie.regisseur-overgedragen, warmeOverdracht, BOOLEAN",
                "schuldhulp.aanmelding-ontvangen, crisis, BOOLEAN",
                "werk-inkomen.uitkering-beeindigd, terugwerkendeKracht, BOOLEAN",
                "schuldhulp.ontruiming-aangezegd, datumOntruiming, DATE"})
        void declare_the_kind_of_special_fields(String type, String name, PayloadField.Kind kind) {
            assertThat(field(type, name).kind()).isEqualTo(kind);
        }

        @Test
        void are_empty_for_types_without_payload() {
            assertThat(CATALOGUE.type("ggz.crisis-opname").orElseThrow().payload()).isEmpty();
        }
    }

    @Nested
    class Loading {

        @Test
        void happens_once() {
            assertThat(Catalogue.load()).isSameAs(Catalogue.load());
        }

        @Test
        void gives_immutable_collections() {
            assertThatThrownBy(() -> CATALOGUE.types().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> CATALOGUE.partners().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> CATALOGUE.domains().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> CATALOGUE.types().get(0).payload().clear())
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void accepts_a_minimal_consistent_file() {
            Catalogue small = CatalogueLoader.parse(MINIMAL);
            assertThat(small.types()).extracting(EventType::name)
                    .containsExactly("wmo.melding-ontvangen", "wmo.afspraak-niet-nagekomen");
        }

        @Test
        void fails_loudly_listing_every_inconsistency() {
            String broken = MINIMAL
                    .replace("domain: dagelijks-functioneren", "domain: geluk")
                    .replace("wmo.melding-ontvangen", "politie.melding-ontvangen")
                    .replace("involvement: starts", "involvement: begint")
                    .replace("kind: string", "kind: tekst");
            assertThatThrownBy(() -> CatalogueLoader.parse(broken))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("politie.melding-ontvangen: prefix politie is not a partner")
                    .hasMessageContaining("politie.melding-ontvangen.domain must be a domain of this file or none")
                    .hasMessageContaining("politie.melding-ontvangen.involvement must be one of starts, ends, none")
                    .hasMessageContaining("politie.melding-ontvangen.payload.onderwerp.kind must be one of");
        }

        @Test
        void refuses_a_type_declared_twice() {
            String twice = MINIMAL.replace("commonTypes:", """
                      wmo.melding-ontvangen:
                        domain: dagelijks-functioneren
                        involvement: none
                        problem: none
                        sensitivity: basis
                    commonTypes:""");
            assertThatThrownBy(() -> CatalogueLoader.parse(twice))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("wmo.melding-ontvangen");
        }

        @Test
        void refuses_an_enum_without_values_and_unknown_keys() {
            String broken = MINIMAL.replace("{ kind: string, required: false }", "{ kind: enum, requird: false }");
            assertThatThrownBy(() -> CatalogueLoader.parse(broken))
                    .hasMessageContaining("an enum needs a non-empty list of values")
                    .hasMessageContaining("unknown key requird")
                    .hasMessageContaining("required must be true or false");
        }

        @Test
        void refuses_a_problem_without_a_domain() {
            String broken = MINIMAL.replace("domain: dagelijks-functioneren\n", "domain: none\n")
                    .replace("problem: none\n    sensitivity", "problem: raises\n    sensitivity");
            assertThatThrownBy(() -> CatalogueLoader.parse(broken))
                    .hasMessageContaining("wmo.melding-ontvangen raises or resolves a problem but has no domain");
        }

        static final String MINIMAL = """
                version: 1
                clusters: [sociaal-cultureel]
                domains:
                  dagelijks-functioneren: sociaal-cultureel
                partners:
                  wmo: { mainDomain: dagelijks-functioneren, mainSensitivity: basis }
                  regie: { mainDomain: none, mainSensitivity: basis }
                types:
                  wmo.melding-ontvangen:
                    domain: dagelijks-functioneren
                    involvement: starts
                    problem: none
                    sensitivity: basis
                    payload:
                      onderwerp: { kind: string, required: false }
                commonTypes:
                  afspraak-niet-nagekomen:
                    involvement: none
                    problem: none
                """;
    }

    static PayloadField field(String type, String name) {
        return CATALOGUE.type(type).orElseThrow().payload().stream()
                .filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
