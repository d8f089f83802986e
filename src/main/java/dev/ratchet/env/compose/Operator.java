package dev.ratchet.env.compose;

import java.util.Locale;

/** The four ways to combine environments, with the number of children each takes. */
public enum Operator {
    /** A chain: each step consumes the previous step's result. */
    SEQUENTIAL("seq", 2, 5),
    /** Independent sub-tasks in one prompt; all answers are required. */
    PARALLEL("par", 2, 3),
    /** The steps of a chain are shown shuffled; the agent gives their order. */
    SORT("sort", 2, 5),
    /** The steps of a chain are shown among distractors; the agent picks and orders them. */
    SELECT("select", 2, 4);

    private final String label;
    private final int minChildren;
    private final int maxChildren;

    Operator(String label, int minChildren, int maxChildren) {
        this.label = label;
        this.minChildren = minChildren;
        this.maxChildren = maxChildren;
    }

    /** The name used in composite ids, e.g. {@code seq}. */
    public String label() {
        return label;
    }

    public int minChildren() {
        return minChildren;
    }

    public int maxChildren() {
        return maxChildren;
    }

    /** Accepts the label ({@code seq}) or the full name ({@code sequential}), in any case. */
    public static Operator parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Operator operator : values()) {
            if (operator.label.equals(wanted)
                    || operator.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return operator;
            }
        }
        throw new IllegalArgumentException(
                "unknown operator '" + text + "': expected seq, par, sort or select (or sequential, parallel)");
    }
}
