package dev.ratchet.log.sqlite;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run in a child JVM by the tests: opens a log for writing, says "locked" on standard output, and
 * holds the writer lock until its standard input closes or it is killed.
 */
public final class LockHolder {

    private LockHolder() {}

    public static void main(String[] args) throws IOException {
        try (SqliteEventLog log =
                SqliteEventLog.open(Path.of(args[0]), SqliteOptions.defaults(), SqliteEventLogTest.CLOCK)) {
            System.out.println(log.head().isPresent() ? "locked" : "locked an empty log");
            System.out.flush();
            while (System.in.read() >= 0) {
                // holds the lock until the parent closes our input
            }
        }
    }
}
