package nl.menscentraal.events;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BsnTest {

    /** 0·9 + 1·8 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 − 2 = 110 = 10 × 11. */
    static final String EIGHT_DIGITS = "12345672";

    @Nested
    class A_valid_number {

        @ParameterizedTest
        @ValueSource(strings = {"999996708", "999993653", "999990950", "012345672"})
        void passes_the_elfproef(String number) {
            assertThat(Bsn.isValid(number)).isTrue();
            assertThat(Bsn.problemWith(number)).isEmpty();
            assertThat(Bsn.parse(number).value()).isEqualTo(number);
        }

        @Test
        void of_eight_digits_gets_its_leading_zero_back() {
            assertThat(Bsn.isValid(EIGHT_DIGITS)).isTrue();
            assertThat(Bsn.parse(EIGHT_DIGITS).value()).isEqualTo("0" + EIGHT_DIGITS);
            assertThat(Bsn.parse(EIGHT_DIGITS)).isEqualTo(Bsn.parse("0" + EIGHT_DIGITS));
        }
    }

    @Nested
    class An_invalid_number {

        @ParameterizedTest
        @ValueSource(strings = {"999996707", "000000000", "99999670a", "abcdefghi", "9999967080", "1234567", ""})
        void is_refused(String number) {
            assertThat(Bsn.isValid(number)).isFalse();
            assertThat(Bsn.problemWith(number)).isPresent();
            assertThatThrownBy(() -> Bsn.parse(number)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void with_a_wrong_check_digit_fails_the_elfproef() {
            assertThat(Bsn.problemWith("999996707")).contains("fails the elfproef");
        }

        @Test
        void that_is_missing_is_required() {
            assertThat(Bsn.problemWith(null)).contains("is required");
        }

        @Test
        void is_never_repeated_in_the_exception_message() {
            assertThatThrownBy(() -> Bsn.parse("999996707"))
                    .hasMessageNotContaining("999996707")
                    .hasMessageContaining("invalid BSN");
        }

        @Test
        void of_eight_digits_is_refused_by_the_constructor_which_wants_the_normalised_form() {
            assertThatThrownBy(() -> new Bsn(EIGHT_DIGITS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining(EIGHT_DIGITS);
        }
    }

    @Test
    void toString_never_shows_the_number() {
        Bsn bsn = Bsn.parse("999996708");
        assertThat(bsn.toString()).doesNotContain("999996708").doesNotContain("6708");
        assertThat(String.valueOf(new Envelope(null, null, 1, null, bsn, null, null, null, null)))
                .doesNotContain("999996708");
    }
}
