package dev.ratchet.torture;

import dev.ratchet.log.EventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.log.sqlite.SqliteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A crash leaves a log's last commits in its {@code -wal} file, possibly cut short or with a torn
 * last write. The log is copied as a kill would leave it (the writer still open, its commits in the
 * WAL), then the WAL is truncated at a seeded byte, or its tail overwritten with noise or zeros:
 * {@code ratchet verify} must pass and the log must hold exactly the events of some prefix of the
 * commits (SQLite's frame checksums drop a torn frame and everything after it).
 */
final class WalTailCheck implements Check {

    @Override
    public String id() {
        return "wal";
    }

    @Override
    public String name() {
        return "torn or truncated WAL tail";
    }

    @Override
    public void run(Round round, Tally tally) throws Exception {
        SplittableRandom random = round.random(name());
        List<RecordedEvent> events = Folders.events(Folders.campaign(round, round.folder("sample"), 5 + round.index()));
        Path snapshot = round.dir().resolve("snapshot.db");
        List<Integer> commits = writeAndSnapshot(round.dir().resolve("source.db"), snapshot, events, random);
        byte[] wal = Files.readAllBytes(wal(snapshot));
        List<String> expected = LogLines.all(copy(snapshot, round.dir().resolve("intact.db"), wal));
        for (int trial = 0; trial < round.counts().walTails(); trial++) {
            int cut = random.nextInt(wal.length + 1);
            String kind = random.nextBoolean() ? "truncated" : random.nextBoolean() ? "torn, noise" : "torn, zeros";
            byte[] tail = Arrays.copyOf(wal, kind.equals("truncated") ? cut : Math.min(wal.length, cut + 4096));
            for (int i = cut; i < tail.length; i++) {
                tail[i] = kind.equals("torn, zeros") ? 0 : (byte) random.nextInt(256);
            }
            Path db = copy(snapshot, round.dir().resolve("trial.db"), tail);
            Ratchet.Outcome verify = round.ratchet().run("verify", db.toString());
            if (verify.exitCode() != 0) {
                tally.fail(
                        kind,
                        "verify exited " + verify.exitCode() + " on a WAL cut at byte " + cut + ": "
                                + LogLines.shorten(verify.err().strip()));
                continue;
            }
            List<String> kept = LogLines.all(db);
            boolean prefix = kept.equals(expected.subList(0, Math.min(kept.size(), expected.size())));
            if (!prefix || !commits.contains(kept.size())) {
                tally.fail(
                        kind,
                        kept.size() + " events kept from a WAL cut at byte " + cut
                                + (prefix ? ", not a commit boundary" : ", not a prefix of the committed events"));
            } else {
                tally.pass(kind + (kept.size() == expected.size() ? ", every commit kept" : ", a prefix kept"));
            }
        }
    }

    /** Appends {@code events} in seeded batches, copies the open log; returns the event count after each commit. */
    private static List<Integer> writeAndSnapshot(
            Path source, Path snapshot, List<RecordedEvent> events, SplittableRandom random) throws Exception {
        List<Integer> commits = new ArrayList<>(List.of(0));
        try (SqliteEventLog log = SqliteEventLog.open(source, SqliteOptions.defaults(), Clock.systemUTC())) {
            int at = 0;
            while (at < events.size()) {
                int size = Math.min(events.size() - at, 1 + random.nextInt(8));
                log.append(
                        "torn",
                        EventLog.ANY_VERSION,
                        events.subList(at, at + size).stream()
                                .map(e -> NewEvent.of(e.event()))
                                .toList());
                at += size;
                commits.add(at);
            }
            Files.copy(source, snapshot);
            Files.copy(wal(source), wal(snapshot));
        }
        return commits;
    }

    private static Path copy(Path snapshot, Path target, byte[] walBytes) throws Exception {
        for (String side : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + side));
        }
        Files.copy(snapshot, target);
        Files.write(wal(target), walBytes);
        return target;
    }

    private static Path wal(Path db) {
        return db.resolveSibling(db.getFileName() + "-wal");
    }
}
