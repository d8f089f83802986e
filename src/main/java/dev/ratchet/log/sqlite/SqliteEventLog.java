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
    private final Map<String, Long> streamVersions = new HashMap<>();
    private long headSeq;
    private byte[] headHash = HashChain.GENESIS;

    private SqliteEventLog(Path file, Connection connection, WriterLock lock, Clock clock) {
        this.file = file;
        this.connection = connection;
        this.lock = lock;
        this.batch = lock == null ? null : new ChainedBatch(clock);
    }

    /** Opens (creating if needed) a log for writing; refuses if another process writes to it. */
    public static SqliteEventLog open(Path dbFile, SqliteOptions options, Clock clock) {
        try {
            Path parent = dbFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new LogException("cannot create " + dbFile.getParent() + ": " + e.getMessage(), e);
        }
        WriterLock lock = WriterLock.acquire(dbFile);
        try {
            Connection c = Connections.writer(dbFile, options);
            SqliteEventLog log = new SqliteEventLog(dbFile, c, lock, clock);
            log.loadHead();
            return log;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Opens an existing log for reading only; needs no lock and may run beside a writer. */
    public static SqliteEventLog openReadOnly(Path dbFile) {
        if (!Files.isRegularFile(dbFile)) {
            throw new LogException("no event log at " + dbFile);
        }
        return new SqliteEventLog(dbFile, Connections.reader(dbFile), null, Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    private void loadHead() {
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
            connection.setAutoCommit(false);
            try {
                List<RecordedEvent> existing = batch.existing(connection, events);
                if (existing != null) {
                    connection.rollback();
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
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed: events.stream")) {
                throw new ConcurrencyException("stream " + stream + " was appended to concurrently; nothing written");
            }
            throw new LogException("append to " + file + " failed, nothing written: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Stream<RecordedEvent> read(EventQuery query) {
        return Reads.stream(connection, query, file);
    }

    @Override
    public synchronized long streamVersion(String stream) {
        Long cached = streamVersions.get(stream);
        if (cached != null) {
            return cached;
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
