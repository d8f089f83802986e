package dev.ratchet.agent;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign's limits on model calls, tokens, cost (USD) and wall time. Pure: the caller passes
 * what was spent and how long it has run, and gets back the stable label of the first limit
 * reached, which the stop event records.
 */
public record Budget(long maxCalls, long maxTokens, double maxCostUsd, Duration maxWallTime) {

    public static final String CALLS = "budget-calls";
    public static final String TOKENS = "budget-tokens";
    public static final String COST = "budget-cost";
    public static final String WALL_TIME = "budget-wall-time";

    private static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

    public Budget {
        Objects.requireNonNull(maxWallTime, "maxWallTime");
        if (maxCalls < 0 || maxTokens < 0 || !(maxCostUsd >= 0) || maxWallTime.isNegative()) {
            throw new IllegalArgumentException("budget limits must not be negative: " + maxCalls + " calls, "
                    + maxTokens + " tokens, " + maxCostUsd + " USD, " + maxWallTime);
        }
    }

    public static Budget unlimited() {
        return new Budget(Long.MAX_VALUE, Long.MAX_VALUE, Double.POSITIVE_INFINITY, FOREVER);
    }

    public Budget withMaxCalls(long limit) {
        return new Budget(limit, maxTokens, maxCostUsd, maxWallTime);
    }

    public Budget withMaxTokens(long limit) {
        return new Budget(maxCalls, limit, maxCostUsd, maxWallTime);
    }

    public Budget withMaxCostUsd(double limit) {
        return new Budget(maxCalls, maxTokens, limit, maxWallTime);
    }

    public Budget withMaxWallTime(Duration limit) {
        return new Budget(maxCalls, maxTokens, maxCostUsd, limit);
    }

    /**
     * The first limit that {@code spend} or {@code elapsed} has reached, in the order calls,
     * tokens, cost, wall time; empty while another model call may still start.
     */
    public Optional<String> exceeded(Spend spend, Duration elapsed) {
        if (spend.calls() >= maxCalls) {
            return Optional.of(CALLS);
        }
        if (spend.tokens() >= maxTokens) {
            return Optional.of(TOKENS);
        }
        if (spend.costUsd() >= maxCostUsd) {
            return Optional.of(COST);
        }
        if (elapsed.compareTo(maxWallTime) >= 0) {
            return Optional.of(WALL_TIME);
        }
        return Optional.empty();
    }

    /**
     * What a stop event says about the limit {@code label}: what was spent and by how much that is
     * under, over or exactly the limit, since a budget is a promise about money.
     */
    public String describe(String label, Spend spent, Duration elapsed) {
        return switch (label) {
            case CALLS -> spent.calls() + " model calls, " + gap(spent.calls(), maxCalls, "") + " the budget of "
                    + maxCalls;
            case TOKENS -> spent.tokens() + " tokens, " + gap(spent.tokens(), maxTokens, "") + " the budget of "
                    + maxTokens;
            case COST -> String.format(Locale.ROOT, "USD %.4f, ", spent.costUsd())
                    + costGap(spent.costUsd(), maxCostUsd)
                    + String.format(Locale.ROOT, " the budget of USD %.4f", maxCostUsd);
            case WALL_TIME -> "ran " + elapsed.toSeconds() + " s, "
                    + gap(elapsed.toSeconds(), maxWallTime.toSeconds(), " s")
                    + " the wall-time budget of "
                    + maxWallTime.toSeconds() + " s";
            default -> throw new IllegalArgumentException("no budget named " + label);
        };
    }

    private static String gap(long spent, long limit, String unit) {
        if (spent == limit) {
            return "exactly";
        }
        return spent < limit ? (limit - spent) + unit + " under" : (spent - limit) + unit + " over";
    }

    private static String costGap(double spent, double limit) {
        double d = spent - limit;
        if (Math.abs(d) < 0.00005) {
            return "exactly";
        }
        return String.format(Locale.ROOT, "USD %.4f %s", Math.abs(d), d < 0 ? "under" : "over");
    }
}
