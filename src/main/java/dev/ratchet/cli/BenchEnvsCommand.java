package dev.ratchet.cli;

import dev.ratchet.bench.Figure;
import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.Instance;
import dev.ratchet.env.compose.Composer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ratchet bench envs}: instance generation plus verification throughput, for the built-in
 * base environments and for a seeded sample of depth-2 composites, against a baseline of generation
 * alone on the same instances (what verifying the answer text adds). Both are measured in each
 * repetition, alternately, after one untimed warm-up; timing is measured here only, it decides
 * nothing.
 */
@Command(
        name = "envs",
        mixinStandardHelpOptions = true,
        description = {
            "Measures instance generation + verification throughput (median of repetitions),",
            "against generation alone on the same instances, measured in the same run."
        })
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

    @Option(names = "--json", description = "One JSON object per figure: name, median, unit, baseline_median, ratio.")
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
        Figure.print(
                List.of(
                        measure("envs.base.generate-verify", bases, instances),
                        measure("envs.composite.generate-verify", composites, compositeInstances)),
                json,
                out);
        out.flush();
        return ExitCodes.OK;
    }

    private Figure measure(String name, List<Environment> environments, int count) {
        run(environments, count, true);
        run(environments, count, false);
        double[] ours = new double[repetitions];
        double[] baseline = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            ours[i] = count * 1e9 / Math.max(1, run(environments, count, true));
            baseline[i] = count * 1e9 / Math.max(1, run(environments, count, false));
        }
        return new Figure(name, Figure.median(ours), "instances/s", Figure.median(baseline), "generation alone");
    }

    /**
     * Samples {@code count} instances and, when {@code verify}, verifies each reference answer
     * through the parser and verifier; returns elapsed nanoseconds.
     */
    private static long run(List<Environment> environments, int count, boolean verify) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Environment environment = environments.get(i % environments.size());
            int range = environment.maxDifficulty() - environment.minDifficulty() + 1;
            int difficulty = environment.minDifficulty() + (i / environments.size()) % range;
            Instance instance = environment.sample(i, difficulty);
            if (verify && !environment.verify(instance, instance.expected()).passed()) {
                throw new IllegalStateException("the reference answer of " + instance.id() + " does not verify");
            }
        }
        return System.nanoTime() - start;
    }
}
