package dev.ratchet.torture;

/**
 * Trials per round of each check. CI runs one quick round; {@code ratchet torture} runs rounds of
 * the larger counts, each with its own seed, until its minutes are spent.
 */
public record Counts(int kills, int walTails, int tampers, int malformed, int canaries, int hostile, int faultSeeds) {

    /**
     * What CI runs, sized to add about a minute to the build on two cores: a kill costs a child JVM
     * and a resume, a tamper two verifies and a status; {@code ratchet torture} runs the larger counts.
     */
    public static Counts quick() {
        return new Counts(10, 100, 240, 300, 3, 60, 2);
    }

    /** One round of {@code ratchet torture}: a few minutes on two cores. */
    public static Counts round() {
        return new Counts(40, 300, 2000, 2000, 3, 200, 6);
    }
}
