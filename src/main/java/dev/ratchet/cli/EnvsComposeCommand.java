package dev.ratchet.cli;

import dev.ratchet.env.Environment;
import dev.ratchet.env.compose.Composer;
import dev.ratchet.env.compose.Operator;
import dev.ratchet.log.event.Json;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ratchet envs compose --depth D}: how many composites there are, or a seeded sample of them. */
@Command(
        name = "compose",
        mixinStandardHelpOptions = true,
        description = {
            "Counts the composites the base environments yield at a depth (default), or draws a seeded sample.",
            "Depth 1 is a base environment; seq has depth 2, sort and select 2 or 3, par up to 4."
        })
public final class EnvsComposeCommand implements Callable<Integer> {

    @ParentCommand
    EnvsCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--depth", required = true, description = "Composition depth (1 = base environments).")
    int depth;

    @Option(names = "--operator", description = "Only this operator: seq, par, sort or select.")
    String operator;

    @Option(names = "--count", description = "Print the counts (the default).")
    boolean count;

    @Option(names = "--sample", paramLabel = "K", description = "Draw K composites instead of counting.")
    Integer sample;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
        if (depth < 1) {
            throw new UsageException("--depth starts at 1 (a base environment), got " + depth);
        }
        if (count && sample != null) {
            throw new UsageException("--count and --sample exclude each other");
        }
        if (sample != null && (sample < 1 || depth < 2 || depth > Composer.MAX_DEPTH)) {
            throw new UsageException("--sample needs K >= 1 and --depth 2 to " + Composer.MAX_DEPTH);
        }
        Operator only = operator == null ? null : parseOperator(operator);
        Composer composer = parent.catalog().composer();
        PrintWriter out = spec.commandLine().getOut();
        if (sample != null) {
            printSample(out, composer.sample(depth, only, sample, seed));
        } else {
            printCounts(out, composer, only);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void printCounts(PrintWriter out, Composer composer, Operator only) {
        if (depth == 1) {
            print(out, "base", composer.total(1));
            return;
        }
        BigInteger total = BigInteger.ZERO;
        for (Map.Entry<Operator, BigInteger> entry : composer.count(depth).entrySet()) {
            if (only == null || only == entry.getKey()) {
                print(out, entry.getKey().label(), entry.getValue());
                total = total.add(entry.getValue());
            }
        }
        if (only == null) {
            print(out, "total", total);
        }
    }

    private void print(PrintWriter out, String name, BigInteger value) {
        if (json) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("depth", depth);
            row.put("operator", name);
            row.put("count", value);
            out.println(Json.write(row));
        } else {
            out.printf(java.util.Locale.ROOT, "depth %d  %-6s %,d%n", depth, name, value);
        }
    }

    private void printSample(PrintWriter out, List<Environment> composites) {
        for (Environment composite : composites) {
            if (json) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", composite.id());
                row.put("input", composite.inputType().label());
                row.put("output", composite.outputType().label());
                row.put("baseIds", composite.baseIds());
                out.println(Json.write(row));
            } else {
                out.println(composite.id() + "  (" + EnvsCommand.types(composite) + ")");
            }
        }
    }

    private static Operator parseOperator(String text) {
        try {
            return Operator.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--operator: " + e.getMessage(), e);
        }
    }
}
