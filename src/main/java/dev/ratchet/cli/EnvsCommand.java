package dev.ratchet.cli;

import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.Instance;
import dev.ratchet.env.ToolCall;
import dev.ratchet.env.ToolPlan;
import dev.ratchet.env.suite.Suite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ratchet envs}: the environment catalogue, by hand. */
@Command(
        name = "envs",
        mixinStandardHelpOptions = true,
        description = {
            "Lists, shows, samples and checks environments and their verifiers.",
            "Covers built-in bases, plugin environments (jars in the plugins folder), suite tasks (eval/<suite>.jsonl, addressed as <suite>/<task-id>) and composites such as seq(arith.add,nt.is-prime)."
        },
        subcommands = {
            EnvsListCommand.class,
            EnvsShowCommand.class,
            EnvsSampleCommand.class,
            EnvsCheckCommand.class,
            EnvsComposeCommand.class,
            EnvsValidateCommand.class
        })
public final class EnvsCommand {

    @Option(
            names = "--eval-dir",
            defaultValue = "eval",
            description = "Folder of suite files <suite>.jsonl (default: ${DEFAULT-VALUE}; skipped if absent).")
    Path evalDir;

    @Option(
            names = "--plugins",
            defaultValue = "plugins",
            description = "Folder of plugin jars (default: ${DEFAULT-VALUE}; skipped if absent).")
    Path pluginDir;

    /** The catalogue with the suites and plugins found; a bad suite or plugin is bad input. */
    EnvironmentCatalog catalog() {
        try {
            return EnvironmentCatalog.builtIn().withPlugins(pluginDir).withSuites(Suite.loadAll(evalDir));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    Environment resolve(EnvironmentCatalog catalog, String id) {
        try {
            return catalog.resolve(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The difficulty to use: the given one, checked, or the environment's lowest. */
    static int difficulty(Environment environment, Integer requested) {
        if (requested == null) {
            return environment.minDifficulty();
        }
        if (requested < environment.minDifficulty() || requested > environment.maxDifficulty()) {
            throw new UsageException("--difficulty " + requested + " is outside " + environment.id() + "'s range "
                    + environment.minDifficulty() + ".." + environment.maxDifficulty());
        }
        return requested;
    }

    static String types(Environment environment) {
        return environment.inputType().label() + " -> "
                + environment.outputType().label();
    }

    static String range(Environment environment) {
        return environment.minDifficulty() == environment.maxDifficulty()
                ? Integer.toString(environment.minDifficulty())
                : environment.minDifficulty() + "-" + environment.maxDifficulty();
    }

    /** The tool calls that solve {@code instance}, round by round, each with what it returns. */
    static void printPlan(PrintWriter out, Environment environment, Instance instance) {
        ToolPlan plan = environment.toolPlan(instance);
        if (plan.isEmpty()) {
            return;
        }
        out.println();
        out.println("Tool calls that solve it (calls in one round do not depend on each other):");
        for (int r = 0; r < plan.rounds().size(); r++) {
            for (ToolCall call : plan.rounds().get(r)) {
                out.println("  round " + (r + 1) + ": " + call);
                call.run(environment.tools()).lines().forEach(line -> out.println("    -> " + line));
            }
        }
    }

    /** The same, as rows for JSON output. */
    static List<Map<String, Object>> planRows(Environment environment, Instance instance) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<List<ToolCall>> rounds = environment.toolPlan(instance).rounds();
        for (int r = 0; r < rounds.size(); r++) {
            for (ToolCall call : rounds.get(r)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("round", r + 1);
                row.put("tool", call.tool());
                row.put("arguments", call.arguments());
                row.put("result", call.run(environment.tools()));
                rows.add(row);
            }
        }
        return rows;
    }
}
