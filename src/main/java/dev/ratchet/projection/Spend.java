package dev.ratchet.projection;

import dev.ratchet.log.event.ModelCallRecorded;

/**
 * What model calls cost: how many (and how many failed after every attempt), tokens in and out,
 * dollars, and the sum of their latencies (model time, not wall time: calls may overlap).
 */
public record Spend(
        long calls, long failedCalls, long inputTokens, long outputTokens, double costUsd, long latencyMillis) {

    public static final Spend NONE = new Spend(0, 0, 0, 0, 0.0, 0);

    public Spend {
        if (calls < 0 || failedCalls < 0 || inputTokens < 0 || outputTokens < 0 || latencyMillis < 0) {
            throw new IllegalArgumentException("negative spend");
        }
    }

    public static Spend of(ModelCallRecorded call) {
        return new Spend(
                1,
                call.response() == null ? 1 : 0,
                call.usage().inputTokens(),
                call.usage().outputTokens(),
                call.costUsd(),
                call.latencyMillis());
    }

    public Spend plus(Spend other) {
        return new Spend(
                calls + other.calls,
                failedCalls + other.failedCalls,
                inputTokens + other.inputTokens,
                outputTokens + other.outputTokens,
                costUsd + other.costUsd,
                latencyMillis + other.latencyMillis);
    }

    public Spend plus(ModelCallRecorded call) {
        return plus(of(call));
    }

    public long tokens() {
        return inputTokens + outputTokens;
    }
}
