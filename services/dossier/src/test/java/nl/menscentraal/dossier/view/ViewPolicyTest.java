package nl.menscentraal.dossier.view;

import nl.menscentraal.dossier.chain.api.Consent;
import nl.menscentraal.events.Sensitivity;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.security.Role;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ViewPolicyTest {

    private static final Caller WERK_INKOMEN = new Caller("svc-werk-inkomen", Role.PARTNER, "werk-inkomen");
    private static final Caller REGISSEUR_1 = new Caller("regisseur-1", Role.REGISSEUR, "regie");
    private static final ClientRelations KNOWN_TO_WI_AND_GGZ = new ClientRelations(Set.of("werk-inkomen", "ggz"), "regisseur-1");

    @Nested
    class A_partner {

        @ParameterizedTest
        @EnumSource(Sensitivity.class)
        void sees_its_own_events_in_full_whatever_their_class(Sensitivity sensitivity) {
            assertThat(ViewPolicy.viewFor(WERK_INKOMEN, KNOWN_TO_WI_AND_GGZ).orElseThrow()
                    .visibilityOf("werk-inkomen", sensitivity)).isEqualTo(Visibility.FULL);
        }

        @ParameterizedTest
        @EnumSource(Sensitivity.class)
        void sees_other_partners_events_as_presence_whatever_their_class(Sensitivity sensitivity) {
            assertThat(ViewPolicy.viewFor(WERK_INKOMEN, KNOWN_TO_WI_AND_GGZ).orElseThrow()
                    .visibilityOf("ggz", sensitivity)).isEqualTo(Visibility.PRESENCE);
        }

        @Test
        void without_facts_about_the_client_has_no_view() {
            assertThat(ViewPolicy.viewFor(new Caller("svc-wmo", Role.PARTNER, "wmo"), KNOWN_TO_WI_AND_GGZ)).isEmpty();
        }
    }

    @Nested
    class The_assigned_regisseur {

        @ParameterizedTest
        @EnumSource(value = Sensitivity.class, names = {"BASIS", "FINANCIEEL"})
        void sees_basis_and_financial_events_in_full(Sensitivity sensitivity) {
            assertThat(ViewPolicy.viewFor(REGISSEUR_1, KNOWN_TO_WI_AND_GGZ).orElseThrow()
                    .visibilityOf("werk-inkomen", sensitivity)).isEqualTo(Visibility.FULL);
        }

        @ParameterizedTest
        @EnumSource(value = Sensitivity.class, names = {"BIJZONDER", "JEUGD", "JUSTITIEEL"})
        void sees_special_category_events_as_presence(Sensitivity sensitivity) {
            assertThat(ViewPolicy.viewFor(REGISSEUR_1, KNOWN_TO_WI_AND_GGZ).orElseThrow()
                    .visibilityOf("ggz", sensitivity)).isEqualTo(Visibility.PRESENCE);
        }

        @Test
        void is_the_only_regisseur_with_a_view() {
            assertThat(ViewPolicy.viewFor(new Caller("regisseur-2", Role.REGISSEUR, "regie"), KNOWN_TO_WI_AND_GGZ)).isEmpty();
        }
    }

    @Nested
    class A_regisseur_who_is_not_assigned {

        private final Caller regisseur2 = new Caller("regisseur-2", Role.REGISSEUR, "regie");
        private final ClientRelations withOpenRegieSignal = new ClientRelations(Set.of("werk-inkomen", "ggz"), "regisseur-1",
                List.of(new Consent("t-1", List.of("psychische-gezondheid"), "regisseur", LocalDate.parse("2027-01-01"))), true);

        @ParameterizedTest
        @EnumSource(Sensitivity.class)
        void sees_every_partners_events_as_presence_while_a_regie_signal_is_open(Sensitivity sensitivity) {
            ClientView view = ViewPolicy.viewFor(regisseur2, withOpenRegieSignal).orElseThrow();

            assertThat(view.visibilityOf("werk-inkomen", sensitivity, "inkomen")).isEqualTo(Visibility.PRESENCE);
            assertThat(view.visibilityOf("regie", sensitivity)).isEqualTo(Visibility.PRESENCE);
            assertThat(view.name()).isEqualTo("regisseur-signal");
        }

        @Test
        void is_not_lifted_by_a_consent_to_the_regisseur_which_is_for_the_assigned_one() {
            assertThat(ViewPolicy.viewFor(regisseur2, withOpenRegieSignal).orElseThrow()
                    .visibilityOf("ggz", Sensitivity.BIJZONDER, "psychische-gezondheid")).isEqualTo(Visibility.PRESENCE);
        }

        @Test
        void has_no_view_without_an_open_regie_signal() {
            assertThat(ViewPolicy.viewFor(regisseur2, new ClientRelations(Set.of("werk-inkomen", "ggz"), "regisseur-1",
                    List.of(), false))).isEmpty();
            assertThat(ViewPolicy.viewFor(regisseur2, new ClientRelations(Set.of("werk-inkomen"), null, List.of(), false)))
                    .isEmpty();
        }

        @Test
        void does_not_change_the_assigned_regisseurs_view_or_a_partners() {
            assertThat(ViewPolicy.viewFor(REGISSEUR_1, withOpenRegieSignal).orElseThrow()
                    .visibilityOf("werk-inkomen", Sensitivity.FINANCIEEL)).isEqualTo(Visibility.FULL);
            assertThat(ViewPolicy.viewFor(new Caller("svc-wmo", Role.PARTNER, "wmo"), withOpenRegieSignal)).isEmpty();
        }
    }

    @Nested
    class A_consent {

        private final ClientRelations consentedToRegisseur = new ClientRelations(Set.of("werk-inkomen", "ggz"), "regisseur-1",
                List.of(new Consent("t-1", List.of("psychische-gezondheid"), "regisseur", LocalDate.parse("2027-01-01"))));
        private final ClientRelations consentedToWerkInkomen = new ClientRelations(Set.of("werk-inkomen", "ggz"), "regisseur-1",
                List.of(new Consent("t-2", List.of("psychische-gezondheid"), "werk-inkomen", LocalDate.parse("2027-01-01"))));

        @Test
        void to_the_regisseur_lifts_the_assigned_regisseurs_view_of_that_domain_to_full_and_no_other() {
            ClientView regisseur = ViewPolicy.viewFor(REGISSEUR_1, consentedToRegisseur).orElseThrow();

            assertThat(regisseur.visibilityOf("ggz", Sensitivity.BIJZONDER, "psychische-gezondheid")).isEqualTo(Visibility.FULL);
            assertThat(regisseur.visibilityOf("ggz", Sensitivity.BIJZONDER, "verslaving")).isEqualTo(Visibility.PRESENCE);
            assertThat(ViewPolicy.viewFor(WERK_INKOMEN, consentedToRegisseur).orElseThrow()
                    .visibilityOf("ggz", Sensitivity.BIJZONDER, "psychische-gezondheid")).isEqualTo(Visibility.PRESENCE);
        }

        @Test
        void to_a_partner_lifts_that_partners_view_of_that_domain_to_full_and_not_the_regisseurs() {
            assertThat(ViewPolicy.viewFor(WERK_INKOMEN, consentedToWerkInkomen).orElseThrow()
                    .visibilityOf("ggz", Sensitivity.BIJZONDER, "psychische-gezondheid")).isEqualTo(Visibility.FULL);
            assertThat(ViewPolicy.viewFor(REGISSEUR_1, consentedToWerkInkomen).orElseThrow()
                    .visibilityOf("ggz", Sensitivity.BIJZONDER, "psychische-gezondheid")).isEqualTo(Visibility.PRESENCE);
        }

        @Test
        void counts_through_its_last_day_only() {
            Consent consent = new Consent("t-1", List.of("psychische-gezondheid"), "regisseur", LocalDate.parse("2027-01-01"));

            assertThat(consent.isValidOn(LocalDate.parse("2027-01-01"))).isTrue();
            assertThat(consent.isValidOn(LocalDate.parse("2027-01-02"))).isFalse();
        }
    }

    @Test
    void an_auditor_sees_everything_in_full() {
        ClientView auditor = ViewPolicy.viewFor(new Caller("auditor-1", Role.AUDITOR, "toezicht"), ClientRelations.NONE).orElseThrow();
        assertThat(auditor.visibilityOf("ggz", Sensitivity.BIJZONDER)).isEqualTo(Visibility.FULL);
    }

    @Test
    void an_operator_has_no_view_of_client_content() {
        assertThat(ViewPolicy.viewFor(new Caller("operator-1", Role.OPERATOR, "beheer"), KNOWN_TO_WI_AND_GGZ)).isEmpty();
    }
}
