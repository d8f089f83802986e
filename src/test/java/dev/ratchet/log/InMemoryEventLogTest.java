package dev.ratchet.log;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

class InMemoryEventLogTest extends EventLogContract {

    @Override
    protected EventLog newLog() {
        return new InMemoryEventLog(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }
}
