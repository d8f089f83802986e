package dev.ratchet.log.sqlite;

import dev.ratchet.log.LogException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

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
            throw new LogException(
                    "cannot open " + file + " for writing: "
                            + DiskFull.describe(e, file).orElse(e.getMessage()),
                    e);
        }
    }

    /**
     * A read-only connection. A WAL database needs its {@code -shm} file even to be read, and SQLite
     * cannot create one in a folder it may not write to (a read-only mount, an archive, another
     * user's runs): it then fails with CANTOPEN or READONLY_DIRECTORY, which reads as a broken log.
     * Such a log is opened immutable instead, which needs no side file, provided no events wait in
     * its {@code -wal} (an immutable open would not see them).
     */
    static Connection reader(Path file) {
        try {
            Connection c = open(readOnly(), "jdbc:sqlite:" + file.toAbsolutePath());
            SQLException refused = probe(c);
            if (refused == null) {
                return c;
            }
            c.close();
            if (!cannotCreateSideFiles(refused)) {
                throw refused;
            }
            return immutable(file, refused);
        } catch (SQLException e) {
            throw new LogException("cannot open " + file + " for reading: " + e.getMessage(), e);
        }
    }

    private static Connection immutable(Path file, SQLException refused) throws SQLException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        if (pendingWal(wal)) {
            throw new LogException("cannot read " + file + ": its folder cannot be written (" + refused.getMessage()
                    + ") and " + wal.getFileName() + " holds events not yet copied into the log;"
                    + " copy the campaign folder somewhere writable and read the copy");
        }
        Connection c = open(readOnly(), "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1");
        SQLException still = probe(c);
        if (still != null) {
            c.close();
            throw still;
        }
        return c;
    }

    private static SQLiteConfig readOnly() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        return config;
    }

    private static Connection open(SQLiteConfig config, String url) throws SQLException {
        return config.createConnection(url);
    }

    /** SQLite opens lazily: the first read is where a folder it cannot write to shows. */
    private static SQLException probe(Connection c) {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    static boolean cannotCreateSideFiles(SQLException e) {
        if (!(e instanceof SQLiteException s)) {
            return false;
        }
        SQLiteErrorCode code = s.getResultCode();
        return code == SQLiteErrorCode.SQLITE_CANTOPEN
                || code == SQLiteErrorCode.SQLITE_READONLY_DIRECTORY
                || code == SQLiteErrorCode.SQLITE_READONLY_CANTINIT
                || code == SQLiteErrorCode.SQLITE_READONLY_CANTLOCK
                || code == SQLiteErrorCode.SQLITE_READONLY;
    }

    private static boolean pendingWal(Path wal) {
        try {
            return Files.isRegularFile(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return true;
        }
    }
}
