package nl.menscentraal.events;

import java.util.Optional;

/**
 * A burgerservicenummer: 9 digits passing the elfproef (weights 9..2 and -1, sum divisible by 11),
 * never {@code 000000000}. Eight digits get a leading zero.
 *
 * <p>{@link #toString()} does not reveal the number, so a BSN that slips into a log line or an exception
 * message leaks nothing; use {@link #value()} where the number itself is needed.
 */
public record Bsn(String value) {

    public Bsn {
        Optional<String> problem = value != null && value.length() != 9
                ? Optional.of("must have 9 digits") : problemWith(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("invalid BSN: " + problem.get());
        }
    }

    /** Parses raw input (8 or 9 digits), normalising to 9 digits; throws without echoing the input. */
    public static Bsn parse(String raw) {
        return new Bsn(normalise(raw));
    }

    /** Whether {@code raw} (8 or 9 digits) is a valid BSN. */
    public static boolean isValid(String raw) {
        return problemWith(normalise(raw)).isEmpty();
    }

    /**
     * Why {@code raw} is not a valid BSN, in words that do not repeat it; empty when it is valid.
     * Accepts 8 digits (a leading zero was lost) as well as 9.
     */
    public static Optional<String> problemWith(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.of("is required");
        }
        String digits = normalise(raw);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("must consist of digits only");
        }
        if (digits.length() != 9) {
            return Optional.of("must have 9 digits (8 are accepted with a leading zero added)");
        }
        if (digits.equals("000000000")) {
            return Optional.of("000000000 is not a BSN");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (digits.charAt(i) - '0');
        }
        sum -= digits.charAt(8) - '0';
        if (sum % 11 != 0) {
            return Optional.of("fails the elfproef");
        }
        return Optional.empty();
    }

    private static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        return trimmed.length() == 8 ? "0" + trimmed : trimmed;
    }

    @Override
    public String toString() {
        return "Bsn[*********]";
    }
}
