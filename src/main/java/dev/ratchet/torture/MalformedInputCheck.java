package dev.ratchet.torture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated bad input to {@code ratchet run}: bytes that are not UTF-8, control characters, unknown
 * keys, values out of range or of the wrong type, broken suite lines and skill files, bad or
 * over-long campaign ids, oversized files. Each must be exit 2 within a second, with a message
 * naming the file or option and no stack trace, and must write nothing: not even the runs folder.
 */
final class MalformedInputCheck implements Check {

    static final Duration PROMPT = Duration.ofSeconds(1);

    @Override
    public String id() {
        return "input";
    }

    @Override
    public String name() {
        return "malformed input";
    }

    @Override
    public void run(Round round, Tally tally) throws Exception {
        SplittableRandom random = round.random(name());
        Path runs = round.dir().resolve("runs");
        for (int trial = 0; trial < round.counts().malformed(); trial++) {
            Project project = Project.create(round.dir().resolve("project"), 3);
            Malformation bad = Malformation.draw(project, random);
            List<String> args = project.args("run", runs, "--campaign", bad.id(), "--no-report");
            Ratchet.Outcome run = round.ratchet().run(java.util.Map.of(), args);
            String wrong = judge(run, bad, runs);
            if (wrong == null) {
                tally.pass(bad.kind());
            } else {
                tally.fail(bad.kind(), bad + ": " + wrong);
                Folders.delete(runs);
            }
            if ((trial + 1) % 250 == 0) {
                round.progress().accept((trial + 1) + "/" + round.counts().malformed() + " inputs");
            }
        }
        Folders.delete(round.dir().resolve("project"));
    }

    private static String judge(Ratchet.Outcome run, Malformation bad, Path runs) {
        if (run.exitCode() != 2) {
            return "exit " + run.exitCode() + ": " + LogLines.shorten(run.err().strip());
        }
        if (run.stackTrace()) {
            return "a stack trace: " + LogLines.shorten(run.err().strip());
        }
        if (!run.err().contains(bad.named())) {
            return "the message does not name " + bad.named() + ": "
                    + LogLines.shorten(run.err().strip());
        }
        if (Files.exists(runs)) {
            return "something was written: " + runs;
        }
        if (run.took().compareTo(PROMPT) > 0) {
            return "took " + run.took().toMillis() + " ms";
        }
        return null;
    }
}
