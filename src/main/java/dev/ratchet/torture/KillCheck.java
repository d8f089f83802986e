package dev.ratchet.torture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code ratchet run} in a child JVM killed with SIGKILL, once or repeatedly, at seeded moments:
 * while the log file is being created, at a seeded number of events, or while the outputs are
 * written. Then the recovery a user would do ({@code run --resume}, or the same run again when no
 * log exists) must leave the very log of an uninterrupted run (a model call's measured latency
 * aside), its summary, and a report equal to the one {@code ratchet report} writes from that log.
 */
final class KillCheck implements Check {

    private static final String ID = "killed";

    @Override
    public String id() {
        return "kill";
    }

    @Override
    public String name() {
        return "kill -9 and resume";
    }

    @Override
    public void run(Round round, Tally tally) throws Exception {
        Project project = Project.create(round.folder("project"), 3);
        Path reference = round.dir().resolve("reference");
        Ratchet.Outcome whole = round.ratchet().run(Map.of(), project.args("run", reference, "--campaign", ID));
        if (whole.exitCode() != 0) {
            throw new IllegalStateException("the uninterrupted campaign failed: " + whole.all());
        }
        Expected expected = new Expected(
                LogLines.all(reference.resolve(ID).resolve("events.db")),
                Files.readString(reference.resolve(ID).resolve("summary.txt")),
                reference.toString());
        SplittableRandom random = round.random(name());
        Killer killer = new Killer(round.jvm());
        for (int trial = 0; trial < round.counts().kills(); trial++) {
            Path runs = round.dir().resolve("runs-" + trial);
            int kills = random.nextDouble() < 0.25 ? 2 + random.nextInt(2) : 1;
            List<String> landed = new ArrayList<>();
            for (int k = 0; k < kills; k++) {
                Killer.Target target = target(random, expected.log().size());
                Killer.Kill kill = killer.run(recovery(project, runs), runs.resolve(ID), target);
                landed.add(kill.killed() ? Landing.of(runs.resolve(ID)) : "ended before the kill");
            }
            String kind = (kills > 1 ? kills + " kills, last " : "") + landed.get(landed.size() - 1);
            String wrong = recoverAndCompare(round, project, runs, expected);
            if (wrong == null) {
                tally.pass(kind);
            } else {
                tally.fail(kind, "after kills " + landed + ": " + wrong);
            }
            Folders.delete(runs);
            if ((trial + 1) % 10 == 0) {
                round.progress().accept((trial + 1) + "/" + round.counts().kills() + " kills");
            }
        }
    }

    /** An uninterrupted run's log and summary; the summary names the runs folder it was written in. */
    record Expected(List<String> log, String summary, String runs) {

        String summaryIn(Path other) {
            return summary.replace(runs, other.toString());
        }
    }

    private static Killer.Target target(SplittableRandom random, int events) {
        double r = random.nextDouble();
        if (r < 0.15) {
            return new Killer.Target(Killer.Moment.CREATION, 0);
        }
        if (r < 0.30) {
            return new Killer.Target(Killer.Moment.OUTPUTS, 0);
        }
        return new Killer.Target(Killer.Moment.EVENTS, 1 + random.nextInt(events - 1));
    }

    /** What a user runs after a kill: a resume when the log exists, else the same run again. */
    private static List<String> recovery(Project project, Path runs) {
        return Files.exists(runs.resolve(ID).resolve("events.db"))
                ? project.resume(runs, ID)
                : project.args("run", runs, "--campaign", ID);
    }

    private static String recoverAndCompare(Round round, Project project, Path runs, Expected expected)
            throws IOException {
        Ratchet.Outcome resumed = round.ratchet().run(Map.of(), recovery(project, runs));
        if (resumed.exitCode() != 0) {
            return "the recovery exited " + resumed.exitCode() + ": "
                    + LogLines.shorten(resumed.err().strip());
        }
        Path folder = runs.resolve(ID);
        String log = LogLines.firstDifference(expected.log(), LogLines.all(folder.resolve("events.db")));
        if (log != null) {
            return "the log differs from an uninterrupted run's: " + log;
        }
        if (!Files.isRegularFile(folder.resolve("summary.txt"))
                || !Files.readString(folder.resolve("summary.txt")).equals(expected.summaryIn(runs))) {
            return "summary.txt is missing or differs from an uninterrupted run's";
        }
        Path fresh = runs.resolve("report-from-log.html");
        Ratchet.Outcome report =
                round.ratchet().run(Map.of(), List.of("report", folder.toString(), "--out", fresh.toString()));
        if (report.exitCode() != 0 || !Files.isRegularFile(folder.resolve("report.html"))) {
            return "report.html is missing, or the log gives no report: "
                    + report.all().strip();
        }
        if (Files.mismatch(fresh, folder.resolve("report.html")) != -1) {
            return "report.html differs from the report its log gives";
        }
        return null;
    }
}
