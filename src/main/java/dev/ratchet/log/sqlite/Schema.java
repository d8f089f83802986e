package dev.ratchet.log.sqlite;

/** The log's DDL: one table, uniqueness for concurrency and idempotency, append-only triggers. */
final class Schema {

    private Schema() {}

    static final String[] DDL = {
        """
        CREATE TABLE IF NOT EXISTS events (
          seq            INTEGER PRIMARY KEY,
          stream         TEXT    NOT NULL,
          version        INTEGER NOT NULL,
          type           TEXT    NOT NULL,
          schema_version INTEGER NOT NULL,
          recorded_at    TEXT    NOT NULL,
          idem_key       TEXT    UNIQUE,
          payload        BLOB    NOT NULL,
          prev_hash      BLOB    NOT NULL,
          hash           BLOB    NOT NULL,
          UNIQUE (stream, version)
        )""",
        // Gapless seq enforced by the database itself, not only by the writer.
        """
        CREATE TRIGGER IF NOT EXISTS events_gapless BEFORE INSERT ON events
        WHEN NEW.seq IS NOT (SELECT IFNULL(MAX(seq), 0) + 1 FROM events)
        BEGIN SELECT RAISE(ABORT, 'events.seq must be gapless'); END""",
        """
        CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END""",
        """
        CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END""",
    };

    static final String INSERT = "INSERT INTO events (seq, stream, version, type, schema_version, recorded_at,"
            + " idem_key, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String COLUMNS =
            "seq, stream, version, type, schema_version, recorded_at, idem_key, payload, prev_hash, hash";
}
