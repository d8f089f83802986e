package dev.ratchet.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to: by a test, or by {@link RecordingSleeper}. */
final class FakeClock extends Clock {

    private final AtomicLong nanos;

    FakeClock(Instant start) {
        this.nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
    }

    static FakeClock at2026() {
        return new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Override
    public Instant instant() {
        long n = nanos.get();
        return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
