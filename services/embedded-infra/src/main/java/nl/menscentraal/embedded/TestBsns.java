package nl.menscentraal.embedded;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data: random valid BSNs (elfproef), each handed out once per JVM, so tests sharing one broker and one
 * database never see each other's clients.
 */
public final class TestBsns {

    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

    private TestBsns() {
    }

    public static String unique() {
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                digits[i] = ThreadLocalRandom.current().nextInt(10);
                sum += (9 - i) * digits[i];
            }
            // sum - check ≡ 0 (mod 11); a check digit of 10 is impossible, so draw again
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
}
