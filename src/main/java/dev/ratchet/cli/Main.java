package dev.ratchet.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;

/** Entry point: builds the command tree and maps failures to the documented exit codes. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // The platform charset, as System.out itself uses on Java 17: output bytes stay as they were.
        Charset charset = Charset.defaultCharset();
        int code = run(args, new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset));
        System.exit(code);
    }

    /** Runs a command line in-process; tests call this instead of spawning a JVM. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, Host.system());
    }

    /** Runs a command line in-process with the given environment variables and clock. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Host host) {
        CommandLine cli = commandLine(host);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    public static CommandLine commandLine() {
        return commandLine(Host.system());
    }

    public static CommandLine commandLine(Host host) {
        CommandLine cli = new CommandLine(new RatchetCommand(), new HostFactory(host));
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

    /**
     * Hands the host to the commands that read keys or time (the audit commands through their shared
     * mixin); every other command is built as usual.
     */
    private record HostFactory(Host host) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RunCommand.class) {
                return type.cast(new RunCommand(host));
            }
            if (type == EvalCommand.class) {
                return type.cast(new EvalCommand(host));
            }
            if (type == AuditCampaign.class) {
                return type.cast(new AuditCampaign(host));
            }
            if (type == ModelsCommand.class) {
                return type.cast(new ModelsCommand(host.env(), java.util.Map.of()));
            }
            return CommandLine.defaultFactory().create(type);
        }
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
