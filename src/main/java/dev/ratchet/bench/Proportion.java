package dev.ratchet.bench;

import dev.ratchet.projection.Rate;
import java.util.Locale;

/** A count out of a total with its 95% Wilson score interval, the one {@link Rate} computes for accuracies. */
public record Proportion(long count, long total) {

    public double share() {
        return total == 0 ? Double.NaN : (double) count / total;
    }

    public double low() {
        return bound(-1);
    }

    public double high() {
        return bound(1);
    }

    private double bound(int sign) {
        return total == 0 ? Double.NaN : Rate.wilson(count, total, sign);
    }

    /** "3/250 = 1.2% [0.4%, 3.5%]", or "0/0" when nothing was counted. */
    public String describe() {
        if (total == 0) {
            return "0/0 (none to count)";
        }
        return String.format(
                Locale.ROOT, "%d/%d = %.1f%% [%.1f%%, %.1f%%]", count, total, 100 * share(), 100 * low(), 100 * high());
    }
}
