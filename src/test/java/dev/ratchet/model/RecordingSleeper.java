package dev.ratchet.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every wait it is asked for and advances the fake clock by it without waiting, so tests of
 * minute-long backoffs and outages take no time; an interrupted caller still sees the interrupt.
 */
final class RecordingSleeper implements Sleeper {

    private final FakeClock clock;
    private final List<Duration> sleeps = new ArrayList<>();

    RecordingSleeper(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        synchronized (this) {
            sleeps.add(duration);
        }
        clock.advance(duration);
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting " + duration);
        }
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized List<Long> sleptMillis() {
        return sleeps.stream().map(Duration::toMillis).collect(java.util.stream.Collectors.toList());
    }
}
