package dev.ratchet.projection;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Passes out of scored attempts; infrastructure failures are not attempts by the agent and are left
 * out. Every accuracy a person reads carries its count and its 95% Wilson score interval (Wilson,
 * "Probable inference, the law of succession, and statistical inference", JASA 22(158), 1927), which
 * stays inside [0, 1] and behaves at 0 and n passes, where the normal interval does not.
 */
public record Rate(int passed, int total) {

    public static final Rate NONE = new Rate(0, 0);

    private static final double Z = 1.959963984540054;

    public Rate {
        if (passed < 0 || total < passed) {
            throw new IllegalArgumentException("bad rate " + passed + "/" + total);
        }
    }

    /** Null when nothing was scored, so that charts show a gap rather than a false zero. */
    @JsonProperty("accuracy")
    public Double accuracy() {
        return total == 0 ? null : (double) passed / total;
    }

    /** The lower end of the 95% Wilson interval; null when nothing was scored. */
    @JsonProperty("low")
    public Double low() {
        return total == 0 ? null : wilson(passed, total, -1);
    }

    /** The upper end of the 95% Wilson interval; null when nothing was scored. */
    @JsonProperty("high")
    public Double high() {
        return total == 0 ? null : wilson(passed, total, 1);
    }

    public Rate plus(boolean pass) {
        return new Rate(passed + (pass ? 1 : 0), total + 1);
    }

    /** "69/120 = 57.5% [48.6, 66.0]" (percent, 95% interval); "0/0" when nothing was scored. */
    public String describe() {
        if (total == 0) {
            return "0/0";
        }
        return String.format(
                Locale.ROOT, "%d/%d = %.1f%% [%.1f, %.1f]", passed, total, 100 * accuracy(), 100 * low(), 100 * high());
    }

    /** One end ({@code sign} -1 or +1) of the 95% Wilson score interval of {@code count} out of {@code total > 0}. */
    public static double wilson(long count, long total, int sign) {
        double p = (double) count / total;
        double z2 = Z * Z;
        double centre = p + z2 / (2 * total);
        double spread = Z * Math.sqrt(p * (1 - p) / total + z2 / (4.0 * total * total));
        return Math.min(1, Math.max(0, (centre + sign * spread) / (1 + z2 / total)));
    }
}
