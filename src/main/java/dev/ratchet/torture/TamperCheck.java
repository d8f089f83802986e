package dev.ratchet.torture;

import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.sqlite.LogSurgery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded tampering with copies of a campaign's log, its triggers dropped: a flipped byte of a payload,
 * hash or previous hash, a changed type, schema version or seq, a deleted, inserted or swapped row
 * must make {@code verify} and {@code status} exit 1 naming the first bad seq; a truncated tail and
 * a chain rewritten over a valid event are invisible to the chain and must fail {@code verify
 * --expect-head} with the original head; an untouched copy must pass everything (no false alarm).
 */
final class TamperCheck implements Check {

    private static final List<String> KINDS = List.of(
            "payload",
            "hash",
            "prev_hash",
            "type",
            "schema_version",
            "seq",
            "delete",
            "insert",
            "swap",
            "truncate",
            "rewrite",
            "untouched");

    @Override
    public String id() {
        return "tamper";
    }

    @Override
    public String name() {
        return "tampered log";
    }

    @Override
    public void run(Round round, Tally tally) throws Exception {
        SplittableRandom random = round.random(name());
        Path original = Folders.campaign(round, round.folder("sample"), 7 + round.index());
        List<RecordedEvent> events = Folders.events(original);
        String head = events.get(events.size() - 1).hashHex();
        for (int trial = 0; trial < round.counts().tampers(); trial++) {
            String kind = KINDS.get(trial % KINDS.size());
            Path copy = round.dir().resolve("tampered.db");
            Tamper tamper = Tamper.draw(kind, events, random);
            tamper.apply(LogSurgery.copy(original, copy));
            String wrong = judge(round.ratchet(), copy, tamper, head);
            if (wrong == null) {
                tally.pass(kind);
            } else {
                tally.fail(kind, tamper + ": " + wrong);
            }
            Files.delete(copy);
            if ((trial + 1) % 250 == 0) {
                round.progress().accept((trial + 1) + "/" + round.counts().tampers() + " tampers");
            }
        }
    }

    /** What the readers said that they should not have, or null when every one answered rightly. */
    private static String judge(Ratchet ratchet, Path copy, Tamper tamper, String head) {
        Ratchet.Outcome plain = ratchet.run("verify", copy.toString());
        Ratchet.Outcome anchored = ratchet.run("verify", copy.toString(), "--expect-head", head);
        if (plain.stackTrace() || anchored.stackTrace()) {
            return "a stack trace: " + LogLines.shorten(plain.all() + anchored.all());
        }
        if (tamper.badSeq() == 0) {
            boolean anchorSees = !tamper.kind().equals("untouched");
            if (plain.exitCode() != 0) {
                return "verify exited " + plain.exitCode() + ", a false alarm: " + LogLines.shorten(plain.err());
            }
            if (anchored.exitCode() != (anchorSees ? 1 : 0)) {
                return "verify --expect-head exited " + anchored.exitCode() + ": " + LogLines.shorten(anchored.all());
            }
            return anchorSees ? null : status(ratchet, copy, 0);
        }
        String named = " at seq " + tamper.badSeq() + ":";
        if (plain.exitCode() != 1 || !plain.err().contains(named)) {
            return "verify exited " + plain.exitCode() + " without naming seq " + tamper.badSeq() + ": "
                    + LogLines.shorten(plain.all().strip());
        }
        return status(ratchet, copy, tamper.badSeq());
    }

    private static String status(Ratchet ratchet, Path copy, long badSeq) {
        Ratchet.Outcome status = ratchet.run("status", copy.toString());
        if (badSeq == 0) {
            return status.exitCode() == 0 && status.out().contains("chain      ok")
                    ? null
                    : "status of an untouched copy exited " + status.exitCode() + ": " + LogLines.shorten(status.all());
        }
        if (status.exitCode() != 1 || !status.out().contains("BROKEN at seq " + badSeq + ":")) {
            return "status exited " + status.exitCode() + " without naming seq " + badSeq + ": "
                    + LogLines.shorten(status.all().strip());
        }
        return null;
    }
}
