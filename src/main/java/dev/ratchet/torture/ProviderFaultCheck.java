package dev.ratchet.torture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The same campaign with and without provider faults: the simulated provider fails a seeded share
 * of attempts with 429, 500, 503 or 529, and a breaker that opens quickly may stop the run (exit 3),
 * which is then resumed as a user would. With {@code exhausting} off the retries absorb the faults
 * (12 attempts a call); with it on, calls run out of retries (2 attempts at a 40% fault rate), as at
 * the start of an outage. Whatever the faults, the campaign must decide exactly what the fault-free
 * run decided: the same proposals, verdicts, promotions and stop.
 */
final class ProviderFaultCheck implements Check {

    private static final int RESUMES = 8;

    private final boolean exhausting;

    ProviderFaultCheck(boolean exhausting) {
        this.exhausting = exhausting;
    }

    @Override
    public String id() {
        return exhausting ? "retries-exhausted" : "faults";
    }

    @Override
    public String name() {
        return exhausting ? "faults past the retries" : "provider faults";
    }

    @Override
    public void run(Round round, Tally tally) throws Exception {
        SplittableRandom random = round.random(name());
        for (int trial = 0; trial < round.counts().faultSeeds(); trial++) {
            long seed = 1L + random.nextInt(1_000_000);
            Path dir = round.folder("seed-" + seed);
            Project project = Project.create(dir.resolve("project"), seed);
            Path clean = dir.resolve("clean");
            Ratchet.Outcome whole =
                    round.ratchet().run(Map.of(), project.args("run", clean, "--campaign", "f", "--no-report"));
            if (whole.exitCode() != 0) {
                throw new IllegalStateException("the fault-free campaign failed: " + whole.all());
            }
            double rate = exhausting ? 0.4 : List.of(0.1, 0.25, 0.4).get(trial % 3);
            Files.writeString(project.models(), faulty(rate, exhausting ? 2 : 12));
            Path faulty = dir.resolve("faulty");
            Ratchet.Outcome run =
                    round.ratchet().run(Map.of(), project.args("run", faulty, "--campaign", "f", "--no-report"));
            int resumes = 0;
            while (run.exitCode() == 3 && resumes < RESUMES) {
                resumes++;
                run = round.ratchet().run(Map.of(), project.args("run", faulty, "--resume", "f", "--no-report"));
            }
            String kind = "fault rate " + rate + (resumes > 0 ? ", stopped and resumed" : "");
            if (run.exitCode() != 0) {
                tally.fail(
                        kind,
                        "exit " + run.exitCode() + " after " + resumes + " resumes: " + LogLines.shorten(run.err()));
            } else {
                String diff = LogLines.firstDifference(
                        LogLines.decisions(clean.resolve("f").resolve("events.db")),
                        LogLines.decisions(faulty.resolve("f").resolve("events.db")));
                if (diff == null) {
                    tally.pass(kind);
                } else {
                    tally.fail(kind, "campaign seed " + seed + ": decisions differ from the fault-free run's: " + diff);
                }
            }
            Folders.delete(dir);
        }
    }

    /** The project's models with faults, short backoffs and a breaker that gives up within a second. */
    private static String faulty(double rate, int attempts) {
        String resilience = ", retry: {max_attempts: " + attempts
                + ", initial_backoff_seconds: 0.001, max_backoff_seconds: 0.002}, breaker: {window_calls: 20,"
                + " minimum_calls: 10, open_seconds: 0.01, max_outage_seconds: 0.2}}\n";
        return "models:\n"
                + "  sim-agent: {provider: simulated, seed: 11, options: {role: agent, fault_rate: " + rate + "}"
                + resilience
                + "  sim-proposer: {provider: simulated, seed: 11, options: {role: proposer, fault_rate: " + rate + "}"
                + resilience;
    }
}
