package dev.ratchet.env;

import java.util.Objects;

/**
 * A verifier's verdict. A failure is a value, not an exception: {@code kind} says why, and for
 * composites {@code failedStep} names the first sub-task (0-based) whose answer was wrong.
 */
public record Outcome(boolean passed, FailureKind kind, Integer failedStep, String detail) {

    public Outcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (passed != (kind == FailureKind.NONE)) {
            throw new IllegalArgumentException("passed must agree with kind: " + passed + "/" + kind);
        }
    }

    public static Outcome pass() {
        return new Outcome(true, FailureKind.NONE, null, "");
    }

    public static Outcome format(String detail) {
        return new Outcome(false, FailureKind.FORMAT, null, detail);
    }

    public static Outcome wrongValue(String detail) {
        return new Outcome(false, FailureKind.WRONG_VALUE, null, detail);
    }

    public static Outcome wrongStep(int step, String detail) {
        return new Outcome(false, FailureKind.WRONG_STEP, step, detail);
    }
}
