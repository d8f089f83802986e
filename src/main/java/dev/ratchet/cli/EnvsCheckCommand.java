package dev.ratchet.cli;

import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Outcome;
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

/** {@code ratchet envs check <env> --seed N --answer TEXT}: the verifier, by hand. Exit 1 when it fails. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Verifies an answer to an instance; prints the outcome and failure kind (exit 1 if it fails).")
public final class EnvsCheckCommand implements Callable<Integer> {

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

    @Option(
            names = "--answer",
            required = true,
            description = "The reply to check, as a model would write it (e.g. 'Answer: 42').")
    String answer;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Environment environment = parent.resolve(parent.catalog(), id);
        Instance instance = environment.sample(seed, EnvsCommand.difficulty(environment, difficulty));
        Outcome outcome = environment.verify(instance, answer);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("instanceId", instance.id());
            row.put("passed", outcome.passed());
            row.put("failureKind", outcome.kind().label());
            row.put("failedStep", outcome.failedStep());
            row.put("detail", outcome.detail());
            out.println(Json.write(row));
        } else if (outcome.passed()) {
            out.println("pass: " + instance.id());
        } else {
            out.println("fail: " + outcome.kind().label()
                    + (outcome.failedStep() == null ? "" : " at step " + (outcome.failedStep() + 1))
                    + ": " + outcome.detail());
        }
        out.flush();
        return outcome.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
