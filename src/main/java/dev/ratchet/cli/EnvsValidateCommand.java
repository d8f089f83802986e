package dev.ratchet.cli;

import dev.ratchet.env.suite.Suite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratchet envs validate FILE}: checks a suite file; exit 2 naming the line and field. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Checks a suite file (exit 2 naming line and field).")
public final class EnvsValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A suite file, <suite>.jsonl.")
    Path file;

    @Override
    public Integer call() {
        Suite suite;
        try {
            suite = Suite.load(file);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("ok: " + file + ": suite '" + suite.name() + "' with "
                + suite.tasks().size() + " tasks");
        out.flush();
        return ExitCodes.OK;
    }
}
