package nl.menscentraal.dossier.erasure;

import nl.menscentraal.dossier.chain.api.PartnerInvolvement;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetentionPolicyTest {

    private final RetentionPolicy policy = new RetentionPolicy(Period.ofYears(5),
            Map.of("jeugd.*", Period.ofYears(20), "werk-inkomen.uitkering-beeindigd", Period.ofYears(7)));

    private static final OffsetDateTime SINCE = OffsetDateTime.parse("2015-03-01T10:00:00+01:00");
    private static final OffsetDateTime ENDED = OffsetDateTime.parse("2018-06-30T23:30:00+02:00");

    @Test
    void a_client_is_kept_while_any_partner_is_involved() {
        assertThat(policy.erasableFrom(List.of(new PartnerInvolvement("wmo", SINCE, ENDED),
                new PartnerInvolvement("ggz", SINCE, null)), List.of("wmo.opvang-toegelaten"), ENDED)).isEmpty();
    }

    @Test
    void five_years_after_the_last_involvement_ended_counted_in_dutch_days() {
        assertThat(policy.erasableFrom(List.of(new PartnerInvolvement("wmo", SINCE, ENDED.minusYears(1)),
                new PartnerInvolvement("werk-inkomen", SINCE, ENDED)), List.of("wmo.opvang-toegelaten"), ENDED))
                .contains(LocalDate.of(2023, 7, 1));
    }

    @Test
    void the_longest_period_of_any_type_in_the_dossier_counts() {
        assertThat(policy.erasableFrom(List.of(new PartnerInvolvement("jeugd", SINCE, ENDED)),
                List.of("wmo.opvang-toegelaten", "jeugd.jeugdhulp-gestart"), ENDED)).contains(LocalDate.of(2038, 7, 1));
        assertThat(policy.erasableFrom(List.of(new PartnerInvolvement("werk-inkomen", SINCE, ENDED)),
                List.of("werk-inkomen.uitkering-beeindigd"), ENDED)).contains(LocalDate.of(2025, 7, 1));
    }

    @Test
    void a_dossier_without_involvements_counts_from_its_last_recorded_fact() {
        assertThat(policy.erasableFrom(List.of(), List.of("regie.casusoverleg-gehouden"), ENDED))
                .contains(LocalDate.of(2023, 7, 1));
    }
}
