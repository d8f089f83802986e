package dev.ratchet.torture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One check's trials: how many, which failed and why, and what the passing ones met (by kind). */
public final class Tally {

    /** Failures kept verbatim; the rest are counted. */
    private static final int KEPT = 5;

    private final String check;
    private int trials;
    private final List<String> failures = new ArrayList<>();
    private int failureCount;
    private final Map<String, Integer> found = new TreeMap<>();

    public Tally(String check) {
        this.check = check;
    }

    /** A trial that held; {@code kind} says what it exercised (where a kill landed, which tamper). */
    public void pass(String kind) {
        trials++;
        found.merge(kind, 1, Integer::sum);
    }

    /** A trial that did not hold, with what a user would have seen. */
    public void fail(String kind, String detail) {
        trials++;
        failureCount++;
        found.merge(kind, 1, Integer::sum);
        if (failures.size() < KEPT) {
            failures.add(kind + ": " + detail);
        }
    }

    public Result result() {
        return new Result(check, trials, failureCount, Map.copyOf(new TreeMap<>(found)), List.copyOf(failures));
    }

    /** A check's totals; {@code found} counts trials by kind, {@code failures} quotes the first few. */
    public record Result(
            String check, int trials, int failureCount, Map<String, Integer> found, List<String> failures) {

        public Result {
            found = java.util.Collections.unmodifiableMap(new TreeMap<>(found));
            failures = List.copyOf(failures);
        }

        public Result plus(Result other) {
            Map<String, Integer> all = new TreeMap<>(found);
            other.found.forEach((k, v) -> all.merge(k, v, Integer::sum));
            List<String> quoted = new ArrayList<>(failures);
            other.failures.stream().limit(Math.max(0, KEPT - quoted.size())).forEach(quoted::add);
            return new Result(check, trials + other.trials, failureCount + other.failureCount, all, quoted);
        }

        /** "kind n, kind m" in the order of the kinds' names. */
        public String foundText() {
            List<String> parts = new ArrayList<>();
            found.forEach((k, v) -> parts.add(k + " " + v));
            return String.join(", ", parts);
        }
    }
}
