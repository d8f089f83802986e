package dev.ratchet.cli;

import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.Tool;
import dev.ratchet.log.event.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ratchet envs list}: every base environment and suite task. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists environments: id, domain, types, difficulty, and the tools an environment offers.")
public final class EnvsListCommand implements Callable<Integer> {

    @ParentCommand
    EnvsCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per environment and line.")
    boolean json;

    @Override
    public Integer call() {
        EnvironmentCatalog catalog = parent.catalog();
        List<Environment> all = new ArrayList<>(catalog.bases());
        all.addAll(catalog.suiteTasks());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            all.forEach(environment -> out.println(Json.write(row(environment))));
        } else {
            out.printf("%-28s %-14s %-26s %-10s %s%n", "ID", "DOMAIN", "TYPES", "DIFFICULTY", "DESCRIPTION");
            for (Environment e : all) {
                out.printf(
                        "%-28s %-14s %-26s %-10s %s%n",
                        e.id(), e.domain(), EnvsCommand.types(e), EnvsCommand.range(e), e.description() + toolNote(e));
            }
            out.printf(
                    "%d base environments, %d suite tasks%n",
                    catalog.bases().size(), catalog.suiteTasks().size());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String toolNote(Environment e) {
        return e.tools().isEmpty()
                ? ""
                : " [tools: "
                        + String.join(", ", e.tools().stream().map(Tool::name).toList()) + "]";
    }

    private static Map<String, Object> row(Environment e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", e.id());
        row.put("domain", e.domain());
        row.put("input", e.inputType().label());
        row.put("output", e.outputType().label());
        row.put("minDifficulty", e.minDifficulty());
        row.put("maxDifficulty", e.maxDifficulty());
        row.put("description", e.description());
        row.put("tools", e.tools().stream().map(Tool::name).toList());
        return row;
    }
}
