package dev.ratchet.model.simulated;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * Every random number the simulator uses, derived by hashing the world seed with names, so that a
 * draw depends only on what it is about and never on call order, threads or the clock. Uses
 * {@link StrictMath} so that the same draw gives the same bits on every JVM.
 */
final class Draws {

    private static final double TWO_POW_53 = 0x1p53;

    private Draws() {}

    /** 64 bits of SHA-256 over the seed and a length-prefixed encoding of {@code parts}. */
    static long seed(long worldSeed, String... parts) {
        MessageDigest sha = sha256();
        for (int i = 7; i >= 0; i--) {
            sha.update((byte) (worldSeed >>> (8 * i)));
        }
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update(new byte[] {
                (byte) (bytes.length >>> 24),
                (byte) (bytes.length >>> 16),
                (byte) (bytes.length >>> 8),
                (byte) bytes.length
            });
            sha.update(bytes);
        }
        byte[] digest = sha.digest();
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return value;
    }

    static SplittableRandom random(long worldSeed, String... parts) {
        return new SplittableRandom(seed(worldSeed, parts));
    }

    /** Uniform in the open interval (0, 1). */
    static double uniform(long worldSeed, String... parts) {
        return ((seed(worldSeed, parts) >>> 11) + 0.5) / TWO_POW_53;
    }

    /** Standard normal. */
    static double normal(long worldSeed, String... parts) {
        return inverseNormal(uniform(worldSeed, parts));
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }

    static double logit(double p) {
        double clamped = Math.min(1 - 1e-12, Math.max(1e-12, p));
        return StrictMath.log(clamped / (1 - clamped));
    }

    /** Standard normal CDF through erfc (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
    static double normalCdf(double z) {
        double x = -z / StrictMath.sqrt(2.0);
        double t = 1.0 / (1.0 + 0.5 * Math.abs(x));
        double erfc = t * StrictMath.exp(-x * x + horner(ERFC, t));
        return 0.5 * (x >= 0 ? erfc : 2.0 - erfc);
    }

    /** Inverse standard normal CDF (Acklam's rational approximation, relative error below 1.2e-9). */
    static double inverseNormal(double p) {
        if (p < TAIL) {
            double q = StrictMath.sqrt(-2 * StrictMath.log(p));
            return horner(TAIL_NUM, q) / horner(TAIL_DEN, q);
        }
        if (p > 1 - TAIL) {
            double q = StrictMath.sqrt(-2 * StrictMath.log(1 - p));
            return -horner(TAIL_NUM, q) / horner(TAIL_DEN, q);
        }
        double q = p - 0.5;
        double r = q * q;
        return q * horner(CENTRAL_NUM, r) / horner(CENTRAL_DEN, r);
    }

    /** Evaluates a polynomial whose coefficients are given from the constant term upwards. */
    private static double horner(double[] coefficients, double x) {
        double value = 0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            value = value * x + coefficients[i];
        }
        return value;
    }

    private static final double[] ERFC = {
        -1.26551223,
        1.00002368,
        0.37409196,
        0.09678418,
        -0.18628806,
        0.27886807,
        -1.13520398,
        1.48851587,
        -0.82215223,
        0.17087277
    };
    private static final double TAIL = 0.02425;
    private static final double[] CENTRAL_NUM = {
        2.506628277459239,
        -30.66479806614716,
        138.3577518672690,
        -275.9285104469687,
        220.9460984245205,
        -39.69683028665376
    };
    private static final double[] CENTRAL_DEN = {
        1.0, -13.28068155288572, 66.80131188771972, -155.6989798598866, 161.5858368580409, -54.47609879822406
    };
    private static final double[] TAIL_NUM = {
        2.938163982698783,
        4.374664141464968,
        -2.549732539343734,
        -2.400758277161838,
        -0.3223964580411365,
        -0.007784894002430293
    };
    private static final double[] TAIL_DEN = {
        1.0, 3.754408661907416, 2.445134137142996, 0.3224671290700398, 0.007784695709041462
    };

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
