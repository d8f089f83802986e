package dev.ratchet.gate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The exact one-sided sign test (McNemar's exact test) on discordant pairs: under the null
 * hypothesis that the candidate is no better than the baseline, each discordant item is equally
 * likely to go either way, so p = P(X ≥ improvements) for X ~ Binomial(improvements + worsenings, ½).
 */
public final class SignTest {

    private SignTest() {}

    public static double pValue(int improvements, int worsenings) {
        if (improvements < 0 || worsenings < 0) {
            throw new IllegalArgumentException("counts must be non-negative");
        }
        int n = improvements + worsenings;
        if (n == 0) {
            return 1.0;
        }
        BigInteger tail = BigInteger.ZERO;
        BigInteger choose = BigInteger.ONE;
        for (int i = 0; i <= n; i++) {
            if (i >= improvements) {
                tail = tail.add(choose);
            }
            choose = choose.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1L));
        }
        return new BigDecimal(tail)
                .divide(new BigDecimal(BigInteger.ONE.shiftLeft(n)), MathContext.DECIMAL64)
                .doubleValue();
    }
}
