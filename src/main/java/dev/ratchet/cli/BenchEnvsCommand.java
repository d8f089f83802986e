package dev.ratchet.cli;

import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.Instance;
import dev.ratchet.env.compose.Composer;
import dev.ratchet.log.event.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ratchet bench envs}: instance generation plus verification throughput, for the built-in
 * base environments and for a seeded sample of depth-2 composites. Each figure is the median of
 * several timed repetitions after one untimed warm-up; timing is measured here only, it decides
 * nothing.
 */
@Command(
        name = "envs",
        mixinStandardHelpOptions = true,
        description = "Measures instance generation + verification throughput (median of repetitions).")
public final class BenchEnvsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--repetitions",
            defaultValue = "5",
            description = "Timed repetitions, at least 3 (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(
            names = "--instances",
            defaultValue = "200000",
            description = "Base instances per repetition (default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(
            names = "--composite-instances",
            defaultValue = "5000",
            description = "Composite instances per repetition (default: ${DEFAULT-VALUE}).")
    int compositeInstances;

    @Option(names = "--json", description = "One JSON object per figure: name, median, unit.")
    boolean json;

    @Override
    public Integer call() {
        if (repetitions < 3 || instances < 1 || compositeInstances < 1) {
            throw new UsageException("--repetitions must be at least 3 and instance counts at least 1");
        }
        EnvironmentCatalog catalog = EnvironmentCatalog.builtIn();
        List<Environment> bases = catalog.bases();
        List<Environment> composites = Composer.over(bases).sample(2, null, 40, 7);
        PrintWriter out = spec.commandLine().getOut();
        report(out, "envs.base.generate-verify", median(() -> run(bases, instances)), instances);
        report(
                out,
                "envs.composite.generate-verify",
                median(() -> run(composites, compositeInstances)),
                compositeInstances);
        out.flush();
        return ExitCodes.OK;
    }

    /** Samples and verifies the reference answer of {@code count} instances; returns elapsed nanoseconds. */
    private static long run(List<Environment> environments, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Environment environment = environments.get(i % environments.size());
            int range = environment.maxDifficulty() - environment.minDifficulty() + 1;
            int difficulty = environment.minDifficulty() + (i / environments.size()) % range;
            Instance instance = environment.sample(i, difficulty);
            if (!environment.verify(instance, instance.expected()).passed()) {
                throw new IllegalStateException("the reference answer of " + instance.id() + " does not verify");
            }
        }
        return System.nanoTime() - start;
    }

    private long median(LongSupplier timed) {
        timed.getAsLong();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            times.add(timed.getAsLong());
        }
        times.sort(Long::compare);
        return times.get(times.size() / 2);
    }

    private void report(PrintWriter out, String name, long medianNanos, int count) {
        double perSecond = count * 1e9 / Math.max(1, medianNanos);
        if (json) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("median", Math.round(perSecond));
            row.put("unit", "instances/s");
            out.println(Json.write(row));
        } else {
            out.printf(
                    Locale.ROOT, "%-32s %,12d instances/s  (median of %d)%n", name, Math.round(perSecond), repetitions);
        }
    }
}
