package dev.ratchet.gate;

/**
 * An e-process for "the mean of bounded observations y in [-2, 2] is at most zero", by betting:
 * wealth {@code K_t = prod (1 + lambda_t * y_t)} with a bet {@code lambda_t} chosen from the past
 * only. Under the null the wealth is a non-negative supermartingale, so by Ville's inequality it
 * ever reaches {@code 1 / alpha} with probability at most alpha: the test may be looked at after
 * every item and stopped at will.
 *
 * <p>Method: testing by betting (Shafer, "Testing by betting", JRSS-A 184(2), 2021) with the
 * approximate growth-rate-adaptive bet aGRAPA of Waudby-Smith and Ramdas, "Estimating means of
 * bounded random variables by betting", JRSS-B 86(1), 2024, section 5.1:
 * {@code lambda_t = mean / (variance + mean^2)} of the past observations, clipped to [0, 0.45] so
 * that every factor stays at least 0.1. On pass/fail items this behaves like a sequential sign
 * test on the discordant pairs, which is far tighter than a confidence interval for the same
 * question.
 */
public final class BettingTest {

    private static final double MAX_BET = 0.45;

    private double logWealth;
    private double maxLogWealth;
    private int n;
    private double sum;
    private double squares;

    /** Adds one observation; returns this. */
    public BettingTest add(double y) {
        if (!(y >= -2 && y <= 2)) {
            throw new IllegalArgumentException("observations lie in [-2, 2]: " + y);
        }
        // mean / (variance + mean^2) is mean / second moment; a prior of 1/4 keeps early bets small.
        double mean = sum / (n + 1);
        double secondMoment = (0.25 + squares) / (n + 1);
        double bet = Math.max(0, Math.min(MAX_BET, mean / secondMoment));
        logWealth += Math.log1p(bet * y);
        maxLogWealth = Math.max(maxLogWealth, logWealth);
        n++;
        sum += y;
        squares += y * y;
        return this;
    }

    /** Whether the wealth has ever reached {@code 1 / alpha}. */
    public boolean rejected(double alpha) {
        return maxLogWealth >= Math.log(1 / alpha);
    }

    /**
     * Whether the wealth now, after the last observation, is at least {@code 1 / alpha}. Stopping the
     * first time this holds at a look is also level alpha (that event is contained in the wealth
     * ever reaching {@code 1 / alpha}), and it is harder to meet than {@link #rejected}: an early
     * run of unlucky observations that the later ones undid no longer counts.
     */
    public boolean rejectedNow(double alpha) {
        return logWealth >= Math.log(1 / alpha);
    }

    /** The largest wealth reached: an e-value against the null (1 means no evidence). */
    public double maxWealth() {
        return Math.exp(maxLogWealth);
    }
}
