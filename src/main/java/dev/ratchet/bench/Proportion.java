package dev.ratchet.bench;

import java.util.Locale;

/**
 * A count out of a total with its 95% Wilson score interval (Wilson, "Probable inference, the law
 * of succession, and statistical inference", JASA 22(158), 1927), which stays inside [0, 1] and
 * behaves at zero counts, where the normal interval does not.
 */
public record Proportion(long count, long total) {

    private static final double Z = 1.959963984540054;

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
        if (total == 0) {
            return Double.NaN;
        }
        double p = share();
        double z2 = Z * Z;
        double centre = p + z2 / (2 * total);
        double spread = Z * Math.sqrt(p * (1 - p) / total + z2 / (4.0 * total * total));
        return Math.min(1, Math.max(0, (centre + sign * spread) / (1 + z2 / total)));
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
