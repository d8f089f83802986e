package dev.ratchet.torture;

import dev.ratchet.log.EventQuery;
import dev.ratchet.log.sqlite.SqliteEventLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/** Where in a campaign's life a kill landed, read from what it left in the folder. */
final class Landing {

    private Landing() {}

    static String of(Path folder) {
        Path db = folder.resolve("events.db");
        if (!Files.exists(db)) {
            return "before the log existed";
        }
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(db)) {
            if (log.head().isEmpty()) {
                return "log created, nothing committed";
            }
            boolean stopped;
            try (Stream<?> s = log.read(EventQuery.all().types(Set.of("campaign.stopped")))) {
                stopped = s.findAny().isPresent();
            }
            if (!stopped) {
                return "mid-campaign";
            }
        } catch (RuntimeException unreadable) {
            return "log unreadable after the kill";
        }
        boolean all = Files.exists(folder.resolve("summary.txt")) && Files.exists(folder.resolve("report.html"));
        return all ? "after the outputs" : "while writing outputs";
    }
}
