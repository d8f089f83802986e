package dev.ratchet.env;

/**
 * Why an episode failed, as recorded in its score. Verifiers say the first four; the tool loop adds
 * the three kinds of tool misuse. Infrastructure, truncation and refusal are regimes the failure
 * detectors find, not kinds.
 */
public enum FailureKind {
    NONE,
    /** The answer could not be parsed in the stated format. */
    FORMAT,
    /** Parsed, but the value is wrong. */
    WRONG_VALUE,
    /** A composite's answer is wrong at a named step. */
    WRONG_STEP,
    /** The agent called a tool the environment does not offer. */
    UNKNOWN_TOOL,
    /** The agent called a tool with arguments that do not fit its declaration. */
    BAD_ARGUMENTS,
    /** The agent kept calling tools and gave no answer within the step limit. */
    STEP_LIMIT;

    /** Stable lower-case name used in events and output. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
