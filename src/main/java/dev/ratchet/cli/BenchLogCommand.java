package dev.ratchet.cli;

import dev.ratchet.bench.Figure;
import dev.ratchet.bench.LogBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "log",
        mixinStandardHelpOptions = true,
        description = {
            "Measures event-log appends and replay against raw SQLite.",
            "Appends (one event per transaction, batches of 100 and 1000) and replay (read, decode, fold, verify the chain: what `ratchet status` does) of N ~300-byte events, each against raw SQLite in the same run: inserts of pre-serialized rows into the same schema, and plain reads with JSON decoding. Prints medians over the repetitions and the ratios."
        })
final class BenchLogCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--events",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "Events per batched run and replay (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(
            names = "--single",
            paramLabel = "N",
            defaultValue = "2000",
            description = "Events for the one-per-transaction run, which is fsync-bound (default: ${DEFAULT-VALUE}).")
    int single;

    @Option(
            names = "--repetitions",
            paramLabel = "R",
            defaultValue = "3",
            description = "Repetitions per figure, at least 3 (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(
            names = "--keep",
            paramLabel = "DIR",
            description = "Leave the benchmark's logs in DIR instead of deleting them.")
    Path keep;

    @Option(names = "--json", description = "One JSON object per figure: name, median, unit, baseline_median, ratio.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (events < 1000 || single < 10) {
            throw new UsageException("--events must be >= 1000 and --single >= 10");
        }
        if (repetitions < 3) {
            throw new UsageException("--repetitions must be at least 3 for a median to mean anything");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("ratchet-bench-log");
        try {
            List<Figure> figures = new LogBenchmark(dir, events, single, repetitions, err::println).run();
            Figure.print(figures, json, out);
        } finally {
            if (keep == null) {
                Figure.deleteTree(dir);
            } else {
                err.println("logs kept in " + dir);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
