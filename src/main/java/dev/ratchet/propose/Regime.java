package dev.ratchet.propose;

import java.util.Locale;

/** Why an episode failed, as the failure detectors see it. Infrastructure is never the agent's fault. */
public enum Regime {
    INFRASTRUCTURE,
    TRUNCATION,
    REFUSAL,
    TOOL_MISUSE,
    FORMAT,
    WRONG_STEP,
    WRONG_VALUE;

    /** Stable lower-case name used in events and in the proposer's context. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
