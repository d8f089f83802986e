package dev.ratchet.bench;

import dev.ratchet.log.ChainVerifier;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.EventCodec;
import dev.ratchet.log.sqlite.RawSqliteBaseline;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.log.sqlite.SqliteOptions;
import dev.ratchet.projection.CampaignState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Full-path log figures against raw SQLite on identical rows and schema. The baseline rows are
 * encoded and hashed before timing starts, so the ratio isolates what Ratchet adds: Jackson
 * encoding, SHA-256 chaining and its own bookkeeping (appends), decoding, folding and
 * verification (replay).
 */
public final class LogBenchmark {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final Path dir;
    private final int events;
    private final int single;
    private final int repetitions;
    private final Consumer<String> progress;
    private int runs;

    public LogBenchmark(Path dir, int events, int single, int repetitions, Consumer<String> progress) {
        this.dir = dir;
        this.events = events;
        this.single = single;
        this.repetitions = repetitions;
        this.progress = progress;
    }

    public List<Figure> run() {
        List<Event> payloads = sampleEvents(events);
        progress.accept(String.format(
                "bench log: %d events of ~%d bytes, %d repetitions",
                events, EventCodec.encode(payloads.get(0)).length, repetitions));
        List<RecordedEvent> rows = RawSqliteBaseline.precompute(payloads);
        List<Figure> figures = new ArrayList<>();
        figures.add(append("append, 1 event/tx", payloads.subList(0, single), rows.subList(0, single), 1));
        figures.add(append("append, batches of 100", payloads, rows, 100));
        figures.add(append("append, batches of 1000", payloads, rows, 1000));
        figures.add(replay(payloads));
        return figures;
    }

    private Figure append(String name, List<Event> payloads, List<RecordedEvent> rows, int batch) {
        double[] ours = new double[repetitions];
        double[] raw = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            raw[r] = payloads.size() / RawSqliteBaseline.insert(nextFile("raw"), rows, batch);
            ours[r] = payloads.size() / appendFullPath(nextFile("log"), payloads, batch);
            progress.accept(String.format("  %s: rep %d ours %.0f ev/s, raw %.0f ev/s", name, r + 1, ours[r], raw[r]));
        }
        return new Figure(name, Figure.median(ours), "events/s", Figure.median(raw), "raw SQLite insert");
    }

    private Figure replay(List<Event> payloads) {
        Path file = nextFile("replay");
        appendFullPath(file, payloads, 1000);
        double[] ours = new double[repetitions];
        double[] raw = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            raw[r] = RawSqliteBaseline.readAndDecode(file);
            ours[r] = replayFullPath(file);
            progress.accept(String.format("  replay: rep %d ours %.2f s, raw %.2f s", r + 1, ours[r], raw[r]));
        }
        return new Figure(
                "replay " + payloads.size() + " events",
                Figure.median(ours),
                "s",
                Figure.median(raw),
                "raw SQLite read + JSON decode");
    }

    private static double appendFullPath(Path file, List<Event> payloads, int batch) {
        long start = System.nanoTime();
        try (SqliteEventLog log = SqliteEventLog.open(file, SqliteOptions.defaults(), CLOCK)) {
            List<NewEvent> chunk = new ArrayList<>(batch);
            for (Event e : payloads) {
                chunk.add(NewEvent.of(e));
                if (chunk.size() == batch) {
                    log.append("bench", EventLog.ANY_VERSION, chunk);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                log.append("bench", EventLog.ANY_VERSION, chunk);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Read, decode, fold into the campaign state and verify every link, as {@code ratchet status}
     * does: rows are pulled on a second thread while this one hashes, decodes and folds
     * ({@link ChainVerifier#verifyWhile}).
     */
    private static double replayFullPath(Path file) {
        long start = System.nanoTime();
        CampaignState[] state = {CampaignState.initial()};
        ChainVerifier.Report report;
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(file)) {
            report = ChainVerifier.verifyWhile(log.read(EventQuery.all()), r -> state[0] = state[0].evolve(r.event()));
        }
        if (!report.ok() || state[0].counts().episodes() == 0) {
            throw new IllegalStateException("benchmark log failed verification or folded nothing: " + report);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private Path nextFile(String kind) {
        return dir.resolve(kind + "-" + (runs++) + ".db");
    }

    /** ~300-byte episode events with varied content, so compression-like effects cannot flatter us. */
    static List<Event> sampleEvents(int n) {
        List<Event> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean pass = i % 3 != 0;
            out.add(new EpisodeScored(
                    "i" + (i / 48) + "/batch/arith.add@" + (i * 7919L) + "/d2/s0",
                    i / 48,
                    "batch",
                    "train",
                    "arith.add@" + (i * 7919L) + "/d2",
                    "arith.add",
                    "3f2a9c0d1e5b7a64",
                    0,
                    pass ? "pass" : "fail",
                    pass ? "none" : "wrong-value",
                    null,
                    "Answer: " + (i * 31 % 100_000),
                    "stop",
                    1,
                    List.of("i" + (i / 48) + "/batch/arith.add@" + (i * 7919L) + "/call-0")));
        }
        return out;
    }
}
