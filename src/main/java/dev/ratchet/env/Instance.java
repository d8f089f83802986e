package dev.ratchet.env;

import java.util.Objects;

/**
 * One generated task. {@code prompt} is the full task text (including the exact answer format);
 * {@code expected} is the canonical rendering of the reference answer.
 */
public record Instance(String envId, long seed, int difficulty, String prompt, String expected) {

    public Instance {
        Objects.requireNonNull(envId, "envId");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(expected, "expected");
    }

    /** Identity used for split disjointness: two instances are the same task iff their ids match. */
    public String id() {
        return id(envId, seed, difficulty);
    }

    public static String id(String envId, long seed, int difficulty) {
        return envId + "@" + Long.toUnsignedString(seed) + "/d" + difficulty;
    }
}
