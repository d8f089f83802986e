package dev.ratchet.env;

import java.util.List;

/**
 * A verifiable task family: seeded instances whose answers are checked exactly.
 *
 * <p>Implementations are pure: the same {@code (seed, difficulty)} yields a byte-identical {@link
 * Instance} on every machine, and {@link #verify} depends only on its arguments.
 */
public interface Environment {

    /** Printable id; composite ids are accepted wherever a base id is. */
    String id();

    String domain();

    ValueType inputType();

    ValueType outputType();

    int minDifficulty();

    int maxDifficulty();

    /** One-line description of the task family, shown by {@code envs list/show}. */
    String description();

    Instance sample(long seed, int difficulty);

    Outcome verify(Instance instance, String answerText);

    /**
     * A realistic wrong answer for the instance: it parses, but never verifies. Used by property
     * tests and by the simulated world, which answers in real text.
     */
    String wrongAnswer(Instance instance, long seed);

    /**
     * Tools the agent may call during an episode; most environments offer none. Tools are pure
     * functions of their arguments: the state a task hides from its prompt (a store's values, a
     * calendar's holidays) is looked up by a name the prompt gives.
     */
    default List<Tool> tools() {
        return List.of();
    }

    /** The tool calls that solve {@code instance}; none for an environment without tools. */
    default ToolPlan toolPlan(Instance instance) {
        return ToolPlan.NONE;
    }

    /**
     * The base environments this one is made of, in step order; a base environment is its own
     * single step. A composite's {@link Outcome#failedStep()} indexes this list.
     */
    default List<String> baseIds() {
        return List.of(id());
    }

    /**
     * False for a fixed task (a suite line): it has one instance whatever the seed, so splits deal
     * it to one split instead of drawing instances from it.
     */
    default boolean generated() {
        return true;
    }
}
