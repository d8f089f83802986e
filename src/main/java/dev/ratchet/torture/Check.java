package dev.ratchet.torture;

/** One kind of abuse, tried {@code counts}-many times per round with the round's seed. */
public interface Check {

    /** A short name for {@code --check}. */
    String id();

    /** The row's name in the table: what is abused. */
    String name();

    /** Runs one round of trials, each recorded in {@code tally}; a broken harness throws. */
    void run(Round round, Tally tally) throws Exception;
}
