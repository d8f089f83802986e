package dev.ratchet.report;

import java.util.Locale;

/** How numbers read in every view: the same rounding in the terminal and in the HTML report. */
public final class Figures {

    private Figures() {}

    /** 0.6125 as "61.3%"; null as "-". */
    public static String percent(Double fraction) {
        return fraction == null ? "-" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** A change in accuracy in percentage points: "+2.5 pts"; null as "-". */
    public static String points(Double delta) {
        return delta == null ? "-" : String.format(Locale.ROOT, "%+.1f pts", delta * 100);
    }

    /** "+4.2 pts [+1.0, +7.5] n=480": a gate estimate with its 95% interval and item count. */
    public static String gain(dev.ratchet.log.event.GateDecided.Gain g) {
        return String.format(
                java.util.Locale.ROOT,
                "%+.1f pts [%+.1f, %+.1f] n=%d",
                100 * g.mean(),
                100 * g.low(),
                100 * g.high(),
                g.items());
    }

    public static String signed(int n) {
        return n > 0 ? "+" + n : String.valueOf(n);
    }

    /** Dollars with enough digits that cheap calls do not round to zero. */
    public static String usd(double amount) {
        if (amount == 0) {
            return "$0";
        }
        return String.format(Locale.ROOT, amount < 0.1 ? "$%.4f" : amount < 100 ? "$%.2f" : "$%.0f", amount);
    }

    /** 1234 as "1.2k", 2_500_000 as "2.5M". */
    public static String count(long n) {
        if (n < 1000) {
            return String.valueOf(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }

    /** Milliseconds as "850 ms", "12.3 s", "4 min 05 s" or "2 h 07 min". */
    public static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }

    /** A p-value to three significant places, small ones in scientific notation. */
    public static String pValue(Double p) {
        if (p == null) {
            return "-";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    /** The first 12 characters of a version hash: enough to tell versions apart in a table. */
    public static String shortVersion(String version) {
        return version == null ? "-" : version.length() <= 12 ? version : version.substring(0, 12);
    }
}
