package dev.ratchet.log.sqlite;

import dev.ratchet.log.HashChain;
import dev.ratchet.log.LogException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * What a forger with write access can do to a copy of a log, for {@code ratchet torture} and the
 * tests: drop the append-only triggers, change rows with SQL, flip a byte of a column, and recompute
 * every link of the chain from some seq on. Never used on a campaign's own log.
 */
public final class LogSurgery {

    private static final Set<String> BYTE_COLUMNS = Set.of("payload", "hash", "prev_hash");

    private final Path db;

    private LogSurgery(Path db) {
        this.db = db;
    }

    /** Copies {@code original} (a closed log) to {@code copy} and drops the copy's append-only triggers. */
    public static LogSurgery copy(Path original, Path copy) {
        try {
            Files.copy(original, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LogException("cannot copy " + original + ": " + e.getMessage(), e);
        }
        LogSurgery surgery = new LogSurgery(copy);
        surgery.execute("DROP TRIGGER events_gapless; DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete");
        return surgery;
    }

    public Path file() {
        return db;
    }

    /** Runs {@code sql} on the copy; returns the rows it changed. */
    public int execute(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            int changed = 0;
            for (String one : sql.split("; ")) {
                changed += s.executeUpdate(one);
            }
            return changed;
        } catch (SQLException e) {
            throw new LogException("cannot run " + sql + " on " + db + ": " + e.getMessage(), e);
        }
    }

    /** XORs the byte at {@code salt} modulo the value's length with {@code salt} (1..255). */
    public void flipByte(String column, long seq, int salt) {
        if (!BYTE_COLUMNS.contains(column) || salt < 1 || salt > 255) {
            throw new IllegalArgumentException(column + " " + salt);
        }
        try (Connection c = connect();
                PreparedStatement read = c.prepareStatement("SELECT " + column + " FROM events WHERE seq = ?");
                PreparedStatement write = c.prepareStatement("UPDATE events SET " + column + " = ? WHERE seq = ?")) {
            read.setLong(1, seq);
            byte[] value;
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                value = rs.getBytes(1);
            }
            value[salt % value.length] ^= (byte) salt;
            write.setBytes(1, value);
            write.setLong(2, seq);
            write.executeUpdate();
        } catch (SQLException e) {
            throw new LogException("cannot flip a byte of " + column + " at seq " + seq + ": " + e.getMessage(), e);
        }
    }

    /** Recomputes every link from {@code from} on, as a forger who knows the hash function would. */
    public void rechain(long from) {
        HashChain chain = new HashChain();
        try (Connection c = connect();
                PreparedStatement read = c.prepareStatement(
                        "SELECT seq, stream, version, type, schema_version, payload FROM events WHERE seq >= ?"
                                + " ORDER BY seq");
                PreparedStatement prev = c.prepareStatement("SELECT hash FROM events WHERE seq = ?");
                PreparedStatement write =
                        c.prepareStatement("UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?")) {
            prev.setLong(1, from - 1);
            byte[] link = HashChain.genesis();
            try (ResultSet rs = prev.executeQuery()) {
                if (rs.next()) {
                    link = rs.getBytes(1);
                }
            }
            read.setLong(1, from);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    byte[] hash = chain.link(
                            link,
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getBytes(6));
                    write.setBytes(1, link);
                    write.setBytes(2, hash);
                    write.setLong(3, rs.getLong(1));
                    write.executeUpdate();
                    link = hash;
                }
            }
        } catch (SQLException e) {
            throw new LogException("cannot rechain " + db + ": " + e.getMessage(), e);
        }
    }

    /** A copy needs no durability: no sync to disk, so thousands of tampers cost no fsyncs. */
    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous = OFF");
        }
        return c;
    }
}
