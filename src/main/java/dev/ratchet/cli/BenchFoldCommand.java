package dev.ratchet.cli;

import dev.ratchet.bench.Figure;
import dev.ratchet.bench.FoldBenchmark;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "fold",
        mixinStandardHelpOptions = true,
        description = {
            "Measures folding a campaign's events into the loop's state, per event, as the campaign grows.",
            "Builds one synthetic campaign of N events shaped like a real one (batches, proposals, thousands of gate episodes with their model calls, decisions, promotions) and folds its first N/100, N/10 and N events. Prints the median time per event of each and its ratio to the shortest: a linear fold stays near 1."
        })
final class BenchFoldCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--events",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "Events in the longest fold (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(
            names = "--repetitions",
            paramLabel = "R",
            defaultValue = "5",
            description = "Repetitions per size, at least 3 (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--json", description = "One JSON object per figure: name, median, unit, baseline_median, ratio.")
    boolean json;

    @Override
    public Integer call() {
        if (events < 100) {
            throw new UsageException("--events must be >= 100");
        }
        if (repetitions < 3) {
            throw new UsageException("--repetitions must be at least 3 for a median to mean anything");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Figure.print(new FoldBenchmark(events, repetitions, err::println).run(), json, out);
        out.flush();
        return ExitCodes.OK;
    }
}
