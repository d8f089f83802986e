package dev.ratchet.log.sqlite;

import dev.ratchet.log.LogException;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.event.ConfirmScored;
import java.nio.file.Path;
import java.util.List;

/** Run in a child JVM by the tests: tries to write to a log another process holds. */
public final class SecondWriter {

    private SecondWriter() {}

    public static void main(String[] args) {
        try (SqliteEventLog log =
                SqliteEventLog.open(Path.of(args[0]), SqliteOptions.defaults(), SqliteEventLogTest.CLOCK)) {
            log.append(
                    "a", dev.ratchet.log.EventLog.ANY_VERSION, List.of(NewEvent.of(new ConfirmScored(9, "v", 1, 2))));
            System.out.println("wrote");
            System.exit(0);
        } catch (LogException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
