package dev.ratchet.torture;

/**
 * Trials per round of each check. CI runs one quick round; {@code ratchet torture} runs rounds of
 * the larger counts, each with its own seed, until its minutes are spent.
 */
public record Counts(int kills, int walTails, int tampers, int malformed, int canaries, int hostile, int faultSeeds) {

    /**
     * What CI runs: the floors for tampers (1,000), malformed inputs (1,000), WAL tails (100),
     * hostile proposals (50) and fault seeds (5); kills stay at 10, each a child JVM and a resume, to
     * keep the build's time. {@code ratchet torture} runs the larger counts.
     */
    public static Counts quick() {
        return new Counts(10, 100, 1000, 1000, 3, 60, 5);
    }

    /** One round of {@code ratchet torture}: a few minutes on two cores. */
    public static Counts round() {
        return new Counts(40, 300, 2000, 2000, 3, 200, 6);
    }
}
