package dev.ratchet.agent;

import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.ModelCallRecorded;

/**
 * What a campaign has spent so far, accumulated from its {@link ModelCallRecorded} events: calls
 * (a failed call counts, its attempts reached the provider), tokens in and out, and cost in USD.
 */
public record Spend(long calls, long inputTokens, long outputTokens, double costUsd) {

    public static final Spend ZERO = new Spend(0, 0, 0, 0);

    public Spend {
        if (calls < 0 || inputTokens < 0 || outputTokens < 0 || !(costUsd >= 0)) {
            throw new IllegalArgumentException("spend cannot be negative: " + calls + " calls, " + inputTokens + "/"
                    + outputTokens + " tokens, " + costUsd + " USD");
        }
    }

    public long tokens() {
        return inputTokens + outputTokens;
    }

    public Spend plus(ModelCallRecorded call) {
        return new Spend(
                calls + 1,
                inputTokens + call.usage().inputTokens(),
                outputTokens + call.usage().outputTokens(),
                costUsd + call.costUsd());
    }

    public Spend plus(Spend other) {
        return new Spend(
                calls + other.calls,
                inputTokens + other.inputTokens,
                outputTokens + other.outputTokens,
                costUsd + other.costUsd);
    }

    /** Folds the model calls among {@code events} into this spend; other events cost nothing. */
    public Spend plusAll(Iterable<? extends Event> events) {
        Spend total = this;
        for (Event event : events) {
            if (event instanceof ModelCallRecorded call) {
                total = total.plus(call);
            }
        }
        return total;
    }
}
