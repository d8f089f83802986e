package dev.ratchet.cli;

import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Tool;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ratchet envs show <env>}: one environment in full, with an example. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Shows an environment, its tools, and an example instance with the tool calls that solve it.")
public final class EnvsShowCommand implements Callable<Integer> {

    @ParentCommand
    EnvsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV", description = "An environment id, suite task or composite.")
    String id;

    @Override
    public Integer call() {
        Environment e = parent.resolve(parent.catalog(), id);
        Instance example = e.sample(1, e.minDifficulty());
        PrintWriter out = spec.commandLine().getOut();
        out.println("id:          " + e.id());
        out.println("domain:      " + e.domain());
        out.println("types:       " + EnvsCommand.types(e));
        out.println("difficulty:  " + EnvsCommand.range(e));
        out.println("description: " + e.description());
        if (e.baseIds().size() > 1) {
            out.println("steps:       " + String.join(", ", e.baseIds()));
        }
        for (Tool tool : e.tools()) {
            out.println("tool:        " + tool.signature() + " - " + tool.description());
        }
        out.println();
        out.println("Example (seed 1, difficulty " + e.minDifficulty() + "), instance " + example.id() + ":");
        out.println(example.prompt());
        out.println();
        out.println("Expected:");
        out.println(example.expected());
        EnvsCommand.printPlan(out, e, example);
        out.flush();
        return ExitCodes.OK;
    }
}
