package dev.ratchet.torture;

import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.sqlite.LogSurgery;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One seeded change to a copy of a log. {@code badSeq} is the seq a reader must name, or 0 for a
 * change the chain alone cannot see (a cut tail, a rewrite with every link recomputed, no change).
 */
record Tamper(String kind, long row, long other, int salt, int rows) {

    static Tamper draw(String kind, List<RecordedEvent> events, SplittableRandom random) {
        int rows = events.size();
        for (int attempt = 0; attempt < 1000; attempt++) {
            long row = 1L + random.nextInt(rows - 1);
            long other = differentRow(kind, events, row, random);
            if (other > 0) {
                return new Tamper(kind, row, other, 1 + random.nextInt(255), rows);
            }
        }
        throw new IllegalStateException("the sample log has no two rows to " + kind);
    }

    /** A row whose payload differs from {@code row}'s, of the same type for a rewrite, else of another; or 0. */
    private static long differentRow(String kind, List<RecordedEvent> events, long row, SplittableRandom random) {
        RecordedEvent a = events.get((int) row - 1);
        for (int attempt = 0; attempt < 200; attempt++) {
            RecordedEvent b = events.get(random.nextInt(events.size()));
            boolean sameType = a.type().equals(b.type());
            if (!Arrays.equals(a.payload(), b.payload()) && (kind.equals("rewrite") == sameType)) {
                return b.seq();
            }
        }
        return 0;
    }

    void apply(LogSurgery log) {
        switch (kind) {
            case "payload", "hash", "prev_hash" -> log.flipByte(kind, row, salt);
            case "type" -> one(log, "UPDATE events SET type = type || 'x' WHERE seq = " + row);
            case "schema_version" -> one(
                    log, "UPDATE events SET schema_version = schema_version + " + salt + " WHERE seq = " + row);
            case "seq" -> one(log, "UPDATE events SET seq = " + (rows + salt) + " WHERE seq = " + row);
            case "delete" -> one(log, "DELETE FROM events WHERE seq = " + row);
            case "insert" -> one(
                    log,
                    "INSERT INTO events SELECT " + (rows + 1) + ", stream, version + " + rows
                            + ", type, schema_version, recorded_at, NULL, payload, prev_hash, hash FROM events"
                            + " WHERE seq = " + row);
            case "swap" -> one(log, copyRow(other, row));
            case "truncate" -> log.execute("DELETE FROM events WHERE seq > " + (rows - 1 - salt % 5));
            case "rewrite" -> {
                one(log, copyRow(other, row));
                log.rechain(row);
            }
            case "untouched" -> {}
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private static String copyRow(long from, long to) {
        return "UPDATE events SET payload = (SELECT payload FROM events WHERE seq = " + from
                + "), type = (SELECT type FROM events WHERE seq = " + from + ") WHERE seq = " + to;
    }

    private static void one(LogSurgery log, String sql) {
        int changed = log.execute(sql);
        if (changed != 1) {
            throw new IllegalStateException(changed + " rows changed by " + sql);
        }
    }

    long badSeq() {
        return switch (kind) {
            case "insert" -> rows + 1;
            case "truncate", "rewrite", "untouched" -> 0;
            default -> row;
        };
    }

    @Override
    public String toString() {
        return kind + " at seq " + row + (kind.equals("swap") || kind.equals("rewrite") ? " from seq " + other : "");
    }
}
