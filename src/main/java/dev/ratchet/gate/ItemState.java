package dev.ratchet.gate;

import java.util.List;
import java.util.Locale;

/** One item under one library version, from its samples: pass, fail, flaky (samples disagree) or infra. */
public enum ItemState {
    PASS,
    FAIL,
    FLAKY,
    INFRA;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the state says something about the agent (flaky and infra items count nowhere). */
    public boolean definite() {
        return this == PASS || this == FAIL;
    }

    /**
     * The state from sampled outcomes (pass, fail, infra). Infra samples are the provider's fault and
     * are dropped; none left is infra; the rest disagreeing is flaky.
     */
    public static ItemState of(List<String> samples) {
        List<String> agent = samples.stream().filter(s -> !"infra".equals(s)).toList();
        if (agent.isEmpty()) {
            return INFRA;
        }
        boolean allPass = agent.stream().allMatch("pass"::equals);
        boolean allFail = agent.stream().noneMatch("pass"::equals);
        return allPass ? PASS : allFail ? FAIL : FLAKY;
    }
}
