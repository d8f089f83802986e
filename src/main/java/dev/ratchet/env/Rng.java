package dev.ratchet.env;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A small seeded random source (SplitMix64) whose output is defined here, not by the JDK, so that
 * generated instances stay byte-identical across Java versions. Not thread-safe: make one per draw.
 */
public final class Rng {

    private long state;

    private Rng(long seed) {
        this.state = seed;
    }

    public static Rng of(long seed) {
        return new Rng(seed);
    }

    /** A source seeded by {@link Seeds#derive}. */
    public static Rng derived(long seed, String... parts) {
        return new Rng(Seeds.derive(seed, parts));
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in {@code [0, bound)}, without modulo bias. */
    public long below(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long draw;
        do {
            draw = nextLong() >>> 1;
        } while (draw >= limit);
        return draw % bound;
    }

    public int nextInt(int bound) {
        return (int) below(bound);
    }

    /** Uniform in {@code [low, high]}, both inclusive. */
    public long between(long low, long high) {
        if (high < low) {
            throw new IllegalArgumentException("empty range: " + low + ".." + high);
        }
        return low + below(high - low + 1);
    }

    public int between(int low, int high) {
        return (int) between((long) low, (long) high);
    }

    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** True with probability {@code percent}/100. */
    public boolean chance(int percent) {
        return below(100) < percent;
    }

    public <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** A shuffled copy (Fisher-Yates). */
    public <T> List<T> shuffled(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }

    /** Uniform in {@code [0, bound)} for counts too large for a long (composite spaces). */
    public BigInteger below(BigInteger bound) {
        if (bound.signum() <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        int bits = bound.bitLength();
        BigInteger draw;
        do {
            draw = randomBits(bits);
        } while (draw.compareTo(bound) >= 0);
        return draw;
    }

    private BigInteger randomBits(int bits) {
        BigInteger result = BigInteger.ZERO;
        for (int filled = 0; filled < bits; filled += 63) {
            int take = Math.min(63, bits - filled);
            long chunk = (nextLong() >>> 1) >>> (63 - take);
            result = result.shiftLeft(take).or(BigInteger.valueOf(chunk));
        }
        return result;
    }
}
