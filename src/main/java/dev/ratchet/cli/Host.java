package dev.ratchet.cli;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What commands read from the machine they run on: environment variables (API keys among them) and
 * the clock. Production passes the real ones; tests pass a map of canary keys and a fixed clock, so
 * that what a command does with a key, or with time, can be checked without touching the process.
 */
public record Host(Function<String, String> env, Clock clock) {

    public Host {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(clock, "clock");
    }

    public static Host system() {
        return new Host(System::getenv, Clock.systemUTC());
    }

    /** Only the variables in {@code variables}; nothing from the real environment. */
    public static Host of(Map<String, String> variables, Clock clock) {
        Map<String, String> copy = Map.copyOf(variables);
        return new Host(copy::get, clock);
    }
}
