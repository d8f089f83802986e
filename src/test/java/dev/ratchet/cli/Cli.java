package dev.ratchet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures what a user would see. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        return run(Host.system(), args);
    }

    /** Runs with these environment variables and this clock instead of the process's. */
    public static Cli run(Host host, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), host);
        return new Cli(code, out.toString(), err.toString());
    }

    public String all() {
        return out + err;
    }
}
