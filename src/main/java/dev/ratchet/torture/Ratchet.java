package dev.ratchet.torture;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The command line as a check drives it, in this process: the CLI implements it, so the checks
 * exercise exactly what a user runs without depending on the command classes.
 */
@FunctionalInterface
public interface Ratchet {

    /** What one command printed and returned, and how long it took. */
    record Outcome(int exitCode, String out, String err, Duration took) {

        public String all() {
            return out + err;
        }

        /** Whether what it printed looks like an escaped exception rather than a message. */
        public boolean stackTrace() {
            String all = all();
            return all.contains("\tat ") || all.contains("Exception:") || all.contains("Exception\n");
        }
    }

    /** Runs {@code args} with only {@code env} as environment variables and the system clock. */
    Outcome run(Map<String, String> env, List<String> args);

    default Outcome run(String... args) {
        return run(Map.of(), List.of(args));
    }
}
