package dev.ratchet.torture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the checks in rounds: round 0 always, then further rounds with fresh seeds while the time
 * budget lasts (a round that starts is finished, so a run may overshoot by one round's length).
 */
public final class Torture {

    private final List<Check> checks;
    private final Ratchet ratchet;
    private final ChildJvm jvm;
    private final Clock clock;
    private final Consumer<String> progress;

    public Torture(List<Check> checks, Ratchet ratchet, ChildJvm jvm, Clock clock, Consumer<String> progress) {
        this.checks = List.copyOf(checks);
        this.ratchet = ratchet;
        this.jvm = jvm;
        this.clock = clock;
        this.progress = progress;
    }

    /** Every check named in the table, in its order. */
    public static List<Check> all() {
        return List.of(
                new KillCheck(),
                new WalTailCheck(),
                new TamperCheck(),
                new MalformedInputCheck(),
                new CanaryCheck(),
                new HostileProposalCheck(),
                new ProviderFaultCheck(false),
                new ProviderFaultCheck(true));
    }

    /** The totals per check over every round run before {@code deadline}. */
    public List<Tally.Result> run(Path dir, long seed, Counts counts, Instant deadline) throws Exception {
        Map<String, Tally.Result> totals = new LinkedHashMap<>();
        int index = 0;
        do {
            Path roundDir = Files.createDirectories(dir.resolve("round-" + index));
            for (Check check : checks) {
                Round round = new Round(
                        index,
                        seed,
                        Files.createDirectories(roundDir.resolve(check.name().replaceAll("[^A-Za-z0-9]+", "-"))),
                        counts,
                        ratchet,
                        jvm,
                        line -> progress.accept(check.name() + ": " + line));
                Tally tally = new Tally(check.name());
                progress.accept("round " + (index + 1) + ", " + check.name() + "...");
                Instant start = clock.instant();
                check.run(round, tally);
                Tally.Result result = tally.result();
                progress.accept("round " + (index + 1) + ", " + check.name() + ": " + result.trials() + " trials, "
                        + result.failureCount() + " failures, "
                        + java.time.Duration.between(start, clock.instant()).toSeconds() + " s");
                totals.merge(check.name(), result, Tally.Result::plus);
            }
            index++;
        } while (clock.instant().isBefore(deadline));
        return new ArrayList<>(totals.values());
    }
}
