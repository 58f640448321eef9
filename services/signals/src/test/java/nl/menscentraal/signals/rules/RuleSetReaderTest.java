package nl.menscentraal.signals.rules;

import nl.menscentraal.events.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static nl.menscentraal.signals.rules.History.CATALOGUE;
import static nl.menscentraal.signals.rules.History.ENGINE;
import static nl.menscentraal.signals.rules.History.RECORDED;
import static nl.menscentraal.signals.rules.History.RULES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rules file: the shipped defaults, every problem of a broken file at once, and thresholds as data. */
class RuleSetReaderTest {

    @Test
    void the_shipped_defaults_load_the_thirteen_rules_of_the_spec() {
        // when
        RuleSet defaults = RuleSetReader.defaults(CATALOGUE);

        // then
        assertThat(defaults.version()).isEqualTo(1);
        assertThat(defaults.rules()).extracting(Rule::id).containsExactly("MP-01", "KM-01", "HU-01", "HU-02", "IN-01",
                "SH-01", "SH-02", "RG-01", "RG-02", "PA-01", "VW-01", "AF-01", "GZ-01");
        assertThat(defaults.rule("GZ-01")).hasValueSatisfying(r -> assertThat(r.household()).isTrue());
        assertThat(defaults.rule("HU-01")).hasValueSatisfying(r -> assertThat(r.autoExpire()).isTrue());
        assertThat(defaults.rule("AF-01")).hasValueSatisfying(r -> assertThat(r.anyOf()).hasSize(2));
        assertThat(defaults.yaml()).contains("heldFor: P14D");
    }

    @Test
    void a_broken_file_names_every_problem_with_its_path() {
        // given
        String yaml = """
                rules:
                  - id: XX-01
                    name: kapot
                    severity: heel-erg
                    routedTo: [regie]
                    kleur: rood
                    when:
                      state: { involvedPartners: { min: 2 } }
                    explanation: "Sinds {datum} betrokken."
                  - id: XX-02
                    name: ook-kapot
                    severity: aandacht
                    routedTo: [regie, gemeente]
                    when:
                      event: { types: [schuldhulp.bestaat-niet] }
                      awaiting: { types: [schuldhulp.eerste-gesprek-gevoerd] }
                      within: veertien-dagen
                      overrides:
                        - when: { payload: { crisis: "true" } }
                          severity: hoog
                    explanation: "Aanmelding op {date}."
                """;

        // when
        RuleSetException e = catchThrowableOfType(() -> RuleSetReader.read(yaml, 2, CATALOGUE), RuleSetException.class);

        // then
        assertThat(e).isNotNull();
        assertThat(e.errors()).extracting(FieldError::field).contains(
                "rules[0].severity",
                "rules[0].kleur",
                "rules[0].explanation",
                "rules[1].when.event.types",
                "rules[1].when.within",
                "rules[1].routedTo",
                "rules[1].when.overrides[0].severity");
        assertThat(e.errors()).extracting(FieldError::field)
                .allMatch(f -> f.startsWith("rules[0].") || f.startsWith("rules[1]."));
        assertThat(e.errors()).filteredOn(err -> err.field().equals("rules[0].severity")).singleElement()
                .satisfies(err -> assertThat(err.message()).contains("info, aandacht, urgent or kritiek"));
        assertThat(e.errors()).filteredOn(err -> err.field().equals("rules[0].kleur")).singleElement()
                .satisfies(err -> assertThat(err.message()).contains("not a known field"));
        assertThat(e.errors()).filteredOn(err -> err.field().equals("rules[0].explanation")).singleElement()
                .satisfies(err -> assertThat(err.message()).contains("unknown placeholder"));
        assertThat(e.errors()).filteredOn(err -> err.field().equals("rules[1].when.within"))
                .anySatisfy(err -> assertThat(err.message()).contains("ISO-8601"));
        assertThat(e.getMessage()).contains(e.errors().size() + " problem(s)");
    }

    @Test
    void two_rules_with_the_same_id_are_refused() {
        // given
        String rule = """
                  - id: XX-01
                    name: dubbel
                    severity: info
                    routedTo: [regie]
                    when:
                      state: { involvedPartners: { min: 2 } }
                    explanation: "Sinds {date}."
                """;

        // when
        RuleSetException e = catchThrowableOfType(() -> RuleSetReader.read("rules:\n" + rule + rule, 2, CATALOGUE),
                RuleSetException.class);

        // then
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("rules[1].id");
    }

    @Test
    void changing_a_threshold_in_the_file_changes_the_outcome() {
        // given: three partners for ten days, then a regisseur
        History h = History.client()
                .fact("werk-inkomen.uitkering-aangevraagd", "2016-01-04", Map.of("regeling", "bijstand"))
                .fact("schuldhulp.betalingsachterstand-gesignaleerd", "2016-01-05", Map.of("schuldeiser", "energie", "bedrag", 300))
                .fact("ggz.aanmelding-ontvangen", "2016-01-06")
                .fact("regie.regisseur-toegewezen", "2016-01-16", Map.of("regisseurId", "regisseur-1", "organisatie", "regie"));
        String sevenDays = RULES.yaml().replace("heldFor: P14D", "heldFor: P7D");
        assertThat(sevenDays).isNotEqualTo(RULES.yaml());

        // when
        RuleSet changed = RuleSetReader.read(sevenDays, 2, CATALOGUE);
        Evaluation withDefaults = ENGINE.evaluate(RULES, h.asSubject(), RECORDED.plus(Duration.ofMinutes(11)));
        Evaluation withChange = ENGINE.evaluate(changed, h.asSubject(), RECORDED.plus(Duration.ofMinutes(11)));

        // then
        assertThat(changed.version()).isEqualTo(2);
        assertThat(History.ruleIds(withDefaults)).doesNotContain("RG-01");
        assertThat(History.ruleIds(withChange)).containsOnlyOnce("RG-01");
    }
}
