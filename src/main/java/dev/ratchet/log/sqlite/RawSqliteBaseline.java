package dev.ratchet.log.sqlite;

import dev.ratchet.log.HashChain;
import dev.ratchet.log.LogException;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.EventCodec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark baseline: plain JDBC on the same schema and pragmas as the log, with rows encoded
 * and hashed before the clock starts. It lives here because this package is the only one that
 * speaks JDBC.
 */
public final class RawSqliteBaseline {

    private RawSqliteBaseline() {}

    /** Encodes and chains events up front, as the rows the baseline will insert. */
    public static List<RecordedEvent> precompute(List<Event> events) {
        HashChain chain = new HashChain();
        List<RecordedEvent> rows = new ArrayList<>(events.size());
        byte[] prev = HashChain.genesis();
        long seq = 0;
        for (Event e : events) {
            seq++;
            byte[] payload = EventCodec.encode(e);
            String type = e.type().typeName();
            int schema = e.type().schemaVersion();
            byte[] hash = chain.link(prev, seq, "bench", seq, type, schema, payload);
            rows.add(new RecordedEvent(
                    seq, "bench", seq, type, schema, "2026-01-01T00:00:00Z", null, payload, prev, hash));
            prev = hash;
        }
        return rows;
    }

    /** Inserts pre-serialized rows in transactions of {@code batch}; returns seconds taken. */
    public static double insert(Path file, List<RecordedEvent> rows, int batch) {
        long start = System.nanoTime();
        try (Connection c = Connections.writer(file, SqliteOptions.defaults());
                PreparedStatement ps = c.prepareStatement(Schema.INSERT)) {
            c.setAutoCommit(false);
            int inBatch = 0;
            for (RecordedEvent r : rows) {
                ChainedBatch.bind(ps, r);
                ps.addBatch();
                if (++inBatch == batch) {
                    ps.executeBatch();
                    c.commit();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                ps.executeBatch();
                c.commit();
            }
        } catch (SQLException e) {
            throw new LogException("baseline insert failed: " + e.getMessage(), e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Reads every row and decodes its payload, nothing else; returns seconds taken. */
    public static double readAndDecode(Path file) {
        long start = System.nanoTime();
        long decoded = 0;
        try (Connection c = Connections.reader(file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, type, schema_version, payload FROM events ORDER BY seq")) {
            s.setFetchSize(1000);
            while (rs.next()) {
                if (EventCodec.decode(rs.getString(2), rs.getInt(3), rs.getBytes(4)) != null) {
                    decoded++;
                }
            }
        } catch (SQLException e) {
            throw new LogException("baseline read failed: " + e.getMessage(), e);
        }
        if (decoded == 0) {
            throw new IllegalStateException("baseline decoded nothing");
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
