package dev.ratchet.env;

import java.util.Optional;

/**
 * An environment whose task can be applied to a value that comes from elsewhere, so that it can be
 * a step of a SEQUENTIAL, SORT or SELECT composite. Built-in environments and those made with
 * {@code BaseEnvironment.builder} are composable.
 */
public interface Composable extends Environment {

    /** The input {@link #sample} would use for this seed and difficulty. */
    Value input(long seed, int difficulty);

    /**
     * This environment's task applied to {@code input}, with parameters drawn from the seed; empty
     * when the input is outside the task's domain (a negative number for a prime test, a table
     * without a numeric column).
     */
    Optional<Step> apply(Value input, long seed, int difficulty);
}
