package dev.ratchet.log.sqlite;

import java.time.Duration;

/**
 * How durable appends are. {@code synchronousNormal} trades the last transactions before a power
 * loss (never integrity) for throughput; it is off by default and the CLI warns when it is on.
 */
public record SqliteOptions(boolean synchronousNormal, Duration busyTimeout) {

    public static SqliteOptions defaults() {
        return new SqliteOptions(false, Duration.ofSeconds(10));
    }
}
