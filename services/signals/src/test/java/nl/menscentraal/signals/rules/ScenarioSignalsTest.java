package nl.menscentraal.signals.rules;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static nl.menscentraal.signals.rules.History.afterGrace;
import static nl.menscentraal.signals.rules.History.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

/** The journeys of scenarios.md, delivered as one bulk of history, raise exactly the signals listed there. */
class ScenarioSignalsTest {

    /** The day after the journey's last fact: scenarios.md lists the signals as of then. */
    static final Instant KENNY_POSTED = Instant.parse("2017-02-02T09:00:00Z");
    static final Instant MYRIAM_POSTED = Instant.parse("2016-05-11T09:00:00Z");

    static History kenny() {
        return History.client().recordedAt(KENNY_POSTED)
                .fact("wmo.opvang-toegelaten", "2016-03-01", Map.of("soort", "nachtopvang"))
                .fact("werk-inkomen.uitkering-aangevraagd", "2016-03-02", Map.of("regeling", "daklozenuitkering"))
                .fact("werk-inkomen.uitkering-afgewezen", "2016-03-20", Map.of("reden", "geen-adres"))
                .fact("wmo.briefadres-verstrekt", "2016-04-25")
                .fact("werk-inkomen.uitkering-toegekend", "2016-05-02", Map.of("regeling", "daklozenuitkering"))
                .fact("wmo.begeleid-wonen-gestart", "2016-07-01", Map.of("einddatum", "2017-01-01"))
                .fact("schuldhulp.aanmelding-ontvangen", "2016-10-03")
                .fact("wmo.maatwerkvoorziening-toegekend", "2017-02-01", Map.of("voorziening", "dagbesteding"));
    }

    @Test
    void kennys_history_raises_ketenmatch_twice_inkomensgat_geen_regisseur_schuldhulp_wacht_and_meervoudige_problematiek() {
        Evaluation evaluation = afterGrace(kenny().asSubject(), KENNY_POSTED);

        assertThat(ruleIds(evaluation)).containsExactlyInAnyOrder("MP-01", "KM-01", "KM-01", "IN-01", "SH-01", "RG-01");
        assertThat(evaluation.held()).filteredOn(e -> e.ruleId().equals("IN-01")).singleElement()
                .satisfies(e -> assertThat(e.explanation()).isEqualTo(
                        "uitkering-afgewezen op 2016-03-20 (werk-inkomen); geen uitkering toegekend of werk aanvaard binnen 30 dagen."));
    }

    @Test
    void kennys_deadlines_wait_for_the_late_arrival_grace() {
        Evaluation evaluation = History.ENGINE.evaluate(History.RULES, kenny().asSubject(), KENNY_POSTED.plus(Duration.ofMinutes(5)));

        assertThat(ruleIds(evaluation)).containsExactlyInAnyOrder("MP-01", "KM-01", "KM-01");
        assertThat(evaluation.nextDue()).contains(KENNY_POSTED.plus(Duration.ofMinutes(10)));
    }

    @Test
    void half_a_year_later_kennys_history_also_implies_participatie_zonder_eigenaar() {
        // scenarios.md stops at 2017-02-01; nothing about work or participation follows, so PA-01 is due on 2017-07-31
        Evaluation evaluation = History.ENGINE.evaluate(History.RULES, kenny().asSubject(), Instant.parse("2017-08-01T00:00:00Z"));

        assertThat(ruleIds(evaluation)).contains("PA-01");
        assertThat(evaluation.held()).filteredOn(e -> e.ruleId().equals("PA-01")).singleElement()
                .satisfies(e -> assertThat(e.heldAt()).isEqualTo(Instant.parse("2017-07-31T09:00:00Z")));
    }

    @Test
    void myriams_household_raises_ketenmatch_twice_meervoudige_problematiek_geen_regisseur_participatie_and_gezin_onder_druk() {
        History son = History.client().recordedAt(MYRIAM_POSTED);
        History mother = History.client().recordedAt(MYRIAM_POSTED)
                .fact("werk-inkomen.uitkering-aangevraagd", "2015-09-01", Map.of("regeling", "bijstand"))
                .fact("werk-inkomen.huishouden-vastgesteld", "2015-09-01", Map.of("leden", java.util.List.of("m", "s")))
                .fact("schuldhulp.betalingsachterstand-gesignaleerd", "2015-10-01", Map.of("schuldeiser", "energie", "bedrag", 640))
                .fact("ggz.aanmelding-ontvangen", "2015-10-05")
                .fact("regie.regisseur-toegewezen", "2015-11-02", Map.of("regisseurId", "regisseur-1", "organisatie", "regie"))
                .fact("werk-inkomen.werk-aanvaard", "2016-05-10", Map.of("urenPerWeek", 21));
        son.fact("jeugd.zorgmelding-ontvangen", "2015-10-12", Map.of("bron", "school"));

        assertThat(ruleIds(afterGrace(mother.asSubjectIn(son), MYRIAM_POSTED)))
                .containsExactlyInAnyOrder("KM-01", "KM-01", "MP-01", "RG-01", "PA-01");
        assertThat(ruleIds(afterGrace(son.asSubjectIn(mother), MYRIAM_POSTED))).isEmpty();
        assertThat(ruleIds(afterGrace(History.household(mother, son), MYRIAM_POSTED))).containsExactly("GZ-01");
    }
}
