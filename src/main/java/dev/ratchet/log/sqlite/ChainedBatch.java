package dev.ratchet.log.sqlite;

import dev.ratchet.log.HashChain;
import dev.ratchet.log.Idempotency;
import dev.ratchet.log.LogException;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.EventCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Encodes, chains and inserts one batch inside the caller's transaction. */
final class ChainedBatch {

    private final Clock clock;
    private final HashChain chain = new HashChain();
    private PreparedStatement insert;

    ChainedBatch(Clock clock) {
        this.clock = clock;
    }

    /** One insert statement per writer connection: preparing it per batch costs more than small batches do. */
    private PreparedStatement insert(Connection c) throws SQLException {
        if (insert == null || insert.isClosed()) {
            insert = c.prepareStatement(Schema.INSERT);
        }
        return insert;
    }

    /** See {@link dev.ratchet.log.EventLog#append}: originals when all keys are recorded, null when none are. */
    List<RecordedEvent> existing(Connection c, List<NewEvent> events) throws SQLException {
        if (events.stream().allMatch(e -> e.idempotencyKey() == null)) {
            return null;
        }
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + Schema.COLUMNS + " FROM events WHERE idem_key = ?")) {
            return Idempotency.existing(events, key -> {
                try {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Reads.row(rs) : null;
                    }
                } catch (SQLException e) {
                    throw new LogException("cannot look up idempotency key " + key + ": " + e.getMessage(), e);
                }
            });
        }
    }

    List<RecordedEvent> insert(
            Connection c, long lastSeq, byte[] lastHash, String stream, long streamVersion, List<NewEvent> events)
            throws SQLException {
        String now = clock.instant().toString();
        List<RecordedEvent> out = new ArrayList<>(events.size());
        long seq = lastSeq;
        long version = streamVersion;
        byte[] prev = lastHash;
        byte[][] payloads = encodeAll(events);
        PreparedStatement ps = insert(c);
        try {
            for (int i = 0; i < events.size(); i++) {
                NewEvent e = events.get(i);
                seq++;
                version++;
                byte[] payload = payloads[i];
                String type = e.event().type().typeName();
                int schema = e.event().type().schemaVersion();
                byte[] hash = chain.link(prev, seq, stream, version, type, schema, payload);
                RecordedEvent r = new RecordedEvent(
                        seq, stream, version, type, schema, now, e.idempotencyKey(), payload, prev, hash);
                bind(ps, r);
                ps.addBatch();
                out.add(r);
                prev = hash;
            }
            ps.executeBatch();
        } catch (SQLException | RuntimeException e) {
            ps.clearBatch();
            throw e;
        }
        return out;
    }

    /**
     * Encoding is pure and the costliest step, so large batches encode on all cores; chaining and
     * inserting stay sequential, in batch order.
     */
    private static byte[][] encodeAll(List<NewEvent> events) {
        byte[][] out = new byte[events.size()][];
        IntStream range = IntStream.range(0, events.size());
        (events.size() >= 64 ? range.parallel() : range)
                .forEach(i -> out[i] = EventCodec.encode(events.get(i).event()));
        return out;
    }

    static void bind(PreparedStatement ps, RecordedEvent r) throws SQLException {
        ps.setLong(1, r.seq());
        ps.setString(2, r.stream());
        ps.setLong(3, r.version());
        ps.setString(4, r.type());
        ps.setInt(5, r.schemaVersion());
        ps.setString(6, r.recordedAt());
        ps.setString(7, r.idempotencyKey());
        ps.setBytes(8, r.payload());
        ps.setBytes(9, r.prevHash());
        ps.setBytes(10, r.hash());
    }
}
