package dev.ratchet.model.simulated;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ways the simulated agent can fail one step of a task, in the order they are tested: the
 * first mode that fails decides what the agent writes. Labels match the failure regimes.
 */
enum FailureMode {
    REFUSAL,
    TRUNCATION,
    FORMAT,
    TOOL_MISUSE,
    STEP_LIMIT,
    WRONG_VALUE;

    /** Modes that need an environment with tools. */
    boolean needsTools() {
        return this == TOOL_MISUSE || this == STEP_LIMIT;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<FailureMode> applicable(boolean tools) {
        return tools ? List.of(values()) : List.of(REFUSAL, TRUNCATION, FORMAT, WRONG_VALUE);
    }

    static Optional<FailureMode> ofLabel(String label) {
        for (FailureMode mode : values()) {
            if (mode.label().equals(label)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** The mode a failure regime reported by the classifier most likely stems from. */
    static Optional<FailureMode> ofRegime(String regime) {
        if ("wrong-step".equals(regime)) {
            return Optional.of(WRONG_VALUE);
        }
        return ofLabel(regime);
    }
}
