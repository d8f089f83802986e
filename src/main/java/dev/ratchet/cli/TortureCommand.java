package dev.ratchet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratchet.log.event.Json;
import dev.ratchet.torture.Check;
import dev.ratchet.torture.ChildJvm;
import dev.ratchet.torture.Counts;
import dev.ratchet.torture.Ratchet;
import dev.ratchet.torture.Tally;
import dev.ratchet.torture.Torture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ratchet torture}: the reliability checks CI runs, seeded, at larger counts, for minutes. */
@Command(
        name = "torture",
        mixinStandardHelpOptions = true,
        description = {
            "Abuses Ratchet as a hostile user would and counts what held: kill -9 of `run` (in a child JVM) at seeded"
                    + " moments, the creation window and output writing included, once or repeatedly, then resumed;"
                    + " torn and truncated WAL tails; single-byte and structural tampers of a log (deleted, inserted,"
                    + " swapped, truncated rows, a rewritten chain against --expect-head) and untouched copies;"
                    + " generated malformed inputs; canary keys echoed raw, base64 and percent-encoded by a loopback"
                    + " provider; hostile proposals against the static gate; simulated provider faults that the retries absorb, and faults past the retries.",
            "Runs one round of every check, then further rounds with fresh seeds until --minutes have passed (a round"
                    + " takes about two minutes on two cores). Campaigns run on the simulator, in a temporary folder"
                    + " that is deleted afterwards unless a check failed. Prints a table of trials, failures and what"
                    + " the trials met; progress goes to stderr. Exit 0 when no trial failed, 1 otherwise."
        })
final class TortureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--minutes",
            paramLabel = "M",
            defaultValue = "10",
            description = "Keep starting rounds until this many minutes have passed (default: ${DEFAULT-VALUE});"
                    + " 0 runs one round.")
    double minutes;

    @Option(
            names = "--quick",
            description = "One round at the counts CI runs (about a minute), whatever --minutes says.")
    boolean quick;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Seed of round 1; round n uses the next ones (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--check",
            paramLabel = "ID",
            split = ",",
            description =
                    "Run only these checks: kill, wal, tamper, input, canary, hostile, faults, retries-exhausted (default: all).")
    List<String> only = List.of();

    @Option(names = "--json", description = "Print the table as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!(minutes >= 0) || minutes > 7 * 24 * 60) {
            throw new UsageException("--minutes must be between 0 and 10080: " + minutes);
        }
        List<Check> checks = checks();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        Instant start = clock.instant();
        Instant deadline = quick ? start : start.plus(Duration.ofMillis((long) (minutes * 60_000)));
        Path dir = Files.createTempDirectory("ratchet-torture-");
        Torture torture =
                new Torture(checks, TortureCommand::inProcess, new ChildJvm(Main.class.getName()), clock, line -> {
                    err.println("torture: " + line);
                    err.flush();
                });
        List<Tally.Result> results = torture.run(dir, seed, quick ? Counts.quick() : Counts.round(), deadline);
        boolean failed = results.stream().anyMatch(r -> r.failureCount() > 0);
        Duration took = Duration.between(start, clock.instant());
        print(results, took);
        if (failed) {
            err.println("torture: the trials' folders are kept in " + dir);
        } else {
            deleteTree(dir);
        }
        return failed ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    private List<Check> checks() {
        List<Check> all = Torture.all();
        for (String id : only) {
            if (all.stream().noneMatch(c -> c.id().equals(id))) {
                throw new UsageException("--check " + id + ": no such check; the checks are "
                        + String.join(", ", all.stream().map(Check::id).toList()));
            }
        }
        return only.isEmpty()
                ? all
                : all.stream().filter(c -> only.contains(c.id())).toList();
    }

    /** A command line run in this process with only {@code env} for environment and the system clock. */
    static Ratchet.Outcome inProcess(Map<String, String> env, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int code = Main.run(
                args.toArray(String[]::new),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                Host.of(env, Clock.systemUTC()));
        return new Ratchet.Outcome(code, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - t0));
    }

    private void print(List<Tally.Result> results, Duration took) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = Json.CANONICAL.createObjectNode();
            root.put("seed", seed);
            root.put("seconds", took.toSeconds());
            ArrayNode checks = root.putArray("checks");
            for (Tally.Result r : results) {
                ObjectNode c = checks.addObject();
                c.put("check", r.check());
                c.put("trials", r.trials());
                c.put("failures", r.failureCount());
                ObjectNode found = c.putObject("found");
                r.found().forEach(found::put);
                r.failures().forEach(c.putArray("firstFailures")::add);
            }
            out.println(Json.write(root));
        } else {
            out.printf(Locale.ROOT, "torture: seed %d, %d s%n", seed, took.toSeconds());
            out.printf(Locale.ROOT, "%-28s %8s %9s  %s%n", "check", "trials", "failures", "what the trials met");
            for (Tally.Result r : results) {
                out.printf(Locale.ROOT, "%-28s %8d %9d  %s%n", r.check(), r.trials(), r.failureCount(), r.foundText());
                r.failures().forEach(f -> out.println("    FAILED " + f));
            }
        }
        out.flush();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
