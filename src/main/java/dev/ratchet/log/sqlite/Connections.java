package dev.ratchet.log.sqlite;

import dev.ratchet.log.LogException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/** Opens SQLite connections configured for the log. */
final class Connections {

    private Connections() {}

    static Connection writer(Path file, SqliteOptions options) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(
                options.synchronousNormal() ? SQLiteConfig.SynchronousMode.NORMAL : SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                for (String ddl : Schema.DDL) {
                    s.execute(ddl);
                }
            }
            return c;
        } catch (SQLException e) {
            throw new LogException("cannot open " + file + " for writing: " + e.getMessage(), e);
        }
    }

    static Connection reader(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try {
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new LogException("cannot open " + file + " for reading: " + e.getMessage(), e);
        }
    }
}
