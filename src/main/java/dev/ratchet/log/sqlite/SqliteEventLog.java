package dev.ratchet.log.sqlite;

import dev.ratchet.log.ConcurrencyException;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.HashChain;
import dev.ratchet.log.Idempotency;
import dev.ratchet.log.LogException;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The event log in one SQLite file (WAL). A writer holds the cross-process {@link WriterLock}
 * and caches the chain head, so an append costs one transaction and no extra reads.
 */
public final class SqliteEventLog implements EventLog {

    private final Path file;
    private final Connection connection;
    private final WriterLock lock;
    private final ChainedBatch batch;
    /** A reader of a file whose writer has not created the table yet; looked at again on every read. */
    private boolean tableless;

    private final Map<String, Long> streamVersions = new HashMap<>();
    private long headSeq;
    private byte[] headHash = HashChain.genesis();

    private SqliteEventLog(Path file, Connection connection, WriterLock lock, Clock clock, boolean tableless) {
        this.file = file;
        this.connection = connection;
        this.lock = lock;
        this.batch = lock == null ? null : new ChainedBatch(clock);
        this.tableless = tableless;
    }

    /** Opens (creating if needed) a log for writing; refuses if another process writes to it. */
    public static SqliteEventLog open(Path dbFile, SqliteOptions options, Clock clock) {
        return open(dbFile, options, clock, c -> c);
    }

    /** As {@link #open(Path, SqliteOptions, Clock)}; tests wrap the connection to inject storage faults. */
    static SqliteEventLog open(Path dbFile, SqliteOptions options, Clock clock, UnaryOperator<Connection> wrap) {
        try {
            Path parent = dbFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new LogException(
                    "cannot create " + dbFile.getParent() + ": "
                            + DiskFull.describe(e, dbFile).orElse(e.getMessage()),
                    e);
        }
        WriterLock lock = WriterLock.acquire(dbFile);
        try {
            Connection c = wrap.apply(Connections.writer(dbFile, options));
            SqliteEventLog log = new SqliteEventLog(dbFile, c, lock, clock, false);
            log.loadHead();
            return log;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Opens an existing log for reading only; needs no lock and may run beside a writer. A file
     * without the events table (a run killed while creating it) reads as an empty log.
     */
    public static SqliteEventLog openReadOnly(Path dbFile) {
        if (!Files.isRegularFile(dbFile)) {
            throw new LogException("no event log at " + dbFile);
        }
        Connection c = Connections.reader(dbFile);
        boolean tableless;
        try {
            tableless = !Reads.hasEventsTable(c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new LogException("cannot read " + dbFile + ": " + e.getMessage(), e);
        }
        return new SqliteEventLog(dbFile, c, null, Clock.systemUTC(), tableless);
    }

    /** Whether a process (this one included) holds the writer lock of the log at {@code dbFile}. */
    public static boolean writerActive(Path dbFile) {
        return WriterLock.isHeld(dbFile);
    }

    public Path file() {
        return file;
    }

    private void loadHead() {
        if (noTableYet()) {
            return;
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                headSeq = rs.getLong(1);
                headHash = rs.getBytes(2);
            }
        } catch (SQLException e) {
            throw new LogException("cannot read the head of " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<RecordedEvent> append(String stream, long expectedVersion, List<NewEvent> events) {
        if (lock == null) {
            throw new LogException(file + " was opened read-only");
        }
        if (events.isEmpty()) {
            return List.of();
        }
        try {
            return inTransaction(() -> {
                List<RecordedEvent> existing = batch.existing(connection, events);
                if (existing != null) {
                    return existing;
                }
                long version = streamVersion(stream);
                Idempotency.checkVersion(stream, expectedVersion, version);
                List<RecordedEvent> written = batch.insert(connection, headSeq, headHash, stream, version, events);
                connection.commit();
                RecordedEvent last = written.get(written.size() - 1);
                headSeq = last.seq();
                headHash = last.hash();
                streamVersions.put(stream, last.version());
                return written;
            });
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed: events.stream")) {
                throw new ConcurrencyException("stream " + stream + " was appended to concurrently; nothing written");
            }
            throw new LogException(
                    "append to " + file + " failed, nothing written"
                            + DiskFull.describe(e, file)
                                    .map(full -> ": " + full + "; the log is intact up to seq " + headSeq
                                            + " (free some space there, then continue)")
                                    .orElse(": " + e.getMessage()),
                    e);
        }
    }

    /** The body that commits, or else a rollback; a failed rollback never hides why the body failed. */
    @SuppressWarnings("Finally") // throws from finally only when the body succeeded, so nothing is lost
    private List<RecordedEvent> inTransaction(Body body) throws SQLException {
        connection.setAutoCommit(false);
        Exception failure = null;
        try {
            return body.run();
        } catch (SQLException | RuntimeException e) {
            failure = e;
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                // After SQLITE_FULL at commit SQLite has already rolled back: "no transaction is active".
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException restore) {
                if (failure == null) {
                    throw restore;
                }
                failure.addSuppressed(restore);
            }
        }
    }

    /** One transaction's work. */
    @FunctionalInterface
    private interface Body {
        List<RecordedEvent> run() throws SQLException;
    }

    @Override
    public synchronized Stream<RecordedEvent> read(EventQuery query) {
        return noTableYet() ? Stream.empty() : Reads.stream(connection, query, file);
    }

    @Override
    public synchronized long streamVersion(String stream) {
        Long cached = streamVersions.get(stream);
        if (cached != null) {
            return cached;
        }
        if (noTableYet()) {
            return 0;
        }
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT IFNULL(MAX(version), 0) FROM events WHERE stream = ?")) {
            ps.setString(1, stream);
            try (ResultSet rs = ps.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : 0;
                if (lock != null) {
                    streamVersions.put(stream, v);
                }
                return v;
            }
        } catch (SQLException e) {
            throw new LogException("cannot read stream version from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<Head> head() {
        if (lock == null) {
            loadHead();
        }
        return headSeq == 0 ? Optional.empty() : Optional.of(new Head(headSeq, headHash.clone()));
    }

    /** SQLite's own integrity check: "ok", or the problems it found. */
    public synchronized List<String> integrityCheck() {
        return Reads.integrityCheck(connection, file);
    }

    private boolean noTableYet() {
        if (tableless) {
            try {
                tableless = !Reads.hasEventsTable(connection);
            } catch (SQLException e) {
                throw new LogException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return tableless;
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing; the original error is the one to report
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new LogException("cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
