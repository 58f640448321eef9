package nl.menscentraal.intake;

import nl.menscentraal.embedded.TestBsns;

/** Random valid BSNs (elfproef), each handed out once per JVM, so tests never see each other's data. */
final class Bsns {

    private Bsns() {
    }

    static String random() {
        return TestBsns.unique();
    }

    /** A nine-digit number that fails the elfproef. */
    static String failingElfproef() {
        String valid = random();
        int last = valid.charAt(8) - '0';
        return valid.substring(0, 8) + ((last + 1) % 10);
    }
}
