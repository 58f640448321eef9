package nl.menscentraal.intake;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Random valid BSNs (elfproef), each handed out once per JVM, so tests never see each other's data. */
final class Bsns {

    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

    private Bsns() {
    }

    static String random() {
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                digits[i] = ThreadLocalRandom.current().nextInt(10);
                sum += (9 - i) * digits[i];
            }
            // sum - check ≡ 0 (mod 11); a check digit of 10 is impossible, so draw again.
            int check = sum % 11;
            if (check == 10 || sum == 0) {
                continue;
            }
            digits[8] = check;
            StringBuilder bsn = new StringBuilder(9);
            for (int digit : digits) {
                bsn.append(digit);
            }
            if (ISSUED.add(bsn.toString())) {
                return bsn.toString();
            }
        }
    }

    /** A nine-digit number that fails the elfproef. */
    static String failingElfproef() {
        String valid = random();
        int last = valid.charAt(8) - '0';
        return valid.substring(0, 8) + ((last + 1) % 10);
    }
}
