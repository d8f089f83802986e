package dev.ratchet.env;

/** What a verifier can say about an answer. Harness-level regimes (infrastructure, truncation,
 * refusal, tool misuse) are added by the failure detectors, not by verifiers. */
public enum FailureKind {
    NONE,
    /** The answer could not be parsed in the stated format. */
    FORMAT,
    /** Parsed, but the value is wrong. */
    WRONG_VALUE,
    /** A composite's answer is wrong at a named step. */
    WRONG_STEP;

    /** Stable lower-case name used in events and output. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
