package dev.ratchet.cli;

import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Tool;
import dev.ratchet.log.event.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ratchet envs sample <env> --seed N}: the prompt and the expected answer. */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description = "Prints an instance's prompt and expected answer; for an environment with tools, also the tool"
                + " calls that solve it and what each returns.")
public final class EnvsSampleCommand implements Callable<Integer> {

    @ParentCommand
    EnvsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV", description = "An environment id, suite task or composite.")
    String id;

    @Option(names = "--seed", required = true, description = "The instance seed.")
    long seed;

    @Option(names = "--difficulty", description = "The difficulty (default: the environment's lowest).")
    Integer difficulty;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Environment environment = parent.resolve(parent.catalog(), id);
        Instance instance = environment.sample(seed, EnvsCommand.difficulty(environment, difficulty));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", instance.envId());
            row.put("instanceId", instance.id());
            row.put("seed", instance.seed());
            row.put("difficulty", instance.difficulty());
            row.put("prompt", instance.prompt());
            row.put("expected", instance.expected());
            if (!environment.tools().isEmpty()) {
                row.put("tools", environment.tools().stream().map(Tool::name).toList());
                row.put("toolCalls", EnvsCommand.planRows(environment, instance));
            }
            out.println(Json.write(row));
        } else {
            out.println("Instance " + instance.id());
            out.println();
            out.println(instance.prompt());
            out.println();
            out.println("Expected:");
            out.println(instance.expected());
            EnvsCommand.printPlan(out, environment, instance);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
