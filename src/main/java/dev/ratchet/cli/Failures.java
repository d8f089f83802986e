package dev.ratchet.cli;

import dev.ratchet.log.CorruptLogException;
import dev.ratchet.log.LogException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Maps exceptions that escape a command to a one-line message and a documented exit code. */
final class Failures {

    private Failures() {}

    static int exitCode(Throwable t) {
        // picocli maps its own parse errors (a missing required option) through this mapper too.
        if (t instanceof UsageException
                || t instanceof IllegalArgumentException
                || t instanceof CommandLine.ParameterException) {
            return ExitCodes.BAD_INPUT;
        }
        if (t instanceof CheckFailedException || t instanceof CorruptLogException) {
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.RUNTIME_FAILURE;
    }

    static int handle(Exception e, CommandLine cli, ParseResult parsed) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof LogException
                || e instanceof UncheckedIOException
                || e instanceof IllegalArgumentException
                || e instanceof UsageException
                || e instanceof CheckFailedException
                || e instanceof CorruptLogException) {
            cli.getErr().println("ratchet: " + message);
        } else {
            cli.getErr().println("ratchet: " + e.getClass().getSimpleName() + ": " + message);
        }
        cli.getErr().flush();
        return exitCode(e);
    }
}
