package nl.menscentraal.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition every 100 ms; the benchmark's clock, not a test's. */
final class Waiting {

    private Waiting() {
    }

    static void until(Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting after " + atMost);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
