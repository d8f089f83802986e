package dev.ratchet.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;

/** Entry point: builds the command tree and maps failures to the documented exit codes. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /** Runs a command line in-process; tests call this instead of spawning a JVM. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RatchetCommand());
        cli.setUsageHelpWidth(100);
        cli.setExitCodeExceptionMapper(Failures::exitCode);
        cli.setExecutionExceptionHandler(Failures::handle);
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
        return cli;
    }

    /** The version recorded in campaign logs; stable across builds of one release. */
    public static String codeVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    /** Reads the version Maven wrote into the jar manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ratchet " + (v == null ? "(development build)" : v)};
        }
    }
}
