package nl.menscentraal.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The platform's clock in the end-to-end tests: it runs like the system clock, but a test can set it to another
 * moment (a journey's historical dates) or move it on (past a deadline) instead of sleeping.
 */
final class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    void setTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the platform runs in UTC");
    }
}
