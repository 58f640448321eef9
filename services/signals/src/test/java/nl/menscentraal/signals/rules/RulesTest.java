package nl.menscentraal.signals.rules;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.menscentraal.signals.rules.History.ENGINE;
import static nl.menscentraal.signals.rules.History.RECORDED;
import static nl.menscentraal.signals.rules.History.RULES;
import static nl.menscentraal.signals.rules.History.afterGrace;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The initial rules of signal-rules.md, one nested class per rule: each fires on its condition and stays silent on
 * the nearest miss (a threshold minus one, a day outside the window, the awaited fact on the last day of the window).
 * Unless said otherwise the facts are a bulk of history recorded at {@link History#RECORDED}, evaluated after the
 * late-arrival grace.
 */
class RulesTest {

    // ---------------------------------------------------------------- helpers

    /** The held episodes of one rule. */
    static List<Episode> episodes(Evaluation evaluation, String ruleId) {
        return evaluation.held().stream().filter(e -> e.ruleId().equals(ruleId)).toList();
    }

    /** The one held episode of a rule. */
    static Episode episode(Evaluation evaluation, String ruleId) {
        List<Episode> held = episodes(evaluation, ruleId);
        assertThat(held).as("held episodes of %s", ruleId).hasSize(1);
        return held.get(0);
    }

    /** A date {@code days} after (or before, when negative) another. */
    static String plus(String date, long days) {
        return LocalDate.parse(date).plusDays(days).toString();
    }

    /** The instant of a {@link History#fact(String, String)} on that date (10:00+01:00). */
    static Instant at(String date) {
        return OffsetDateTime.of(LocalDate.parse(date).atTime(10, 0), ZoneOffset.ofHours(1)).toInstant();
    }

    static Map<String, Object> arrear(String schuldeiser) {
        return Map.of("schuldeiser", schuldeiser, "bedrag", 1250);
    }

    static Map<String, Object> referral(String naarPartner, String leefgebied) {
        return Map.of("naarPartner", naarPartner, "leefgebied", leefgebied);
    }

    static Map<String, Object> plan(String... leefgebieden) {
        return Map.of("doelen", java.util.Arrays.stream(leefgebieden)
                .map(l -> Map.of("leefgebied", l, "doel", "doel voor " + l, "eigenaarPartner", "regie",
                        "streefdatum", "2027-01-01"))
                .toList());
    }

    // ---------------------------------------------------------------- MP-01

    @Nested
    class MP01_meervoudige_problematiek {

        @Test
        void fires_when_problems_span_two_clusters_and_two_partners_are_involved() {
            // given: schulden (economisch, schuldhulp) and psychische-gezondheid (psychosociaal, ggz)
            History h = History.client()
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", "2016-01-04", arrear("energie"))
                    .fact("ggz.aanmelding-ontvangen", "2016-01-11");

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            Episode mp = episode(evaluation, "MP-01");
            assertThat(mp.severity()).isEqualTo(Severity.AANDACHT);
            assertThat(mp.routedTo()).containsExactly("regie");
            assertThat(mp.firstEventId()).isEqualTo(h.first("ggz.aanmelding-ontvangen").eventId());
            assertThat(mp.heldAt()).isEqualTo(at("2016-01-11"));
            assertThat(mp.explanation()).isEqualTo("Problemen in 2 clusters (economisch, psychosociaal-gezondheid) "
                    + "en 2 betrokken partners (ggz, schuldhulp) sinds 2016-01-11.");
        }

        @Test
        void does_not_fire_when_two_partners_work_in_one_cluster() {
            // given: schulden and inkomen are both economisch
            History h = History.client()
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", "2016-01-04", arrear("energie"))
                    .fact("werk-inkomen.uitkering-aangevraagd", "2016-01-11", Map.of("regeling", "bijstand"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "MP-01")).isEmpty();
        }

        @Test
        void does_not_fire_when_two_clusters_are_active_but_only_one_partner_is_involved() {
            // given: huisvesting (economisch) and dagelijks-functioneren (sociaal-cultureel), both by wmo
            History h = History.client()
                    .fact("wmo.opvang-toegelaten", "2016-01-04", Map.of("soort", "nachtopvang"))
                    .fact("wmo.maatwerkvoorziening-toegekend", "2016-01-11", Map.of("voorziening", "begeleiding"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "MP-01")).isEmpty();
        }

        @Test
        void no_longer_holds_once_the_second_partner_has_finished_its_treatment() {
            // given
            History h = History.client()
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", "2016-01-04", arrear("energie"))
                    .fact("ggz.aanmelding-ontvangen", "2016-01-11")
                    .fact("ggz.behandeling-afgerond", "2016-06-01");

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "MP-01")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- KM-01

    @Nested
    class KM01_ketenmatch {

        @Test
        void fires_when_a_second_partner_becomes_involved_and_is_routed_to_both_partners() {
            // given
            History h = History.client()
                    .fact("werk-inkomen.uitkering-aangevraagd", "2016-01-04", Map.of("regeling", "bijstand"))
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", "2016-01-11", arrear("energie"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            Episode km = episode(evaluation, "KM-01");
            assertThat(km.severity()).isEqualTo(Severity.INFO);
            assertThat(km.firstEventId()).isEqualTo(h.last().eventId());
            assertThat(km.routedTo()).containsExactlyInAnyOrder("werk-inkomen", "schuldhulp");
            assertThat(km.eachEpisodeSignals()).isTrue();
        }

        @Test
        void fires_again_for_a_third_partner_and_routes_that_match_to_all_three_involved_partners() {
            // given
            History h = History.client()
                    .fact("werk-inkomen.uitkering-aangevraagd", "2016-01-04", Map.of("regeling", "bijstand"))
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", "2016-01-11", arrear("energie"))
                    .fact("ggz.aanmelding-ontvangen", "2016-02-01");

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "KM-01")).hasSize(2);
            assertThat(episodes(evaluation, "KM-01"))
                    .filteredOn(e -> e.firstEventId().equals(h.last().eventId())).singleElement()
                    .satisfies(e -> assertThat(e.routedTo()).containsExactlyInAnyOrder("werk-inkomen", "schuldhulp", "ggz"));
        }

        @Test
        void a_match_that_fell_apart_is_no_news_when_another_partner_joins_later() {
            // given: werk-inkomen and schuldhulp matched, werk-inkomen left, then ggz joined schuldhulp
            History h = History.client()
                    .fact("werk-inkomen.uitkering-aangevraagd", "2016-01-04", Map.of("regeling", "bijstand"))
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", "2016-01-11", arrear("energie"))
                    .fact("werk-inkomen.uitkering-beeindigd", "2016-02-01", Map.of("reden", "werk"))
                    .fact("ggz.aanmelding-ontvangen", "2016-03-01");

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then: only the match that holds now, the one ggz made
            assertThat(episodes(evaluation, "KM-01")).singleElement()
                    .satisfies(e -> assertThat(e.firstEventId()).isEqualTo(h.last().eventId()))
                    .satisfies(e -> assertThat(e.routedTo()).containsExactlyInAnyOrder("schuldhulp", "ggz"));
        }

        @Test
        void does_not_fire_while_only_one_partner_is_involved() {
            // given: two trajectories, one partner
            History h = History.client()
                    .fact("werk-inkomen.uitkering-aangevraagd", "2016-01-04", Map.of("regeling", "bijstand"))
                    .fact("werk-inkomen.re-integratie-gestart", "2016-01-11", Map.of("soort", "dagbesteding"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "KM-01")).isEmpty();
        }

        @Test
        void a_further_trajectory_of_an_already_involved_partner_is_no_new_match() {
            // given
            History h = History.client()
                    .fact("werk-inkomen.uitkering-aangevraagd", "2016-01-04", Map.of("regeling", "bijstand"))
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", "2016-01-11", arrear("energie"))
                    .fact("schuldhulp.aanmelding-ontvangen", "2016-02-01");

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "KM-01")).singleElement()
                    .satisfies(e -> assertThat(e.firstEventId())
                            .isEqualTo(h.first("schuldhulp.betalingsachterstand-gesignaleerd").eventId()));
        }

        @Test
        void no_longer_holds_when_one_of_the_two_partners_ends_its_involvement() {
            // given
            History h = History.client()
                    .fact("werk-inkomen.uitkering-aangevraagd", "2016-01-04", Map.of("regeling", "bijstand"))
                    .fact("schuldhulp.aanmelding-ontvangen", "2016-01-11")
                    .fact("schuldhulp.traject-afgerond", "2016-09-01");

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "KM-01")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- HU-01

    @Nested
    class HU01_ontruiming_dreigt {

        History eviction() {
            return History.client()
                    .fact("schuldhulp.ontruiming-aangezegd", "2026-10-01", Map.of("datumOntruiming", "2026-12-01"));
        }

        @Test
        void fires_urgent_for_an_eviction_notice_that_was_not_prevented() {
            // given
            History h = eviction();

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            Episode hu = episode(evaluation, "HU-01");
            assertThat(hu.severity()).isEqualTo(Severity.URGENT);
            assertThat(hu.routedTo()).containsExactly("regie", "schuldhulp");
            assertThat(History.RULES.rule("HU-01").orElseThrow().lapsesWhenCleared()).isTrue();
            assertThat(hu.heldAt()).isEqualTo(at("2026-10-01"));
            assertThat(hu.explanation()).isEqualTo("Ontruiming aangezegd op 2026-10-01 (schuldhulp); geen ontruiming voorkomen.");
        }

        @Test
        void is_not_held_once_the_eviction_was_prevented() {
            // given
            History h = eviction().fact("schuldhulp.ontruiming-voorkomen", "2026-10-20");

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "HU-01")).isEmpty();
        }

        @Test
        void an_eviction_prevented_before_a_new_notice_does_not_clear_the_new_notice() {
            // given
            History h = History.client()
                    .fact("schuldhulp.ontruiming-aangezegd", "2025-01-10", Map.of("datumOntruiming", "2025-03-01"))
                    .fact("schuldhulp.ontruiming-voorkomen", "2025-02-01")
                    .fact("schuldhulp.ontruiming-aangezegd", "2026-10-01", Map.of("datumOntruiming", "2026-12-01"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episode(evaluation, "HU-01").firstEventId()).isEqualTo(h.last().eventId());
        }

        @Test
        void is_kritiek_when_another_household_member_has_gezin_opvoeding_active() {
            // given
            History parent = eviction();
            History child = History.client().fact("jeugd.zorgmelding-ontvangen", "2026-09-01", Map.of("bron", "school"));

            // when
            Evaluation evaluation = afterGrace(parent.asSubjectIn(child));

            // then
            assertThat(episode(evaluation, "HU-01").severity()).isEqualTo(Severity.KRITIEK);
        }

        @Test
        void stays_urgent_when_the_household_members_youth_care_has_ended() {
            // given
            History parent = eviction();
            History child = History.client()
                    .fact("jeugd.jeugdhulp-gestart", "2025-09-01", Map.of("soort", "ambulant"))
                    .fact("jeugd.jeugdhulp-beeindigd", "2026-06-01");

            // when
            Evaluation evaluation = afterGrace(parent.asSubjectIn(child));

            // then
            assertThat(episode(evaluation, "HU-01").severity()).isEqualTo(Severity.URGENT);
        }

        @Test
        void stays_urgent_when_the_other_household_member_has_only_other_domains_active() {
            // given
            History parent = eviction();
            History partner = History.client().fact("ggz.aanmelding-ontvangen", "2026-09-01");

            // when
            Evaluation evaluation = afterGrace(parent.asSubjectIn(partner));

            // then
            assertThat(episode(evaluation, "HU-01").severity()).isEqualTo(Severity.URGENT);
        }
    }

    // ---------------------------------------------------------------- HU-02

    @Nested
    class HU02_huurachterstand_en_inkomensval {

        static final String ARREAR = "2026-01-05";

        History rentArrear() {
            return History.client().fact("schuldhulp.betalingsachterstand-gesignaleerd", ARREAR, arrear("huur"));
        }

        @Test
        void fires_when_the_benefit_is_suspended_on_the_ninetieth_day_after_a_rent_arrear() {
            // given
            History h = rentArrear()
                    .fact("werk-inkomen.uitkering-opgeschort", plus(ARREAR, 90), Map.of("reden", "inlichtingenplicht"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            Episode hu = episode(evaluation, "HU-02");
            assertThat(hu.severity()).isEqualTo(Severity.URGENT);
            assertThat(hu.routedTo()).containsExactly("regie", "schuldhulp", "werk-inkomen");
            assertThat(hu.basedOn()).containsExactly(h.first("schuldhulp.betalingsachterstand-gesignaleerd").eventId(),
                    h.last().eventId());
            assertThat(hu.heldAt()).isEqualTo(at(plus(ARREAR, 90)));
            assertThat(hu.explanation()).isEqualTo("Huurachterstand gesignaleerd op 2026-01-05 (schuldhulp) "
                    + "en inkomensval op 2026-04-05 (werk-inkomen).");
        }

        @Test
        void fires_when_a_sanction_was_imposed_ninety_days_before_the_rent_arrear() {
            // given
            History h = History.client()
                    .fact("werk-inkomen.maatregel-opgelegd", plus(ARREAR, -90), Map.of("kortingProcent", 30, "duurMaanden", 3))
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", ARREAR, arrear("huur"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episode(evaluation, "HU-02").heldAt()).isEqualTo(at(ARREAR));
        }

        @Test
        void does_not_fire_when_the_benefit_is_rejected_ninety_one_days_after_the_rent_arrear() {
            // given
            History h = rentArrear()
                    .fact("werk-inkomen.uitkering-afgewezen", plus(ARREAR, 91), Map.of("reden", "onvolledig"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "HU-02")).isEmpty();
        }

        @Test
        void does_not_fire_when_the_suspension_was_ninety_one_days_before_the_rent_arrear() {
            // given
            History h = History.client()
                    .fact("werk-inkomen.uitkering-opgeschort", plus(ARREAR, -91), Map.of("reden", "inlichtingenplicht"))
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", ARREAR, arrear("huur"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "HU-02")).isEmpty();
        }

        @Test
        void does_not_fire_for_an_energy_arrear() {
            // given
            History h = History.client()
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", ARREAR, arrear("energie"))
                    .fact("werk-inkomen.uitkering-opgeschort", plus(ARREAR, 10), Map.of("reden", "inlichtingenplicht"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "HU-02")).isEmpty();
        }

        @Test
        void does_not_fire_when_the_benefit_ended_because_the_client_found_work() {
            // given
            History h = rentArrear()
                    .fact("werk-inkomen.uitkering-beeindigd", plus(ARREAR, 10), Map.of("reden", "werk"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "HU-02")).isEmpty();
        }

        @Test
        void fires_when_the_benefit_ended_because_the_client_moved() {
            // given
            History h = rentArrear()
                    .fact("werk-inkomen.uitkering-beeindigd", plus(ARREAR, 10), Map.of("reden", "verhuizing"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "HU-02")).hasSize(1);
        }
    }

    // ---------------------------------------------------------------- IN-01

    @Nested
    class IN01_inkomensgat {

        static final String REJECTED = "2016-03-20";

        History rejection() {
            return History.client().fact("werk-inkomen.uitkering-afgewezen", REJECTED, Map.of("reden", "geen-adres"));
        }

        @Test
        void fires_when_a_rejection_is_not_followed_by_an_award_within_thirty_days() {
            // given
            History h = rejection();

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            Episode in = episode(evaluation, "IN-01");
            assertThat(in.severity()).isEqualTo(Severity.AANDACHT);
            assertThat(in.routedTo()).containsExactly("regie", "werk-inkomen");
            assertThat(in.heldAt()).isEqualTo(at(plus(REJECTED, 30)));
            assertThat(History.RULES.rule("IN-01").orElseThrow().lapsesWhenCleared()).isTrue();
        }

        @Test
        void does_not_fire_when_the_benefit_is_awarded_on_the_thirtieth_day() {
            // given
            History h = rejection()
                    .fact("werk-inkomen.uitkering-toegekend", plus(REJECTED, 30), Map.of("regeling", "bijstand"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "IN-01")).isEmpty();
        }

        @Test
        void fires_when_the_benefit_is_awarded_on_the_thirty_first_day() {
            // given
            History h = rejection()
                    .fact("werk-inkomen.uitkering-toegekend", plus(REJECTED, 31), Map.of("regeling", "bijstand"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "IN-01")).hasSize(1);
        }

        @Test
        void does_not_fire_when_the_client_accepts_work_within_thirty_days_of_a_suspension() {
            // given
            History h = History.client()
                    .fact("werk-inkomen.uitkering-opgeschort", REJECTED, Map.of("reden", "inlichtingenplicht"))
                    .fact("werk-inkomen.werk-aanvaard", plus(REJECTED, 12), Map.of("urenPerWeek", 24));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "IN-01")).isEmpty();
        }

        @Test
        void is_not_raised_when_the_benefit_ended_because_the_client_found_work() {
            // given
            History h = History.client()
                    .fact("werk-inkomen.uitkering-beeindigd", REJECTED, Map.of("reden", "werk"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "IN-01")).isEmpty();
        }

        @Test
        void is_not_raised_for_an_ending_because_of_work_even_with_retroactive_effect() {
            // given
            History h = History.client().fact("werk-inkomen.uitkering-beeindigd", "2026-11-20",
                    Map.of("reden", "werk", "terugwerkendeKracht", true));

            // when
            Evaluation evaluation = ENGINE.evaluate(RULES, h.asSubject(), RECORDED);

            // then
            assertThat(episodes(evaluation, "IN-01")).isEmpty();
            assertThat(evaluation.nextDue()).isEmpty();
        }

        @Test
        void is_raised_when_the_benefit_ended_because_of_fraud() {
            // given
            History h = History.client()
                    .fact("werk-inkomen.uitkering-beeindigd", REJECTED, Map.of("reden", "fraude"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episode(evaluation, "IN-01").severity()).isEqualTo(Severity.AANDACHT);
        }

        @Test
        void fires_at_once_and_urgent_when_the_benefit_ended_with_retroactive_effect() {
            // given: ended three days ago, the thirty days are far from over
            History h = History.client().fact("werk-inkomen.uitkering-beeindigd", "2026-11-20",
                    Map.of("reden", "fraude", "terugwerkendeKracht", true));

            // when: evaluated the moment it is recorded
            Evaluation evaluation = ENGINE.evaluate(RULES, h.asSubject(), RECORDED);

            // then
            Episode in = episode(evaluation, "IN-01");
            assertThat(in.severity()).isEqualTo(Severity.URGENT);
            assertThat(in.heldAt()).isEqualTo(at("2026-11-20"));
        }

        @Test
        void without_retroactive_effect_the_same_ending_is_only_due_when_the_thirty_days_have_passed() {
            // given
            History h = History.client().fact("werk-inkomen.uitkering-beeindigd", "2026-11-20",
                    Map.of("reden", "fraude", "terugwerkendeKracht", false));

            // when
            Evaluation evaluation = ENGINE.evaluate(RULES, h.asSubject(), RECORDED);

            // then
            assertThat(episodes(evaluation, "IN-01")).isEmpty();
            assertThat(evaluation.nextDue()).contains(at("2026-12-20"));
        }

        @Test
        void a_deadline_that_has_not_passed_yet_is_reported_as_next_due_instead_of_held() {
            // given
            History h = History.client()
                    .fact("werk-inkomen.uitkering-afgewezen", "2026-11-20", Map.of("reden", "onvolledig"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(evaluation.held()).isEmpty();
            assertThat(evaluation.nextDue()).contains(at("2026-12-20"));
            // and once that moment has come, it is held
            assertThat(episodes(ENGINE.evaluate(RULES, h.asSubject(), at("2026-12-20")), "IN-01")).hasSize(1);
        }

        @Test
        void a_late_award_dated_inside_the_window_makes_the_held_deadline_no_longer_hold() {
            // given: the rejection's deadline held after the grace
            History h = rejection();
            assertThat(episodes(afterGrace(h.asSubject()), "IN-01")).hasSize(1);
            Instant nextDay = RECORDED.plus(Duration.ofDays(1));

            // when: a day later werk-inkomen delivers the award it had granted on day 25
            h.recordedAt(nextDay).fact("werk-inkomen.uitkering-toegekend", plus(REJECTED, 25), Map.of("regeling", "bijstand"));
            Evaluation evaluation = afterGrace(h.asSubject(), nextDay);

            // then
            assertThat(episodes(evaluation, "IN-01")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- SH-01

    @Nested
    class SH01_schuldhulp_wacht {

        static final String REGISTERED = "2016-01-04";

        History registration() {
            return History.client().fact("schuldhulp.aanmelding-ontvangen", REGISTERED);
        }

        History crisisRegistration() {
            return History.client().fact("schuldhulp.aanmelding-ontvangen", REGISTERED, Map.of("crisis", true));
        }

        @Test
        void fires_when_no_first_conversation_took_place_within_28_days() {
            // given
            History h = registration();

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            Episode sh = episode(evaluation, "SH-01");
            assertThat(sh.severity()).isEqualTo(Severity.AANDACHT);
            assertThat(sh.routedTo()).containsExactly("schuldhulp", "regie");
            assertThat(sh.heldAt()).isEqualTo(at(plus(REGISTERED, 28)));
            assertThat(sh.explanation())
                    .isEqualTo("Aanmelding schuldhulp ontvangen op 2016-01-04; geen eerste gesprek binnen 28 dagen.");
        }

        @Test
        void does_not_fire_when_the_first_conversation_took_place_on_the_28th_day() {
            // given
            History h = registration().fact("schuldhulp.eerste-gesprek-gevoerd", plus(REGISTERED, 28));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "SH-01")).isEmpty();
        }

        @Test
        void fires_when_the_first_conversation_took_place_on_the_29th_day() {
            // given
            History h = registration().fact("schuldhulp.eerste-gesprek-gevoerd", plus(REGISTERED, 29));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "SH-01")).hasSize(1);
        }

        @Test
        void in_a_crisis_fires_urgent_when_the_first_conversation_took_four_days() {
            // given
            History h = crisisRegistration().fact("schuldhulp.eerste-gesprek-gevoerd", plus(REGISTERED, 4));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            Episode sh = episode(evaluation, "SH-01");
            assertThat(sh.severity()).isEqualTo(Severity.URGENT);
            assertThat(sh.heldAt()).isEqualTo(at(plus(REGISTERED, 3)));
            assertThat(sh.explanation())
                    .isEqualTo("Aanmelding schuldhulp ontvangen op 2016-01-04; geen eerste gesprek binnen 3 dagen.");
        }

        @Test
        void in_a_crisis_does_not_fire_when_the_first_conversation_took_place_on_the_third_day() {
            // given
            History h = crisisRegistration().fact("schuldhulp.eerste-gesprek-gevoerd", plus(REGISTERED, 3));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "SH-01")).isEmpty();
        }

        @Test
        void in_a_crisis_the_deadline_is_due_three_days_after_the_registration() {
            // given
            History h = History.client().fact("schuldhulp.aanmelding-ontvangen", "2026-11-22", Map.of("crisis", true));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "SH-01")).isEmpty();
            assertThat(evaluation.nextDue()).contains(at("2026-11-25"));
        }

        @Test
        void a_deadline_long_past_waits_for_the_late_arrival_grace_since_recording() {
            // given: delivered now, dated in 2016
            History h = registration();

            // when
            Evaluation withinGrace = ENGINE.evaluate(RULES, h.asSubject(), RECORDED.plus(Duration.ofMinutes(9)));
            Evaluation graceOver = ENGINE.evaluate(RULES, h.asSubject(), RECORDED.plus(Duration.ofMinutes(10)));

            // then
            assertThat(episodes(withinGrace, "SH-01")).isEmpty();
            assertThat(withinGrace.nextDue()).contains(RECORDED.plus(Duration.ofMinutes(10)));
            assertThat(episodes(graceOver, "SH-01")).hasSize(1);
        }

        @Test
        void a_first_conversation_delivered_late_but_dated_inside_the_window_clears_the_held_deadline() {
            // given
            History h = registration();
            assertThat(episodes(afterGrace(h.asSubject()), "SH-01")).hasSize(1);
            Instant later = RECORDED.plus(Duration.ofDays(2));

            // when
            h.recordedAt(later).fact("schuldhulp.eerste-gesprek-gevoerd", plus(REGISTERED, 20));
            Evaluation evaluation = afterGrace(h.asSubject(), later);

            // then
            assertThat(episodes(evaluation, "SH-01")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- SH-02

    @Nested
    class SH02_schuldhulp_stagneert {

        static final String TALKED = "2016-01-04";

        History firstConversation() {
            return History.client()
                    .fact("schuldhulp.aanmelding-ontvangen", plus(TALKED, -7))
                    .fact("schuldhulp.eerste-gesprek-gevoerd", TALKED);
        }

        @Test
        void fires_when_no_trajectory_started_within_120_days_of_the_first_conversation() {
            // given
            History h = firstConversation();

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            Episode sh = episode(evaluation, "SH-02");
            assertThat(sh.severity()).isEqualTo(Severity.AANDACHT);
            assertThat(sh.routedTo()).containsExactly("schuldhulp", "regie");
            assertThat(sh.firstEventId()).isEqualTo(h.last().eventId());
            assertThat(sh.heldAt()).isEqualTo(at(plus(TALKED, 120)));
        }

        @Test
        void does_not_fire_when_the_trajectory_started_on_the_120th_day() {
            // given
            History h = firstConversation().fact("schuldhulp.traject-gestart", plus(TALKED, 120), Map.of("soort", "minnelijk"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "SH-02")).isEmpty();
        }

        @Test
        void fires_when_the_trajectory_started_on_the_121st_day() {
            // given
            History h = firstConversation().fact("schuldhulp.traject-gestart", plus(TALKED, 121), Map.of("soort", "minnelijk"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "SH-02")).hasSize(1);
        }

        @Test
        void does_not_fire_when_the_application_was_rejected_within_120_days() {
            // given
            History h = firstConversation().fact("schuldhulp.aanvraag-afgewezen", plus(TALKED, 90), Map.of("reden", "geen-medewerking"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "SH-02")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- RG-01

    @Nested
    class RG01_geen_regisseur {

        /** The third partner becomes involved on 2016-01-06: the fourteen days pass on 2016-01-20. */
        History threePartners() {
            return History.client()
                    .fact("werk-inkomen.uitkering-aangevraagd", "2016-01-04", Map.of("regeling", "bijstand"))
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", "2016-01-05", arrear("energie"))
                    .fact("ggz.aanmelding-ontvangen", "2016-01-06");
        }

        static Map<String, Object> regisseur() {
            return Map.of("regisseurId", "regisseur-1", "organisatie", "regie");
        }

        @Test
        void fires_when_three_partners_are_involved_for_fifteen_days_without_a_regisseur() {
            // given
            History h = threePartners().fact("regie.regisseur-toegewezen", "2016-01-21", regisseur());

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            Episode rg = episode(evaluation, "RG-01");
            assertThat(rg.severity()).isEqualTo(Severity.URGENT);
            assertThat(rg.routedTo()).containsExactly("regie");
            assertThat(rg.firstEventId()).isEqualTo(h.first("ggz.aanmelding-ontvangen").eventId());
            assertThat(rg.heldAt()).isEqualTo(at("2016-01-20"));
            assertThat(rg.explanation()).isEqualTo("Sinds 2016-01-06 zijn 3 partners betrokken (ggz, schuldhulp, werk-inkomen) "
                    + "en op 2016-01-20 was nog geen regisseur toegewezen.");
        }

        @Test
        void fires_when_no_regisseur_was_ever_assigned() {
            // given
            History h = threePartners();

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "RG-01")).hasSize(1);
        }

        @Test
        void does_not_fire_when_the_regisseur_is_assigned_on_the_fourteenth_day() {
            // given
            History h = threePartners().fact("regie.regisseur-toegewezen", "2016-01-20", regisseur());

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "RG-01")).isEmpty();
        }

        @Test
        void does_not_fire_for_two_partners_without_a_regisseur() {
            // given
            History h = History.client()
                    .fact("werk-inkomen.uitkering-aangevraagd", "2016-01-04", Map.of("regeling", "bijstand"))
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", "2016-01-05", arrear("energie"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "RG-01")).isEmpty();
        }

        @Test
        void does_not_fire_when_a_partner_leaves_before_the_fourteen_days_have_passed() {
            // given
            History h = threePartners().fact("ggz.behandeling-afgerond", "2016-01-19");

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "RG-01")).isEmpty();
        }

        @Test
        void is_due_fourteen_days_after_the_third_partner_became_involved() {
            // given
            History h = History.client()
                    .fact("werk-inkomen.uitkering-aangevraagd", "2026-11-08", Map.of("regeling", "bijstand"))
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", "2026-11-09", arrear("energie"))
                    .fact("ggz.aanmelding-ontvangen", "2026-11-10");

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "RG-01")).isEmpty();
            assertThat(evaluation.nextDue()).contains(at("2026-11-24"));
        }

        @Test
        void a_regisseur_assignment_delivered_late_but_dated_inside_the_fourteen_days_clears_the_signal() {
            // given
            History h = threePartners();
            assertThat(episodes(afterGrace(h.asSubject()), "RG-01")).hasSize(1);
            Instant later = RECORDED.plus(Duration.ofHours(3));

            // when
            h.recordedAt(later).fact("regie.regisseur-toegewezen", "2016-01-10", regisseur());
            Evaluation evaluation = afterGrace(h.asSubject(), later);

            // then
            assertThat(episodes(evaluation, "RG-01")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- RG-02

    @Nested
    class RG02_te_veel_hulpverleners {

        History fourProfessionals() {
            return History.client()
                    .by("wi-1").fact("werk-inkomen.uitkering-aangevraagd", "2016-01-04", Map.of("regeling", "bijstand"))
                    .by("wi-2").fact("werk-inkomen.uitkering-toegekend", "2016-01-20", Map.of("regeling", "bijstand"))
                    .by("sh-1").fact("schuldhulp.aanmelding-ontvangen", "2016-02-01")
                    .by("sh-2").fact("schuldhulp.eerste-gesprek-gevoerd", "2016-02-10");
        }

        @Test
        void fires_when_five_professionals_work_with_the_client_without_a_plan() {
            // given
            History h = fourProfessionals().by("ggz-1").fact("ggz.aanmelding-ontvangen", "2016-03-01");

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            Episode rg = episode(evaluation, "RG-02");
            assertThat(rg.severity()).isEqualTo(Severity.AANDACHT);
            assertThat(rg.routedTo()).containsExactly("regie");
            assertThat(rg.firstEventId()).isEqualTo(h.last().eventId());
            assertThat(rg.explanation()).isEqualTo("Sinds 2016-03-01 werken 5 hulpverleners met de client zonder vastgesteld plan.");
        }

        @Test
        void does_not_fire_for_four_professionals() {
            // given
            History h = fourProfessionals().by("sh-1").fact("ggz.aanmelding-ontvangen", "2016-03-01");

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "RG-02")).isEmpty();
        }

        @Test
        void does_not_fire_once_a_plan_was_adopted() {
            // given
            History h = fourProfessionals().by("ggz-1").fact("ggz.aanmelding-ontvangen", "2016-03-01")
                    .by("regisseur-1").fact("regie.plan-vastgesteld", "2016-03-15", plan("schulden"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "RG-02")).isEmpty();
        }

        @Test
        void professionals_who_were_replaced_no_longer_count() {
            // given: one partner, its professional changed four times
            History h = History.client().by("wmo-1").fact("wmo.melding-ontvangen", "2016-01-01");
            for (int i = 2; i <= 5; i++) {
                h.by("wmo-" + i).fact("wmo.hulpverlener-gewijzigd", "2016-01-0" + i, Map.of("warmeOverdracht", true));
            }

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "RG-02")).isEmpty();
        }

        @Test
        void the_professionals_of_a_partner_no_longer_involved_do_not_count() {
            // given
            History h = fourProfessionals().by("ggz-1").fact("ggz.aanmelding-ontvangen", "2016-03-01")
                    .fact("ggz.behandeling-afgerond", "2016-05-01");

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "RG-02")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- PA-01

    @Nested
    class PA01_participatie_zonder_eigenaar {

        /** MP-01 holds from 2016-01-04: the 180 days pass on 2016-07-02. */
        static final String SINCE = "2016-01-04";

        History multiProblem() {
            return History.client()
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", SINCE, arrear("energie"))
                    .fact("ggz.aanmelding-ontvangen", SINCE);
        }

        @Test
        void fires_when_multiproblematiek_held_for_180_days_without_anything_about_work_or_participation() {
            // given
            History h = multiProblem();

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            Episode pa = episode(evaluation, "PA-01");
            assertThat(pa.severity()).isEqualTo(Severity.AANDACHT);
            assertThat(pa.routedTo()).containsExactly("regie", "werk-inkomen");
            assertThat(pa.firstEventId()).isEqualTo(h.last().eventId());
            assertThat(pa.heldAt()).isEqualTo(at(plus(SINCE, 180)));
            assertThat(pa.explanation()).isEqualTo("Sinds 2016-01-04 meervoudige problematiek (economisch, psychosociaal-gezondheid) "
                    + "en tot 2016-07-02 al 180 dagen geen activiteit of plandoel voor werk en participatie.");
        }

        @Test
        void does_not_fire_when_multiproblematiek_ends_on_the_180th_day() {
            // given
            History h = multiProblem().fact("ggz.behandeling-afgerond", plus(SINCE, 180));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "PA-01")).isEmpty();
        }

        @Test
        void fires_when_multiproblematiek_ends_on_the_181st_day() {
            // given
            History h = multiProblem().fact("ggz.behandeling-afgerond", plus(SINCE, 181));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "PA-01")).hasSize(1);
        }

        @Test
        void a_participation_step_on_the_180th_day_restarts_the_180_days() {
            // given
            History h = multiProblem()
                    .fact("werk-inkomen.participatietrede-vastgesteld", plus(SINCE, 180), Map.of("trede", 2));

            // when: evaluated the day after the first 180 days passed, and long after
            Evaluation dayAfter = History.ENGINE.evaluate(History.RULES, h.asSubject(),
                    LocalDate.parse(plus(SINCE, 181)).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
            Evaluation later = afterGrace(h.asSubject());

            // then
            assertThat(episodes(dayAfter, "PA-01")).isEmpty();
            assertThat(episode(later, "PA-01").heldAt())
                    .isEqualTo(LocalDate.parse(plus(SINCE, 360)).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC));
        }

        @Test
        void fires_when_the_participation_step_was_only_assessed_on_the_181st_day() {
            // given
            History h = multiProblem()
                    .fact("werk-inkomen.participatietrede-vastgesteld", plus(SINCE, 181), Map.of("trede", 2));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "PA-01")).hasSize(1);
        }

        @Test
        void does_not_fire_when_the_plan_has_a_goal_for_werk_participatie() {
            // given
            History h = multiProblem()
                    .fact("regie.plan-vastgesteld", plus(SINCE, 100), plan("schulden", "werk-participatie"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "PA-01")).isEmpty();
        }

        @Test
        void fires_when_the_plan_has_goals_for_other_domains_only() {
            // given
            History h = multiProblem()
                    .fact("regie.plan-vastgesteld", plus(SINCE, 100), plan("schulden", "psychische-gezondheid"));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "PA-01")).hasSize(1);
        }

        @Test
        void fires_when_participation_stopped_early_and_nothing_followed_for_180_days() {
            // given: a re-integration ended within the first month, then nothing about work for years
            History h = multiProblem()
                    .fact("werk-inkomen.participatietrede-vastgesteld", plus(SINCE, 10), Map.of("trede", 2));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "PA-01")).hasSize(1);
        }
    }

    // ---------------------------------------------------------------- VW-01

    @Nested
    class VW01_verwijzing_niet_opgepakt {

        /** wmo refers to ggz on 2016-01-04: the 21 days pass on 2016-01-25. */
        static final String REFERRED = "2016-01-04";

        History referralToGgz() {
            return History.client().fact("wmo.verwijzing-verstuurd", REFERRED, referral("ggz", "psychische-gezondheid"));
        }

        @Test
        void fires_when_a_referral_is_not_taken_up_within_21_days_and_is_routed_to_the_referring_partner_and_regie() {
            // given
            History h = referralToGgz();

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            Episode vw = episode(evaluation, "VW-01");
            assertThat(vw.severity()).isEqualTo(Severity.AANDACHT);
            assertThat(vw.routedTo()).containsExactly("wmo", "regie");
            assertThat(vw.heldAt()).isEqualTo(at(plus(REFERRED, 21)));
            assertThat(vw.explanation()).isEqualTo("Verwijzing door wmo op 2016-01-04 is binnen 21 dagen niet opgepakt.");
        }

        @Test
        void does_not_fire_when_the_referral_is_taken_up_on_the_21st_day() {
            // given
            History h = referralToGgz();
            UUID referralId = h.last().eventId();
            h.fact("ggz.verwijzing-opgepakt", plus(REFERRED, 21), Map.of("verwijzingEventId", referralId.toString()));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "VW-01")).isEmpty();
        }

        @Test
        void fires_when_the_referral_is_taken_up_on_the_22nd_day() {
            // given
            History h = referralToGgz();
            UUID referralId = h.last().eventId();
            h.fact("ggz.verwijzing-opgepakt", plus(REFERRED, 22), Map.of("verwijzingEventId", referralId.toString()));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "VW-01")).hasSize(1);
        }

        @Test
        void taking_up_another_referral_does_not_answer_this_one() {
            // given
            History h = referralToGgz()
                    .fact("ggz.verwijzing-opgepakt", plus(REFERRED, 5), Map.of("verwijzingEventId", UUID.randomUUID().toString()));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "VW-01")).hasSize(1);
        }

        @Test
        void does_not_fire_when_the_referred_partner_starts_a_trajectory_on_the_21st_day() {
            // given
            History h = referralToGgz().fact("ggz.aanmelding-ontvangen", plus(REFERRED, 21));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "VW-01")).isEmpty();
        }

        @Test
        void fires_when_only_another_partner_starts_a_trajectory() {
            // given
            History h = referralToGgz().fact("schuldhulp.aanmelding-ontvangen", plus(REFERRED, 3));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "VW-01")).hasSize(1);
        }
    }

    // ---------------------------------------------------------------- AF-01

    @Nested
    class AF01_afhaken {

        static final String FIRST_NO_SHOW = "2016-01-04";

        @Test
        void fires_for_two_missed_appointments_within_30_days_even_at_different_partners() {
            // given
            History h = History.client()
                    .fact("wmo.afspraak-niet-nagekomen", FIRST_NO_SHOW)
                    .fact("ggz.afspraak-niet-nagekomen", plus(FIRST_NO_SHOW, 30));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            Episode af = episode(evaluation, "AF-01");
            assertThat(af.severity()).isEqualTo(Severity.AANDACHT);
            assertThat(af.routedTo()).containsExactly("regie");
            assertThat(af.firstEventId()).isEqualTo(h.first("wmo.afspraak-niet-nagekomen").eventId());
            assertThat(af.basedOn()).hasSize(2);
            assertThat(af.heldAt()).isEqualTo(at(plus(FIRST_NO_SHOW, 30)));
        }

        @Test
        void does_not_fire_for_two_missed_appointments_31_days_apart() {
            // given
            History h = History.client()
                    .fact("wmo.afspraak-niet-nagekomen", FIRST_NO_SHOW)
                    .fact("wmo.afspraak-niet-nagekomen", plus(FIRST_NO_SHOW, 31));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "AF-01")).isEmpty();
        }

        @Test
        void explains_two_missed_appointments_in_a_complete_sentence_when_no_domain_is_active() {
            // given
            History h = History.client()
                    .fact("wmo.afspraak-niet-nagekomen", FIRST_NO_SHOW)
                    .fact("wmo.afspraak-niet-nagekomen", plus(FIRST_NO_SHOW, 10));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episode(evaluation, "AF-01").explanation()).doesNotContain("  ").doesNotContain("ook speelt");
        }

        @Test
        void does_not_fire_for_one_missed_appointment() {
            // given
            History h = History.client().fact("schuldhulp.afspraak-niet-nagekomen", FIRST_NO_SHOW);

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "AF-01")).isEmpty();
        }

        @Test
        void fires_when_ggz_treatment_is_dropped_while_another_domain_is_active() {
            // given
            History h = History.client()
                    .fact("schuldhulp.aanmelding-ontvangen", FIRST_NO_SHOW)
                    .fact("ggz.behandeling-gestart", plus(FIRST_NO_SHOW, 7))
                    .fact("ggz.behandeling-uitgevallen", plus(FIRST_NO_SHOW, 40));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            Episode af = episode(evaluation, "AF-01");
            assertThat(af.firstEventId()).isEqualTo(h.last().eventId());
            assertThat(af.heldAt()).isEqualTo(at(plus(FIRST_NO_SHOW, 40)));
        }

        @Test
        void does_not_fire_when_ggz_treatment_is_dropped_and_no_other_domain_is_active() {
            // given
            History h = History.client()
                    .fact("ggz.behandeling-gestart", FIRST_NO_SHOW)
                    .fact("ggz.behandeling-uitgevallen", plus(FIRST_NO_SHOW, 40));

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(episodes(evaluation, "AF-01")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- GZ-01

    @Nested
    class GZ01_gezin_onder_druk {

        @Test
        void fires_when_one_member_has_gezin_opvoeding_and_another_inkomen_active() {
            // given
            History mother = History.client()
                    .fact("werk-inkomen.uitkering-aangevraagd", "2015-09-01", Map.of("regeling", "bijstand"));
            History son = History.client().fact("jeugd.zorgmelding-ontvangen", "2015-10-12", Map.of("bron", "school"));

            // when
            Evaluation evaluation = afterGrace(History.household(mother, son));

            // then
            Episode gz = episode(evaluation, "GZ-01");
            assertThat(gz.severity()).isEqualTo(Severity.AANDACHT);
            assertThat(gz.routedTo()).containsExactly("regie");
            assertThat(gz.firstEventId()).isEqualTo(son.last().eventId());
            assertThat(gz.basedOn()).contains(mother.last().eventId(), son.last().eventId());
        }

        @Test
        void fires_when_the_other_member_has_schulden_active() {
            // given
            History father = History.client()
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", "2015-09-01", arrear("huur"));
            History daughter = History.client().fact("jeugd.jeugdhulp-gestart", "2015-10-12", Map.of("soort", "ambulant"));

            // when
            Evaluation evaluation = afterGrace(History.household(father, daughter));

            // then
            assertThat(episodes(evaluation, "GZ-01")).hasSize(1);
        }

        @Test
        void does_not_fire_when_the_other_member_only_has_huisvesting_active() {
            // given
            History mother = History.client()
                    .fact("schuldhulp.ontruiming-aangezegd", "2015-09-01", Map.of("datumOntruiming", "2015-11-01"));
            History son = History.client().fact("jeugd.zorgmelding-ontvangen", "2015-10-12", Map.of("bron", "school"));

            // when
            Evaluation evaluation = afterGrace(History.household(mother, son));

            // then
            assertThat(episodes(evaluation, "GZ-01")).isEmpty();
        }

        @Test
        void does_not_fire_when_one_and_the_same_member_has_both() {
            // given
            History son = History.client()
                    .fact("jeugd.zorgmelding-ontvangen", "2015-10-12", Map.of("bron", "school"))
                    .fact("schuldhulp.betalingsachterstand-gesignaleerd", "2015-11-01", arrear("zorgverzekering"));
            History mother = History.client().fact("ggz.aanmelding-ontvangen", "2015-09-01");

            // when
            Evaluation evaluation = afterGrace(History.household(mother, son));

            // then
            assertThat(episodes(evaluation, "GZ-01")).isEmpty();
        }

        @Test
        void does_not_fire_once_the_youth_care_has_ended() {
            // given
            History mother = History.client()
                    .fact("werk-inkomen.uitkering-aangevraagd", "2015-09-01", Map.of("regeling", "bijstand"));
            History son = History.client()
                    .fact("jeugd.jeugdhulp-gestart", "2015-10-12", Map.of("soort", "ambulant"))
                    .fact("jeugd.jeugdhulp-beeindigd", "2016-04-01");

            // when
            Evaluation evaluation = afterGrace(History.household(mother, son));

            // then
            assertThat(episodes(evaluation, "GZ-01")).isEmpty();
        }

        @Test
        void is_not_evaluated_for_a_single_client_and_client_rules_are_not_evaluated_for_a_household() {
            // given
            History mother = History.client()
                    .fact("werk-inkomen.uitkering-aangevraagd", "2015-09-01", Map.of("regeling", "bijstand"));
            History son = History.client().fact("jeugd.zorgmelding-ontvangen", "2015-10-12", Map.of("bron", "school"));

            // when
            Evaluation asClient = afterGrace(mother.asSubjectIn(son));
            Evaluation asHousehold = afterGrace(History.household(mother, son));

            // then
            assertThat(asClient.evaluatedRules()).doesNotContain("GZ-01").hasSize(12);
            assertThat(asHousehold.evaluatedRules()).containsExactly("GZ-01");
        }
    }

    // ---------------------------------------------------------------- signal ids and explanations

    @Nested
    class Signal_ids {

        final UUID event = UUID.fromString("0b6c3c1e-7d2a-4f4e-9c51-1f0e6a9d3b27");

        @Test
        void the_same_rule_subject_and_event_always_give_the_same_version_5_id() {
            // when
            UUID once = SignalIds.of("HU-01", "dossier-1", event);
            UUID again = SignalIds.of("HU-01", "dossier-1", UUID.fromString(event.toString()));

            // then
            assertThat(once).isEqualTo(again);
            assertThat(once.version()).isEqualTo(5);
        }

        @Test
        void a_different_rule_subject_or_event_gives_a_different_id() {
            // when
            UUID id = SignalIds.of("HU-01", "dossier-1", event);

            // then
            assertThat(SignalIds.of("HU-02", "dossier-1", event)).isNotEqualTo(id);
            assertThat(SignalIds.of("HU-01", "dossier-2", event)).isNotEqualTo(id);
            assertThat(SignalIds.of("HU-01", "dossier-1", UUID.randomUUID())).isNotEqualTo(id);
        }

        @Test
        void ids_are_rfc_9562_version_5_uuids_and_stay_the_same_across_releases() {
            // when
            UUID pythonOrg = SignalIds.v5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org");
            UUID signal = SignalIds.of("HU-01", "dossier-1", event);

            // then: the RFC's DNS namespace example, and a pinned id (a change would duplicate every signal on replay)
            assertThat(pythonOrg).isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
            assertThat(signal).isEqualTo(UUID.fromString("58215042-35bc-5d5a-bb4c-5b413fd10a07"));
        }

        @Test
        void evaluating_the_same_history_twice_names_the_same_episodes() {
            // given
            History h = ScenarioSignalsTest.kenny();

            // when
            Evaluation first = afterGrace(h.asSubject(), ScenarioSignalsTest.KENNY_POSTED);
            Evaluation second = afterGrace(h.asSubject(), ScenarioSignalsTest.KENNY_POSTED);

            // then
            assertThat(second.held()).isEqualTo(first.held());
        }
    }

    @Nested
    class Explanations {

        @Test
        void no_held_episode_leaves_a_placeholder_unfilled() {
            // given: a history that raises most client rules
            History h = History.client()
                    .by("p1").fact("werk-inkomen.uitkering-aangevraagd", "2016-01-04", Map.of("regeling", "bijstand"))
                    .by("p2").fact("schuldhulp.betalingsachterstand-gesignaleerd", "2016-01-05", arrear("huur"))
                    .by("p3").fact("ggz.aanmelding-ontvangen", "2016-01-06")
                    .by("p4").fact("schuldhulp.aanmelding-ontvangen", "2016-01-07")
                    .by("p5").fact("wmo.melding-ontvangen", "2016-01-08")
                    .fact("wmo.verwijzing-verstuurd", "2016-01-09", referral("jeugd", "gezin-opvoeding"))
                    .fact("werk-inkomen.uitkering-opgeschort", "2016-01-10", Map.of("reden", "inlichtingenplicht"))
                    .fact("schuldhulp.ontruiming-aangezegd", "2016-01-11", Map.of("datumOntruiming", "2016-03-01"))
                    .fact("wmo.afspraak-niet-nagekomen", "2016-01-12")
                    .fact("wmo.afspraak-niet-nagekomen", "2016-01-13")
                    .fact("schuldhulp.eerste-gesprek-gevoerd", "2016-03-01");

            // when
            Evaluation evaluation = afterGrace(h.asSubject());

            // then
            assertThat(evaluation.held()).extracting(Episode::ruleId)
                    .contains("MP-01", "KM-01", "HU-01", "HU-02", "IN-01", "SH-01", "SH-02", "RG-01", "RG-02", "PA-01",
                            "VW-01", "AF-01");
            assertThat(evaluation.held()).allSatisfy(e -> assertThat(e.explanation()).doesNotContain("{", "}"));
        }
    }
}
