package dev.ratchet.env.compose;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Environment;
import dev.ratchet.env.ValueType;
import dev.ratchet.env.compose.ChainSpace.Group;
import dev.ratchet.env.compose.ChainSpace.Signature;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Enumerates the composites a set of base environments yields, by depth, and draws them.
 *
 * <p>Depth 1 is a base environment. The canonical composites are: SEQUENTIAL over 2-5 bases
 * (repeats allowed; depth 2); SORT over 2-5 and SELECT over 2-4 distinct steps, each a base or a
 * sequence (depth 2, or 3 with a sequence among them); PARALLEL over 2-3 distinct parts of any
 * kind but PARALLEL (depth = 1 + the deepest part, so up to 4). Every chain is type-directed: a
 * step's input type is the previous step's output type.
 *
 * <p>Counts are exact; drawing is seeded (see {@link Sampler}).
 */
public final class Composer {

    /** Composites are at most this deep. */
    public static final int MAX_DEPTH = 4;

    private final List<Environment> parts;
    private final Map<Signature, List<Composable>> bySignature = new TreeMap<>(Signature.ORDER);
    private final ChainSpace baseSpace;
    private final ChainSpace mixedSpace;
    // Memoised counts keyed by operator and depth; only looked up, never iterated.
    private final Map<String, BigInteger> counts = new HashMap<>();

    private Composer(List<? extends Environment> bases) {
        this.parts = List.copyOf(bases);
        for (Environment base : bases) {
            if (base instanceof Composable step && !(base instanceof Composite)) {
                bySignature
                        .computeIfAbsent(signature(step), s -> new ArrayList<>())
                        .add(step);
            }
        }
        List<Group> baseGroups = new ArrayList<>();
        bySignature.forEach(
                (s, items) -> baseGroups.add(new Group(s, BigInteger.valueOf(items.size()), BigInteger.ZERO)));
        this.baseSpace = new ChainSpace(baseGroups);
        List<Group> mixedGroups = new ArrayList<>();
        for (ValueType in : ValueType.values()) {
            for (ValueType out : ValueType.values()) {
                Signature s = new Signature(in, out);
                BigInteger size = BigInteger.valueOf(
                        bySignature.getOrDefault(s, List.of()).size());
                BigInteger sequences = sequences(in, out);
                if (size.signum() > 0 || sequences.signum() > 0) {
                    mixedGroups.add(new Group(s, size, sequences));
                }
            }
        }
        this.mixedSpace = new ChainSpace(mixedGroups);
    }

    /** A composer over base environments; only composable ones become chain steps. */
    public static Composer over(List<? extends Environment> bases) {
        return new Composer(bases);
    }

    /** How many composites of exactly this depth each operator yields; depth 1 has none. */
    public Map<Operator, BigInteger> count(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth starts at 1 (a base environment): " + depth);
        }
        Map<Operator, BigInteger> result = new EnumMap<>(Operator.class);
        for (Operator operator : Operator.values()) {
            result.put(operator, count(operator, depth));
        }
        return result;
    }

    /** All environments of exactly this depth (depth 1: the bases). */
    public BigInteger total(int depth) {
        if (depth == 1) {
            return BigInteger.valueOf(parts.size());
        }
        return count(depth).values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    }

    synchronized BigInteger count(Operator operator, int depth) {
        String key = operator + "/" + depth;
        BigInteger cached = counts.get(key);
        if (cached == null) {
            cached = depth == 1
                    ? BigInteger.ZERO
                    : switch (operator) {
                        case SEQUENTIAL -> depth == 2 ? sequences(null, null) : BigInteger.ZERO;
                        case SORT, SELECT -> depth == 2
                                ? distinct(baseSpace, operator, false)
                                : depth == 3 ? distinct(mixedSpace, operator, true) : BigInteger.ZERO;
                        case PARALLEL -> parallel(depth);
                    };
            counts.put(key, cached);
        }
        return cached;
    }

    /** Sequences of bases (2 to 5 steps, repeats allowed) from {@code in} to {@code out} (null: any). */
    BigInteger sequences(ValueType in, ValueType out) {
        BigInteger total = BigInteger.ZERO;
        for (int length = Operator.SEQUENTIAL.minChildren(); length <= Operator.SEQUENTIAL.maxChildren(); length++) {
            total = total.add(baseSpace.repeats(length, in, out));
        }
        return total;
    }

    private static BigInteger distinct(ChainSpace space, Operator operator, boolean requireSequence) {
        BigInteger total = BigInteger.ZERO;
        for (int length = operator.minChildren(); length <= operator.maxChildren(); length++) {
            total = total.add(space.distinct(length, requireSequence));
        }
        return total;
    }

    private BigInteger parallel(int depth) {
        BigInteger total = BigInteger.ZERO;
        for (int length = Operator.PARALLEL.minChildren(); length <= Operator.PARALLEL.maxChildren(); length++) {
            total = total.add(
                    arrangements(partsUpTo(depth - 1), length).subtract(arrangements(partsUpTo(depth - 2), length)));
        }
        return total;
    }

    /** Environments of depth 1..depth that may be PARALLEL parts (everything but PARALLEL). */
    private BigInteger partsUpTo(int depth) {
        BigInteger total = depth >= 1 ? BigInteger.valueOf(parts.size()) : BigInteger.ZERO;
        for (int d = 2; d <= depth; d++) {
            for (Operator operator : List.of(Operator.SEQUENTIAL, Operator.SORT, Operator.SELECT)) {
                total = total.add(count(operator, d));
            }
        }
        return total;
    }

    private static BigInteger arrangements(BigInteger n, int k) {
        BigInteger result = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            result = result.multiply(n.subtract(BigInteger.valueOf(i)).max(BigInteger.ZERO));
        }
        return result;
    }

    /**
     * Up to {@code count} distinct composites of exactly {@code depth}, drawn from {@code seed};
     * {@code operator} null means any. A composite is kept only if it finds instances at the lowest
     * and highest difficulty for a few seeds. Fewer come back only when the space is smaller.
     */
    public List<Environment> sample(int depth, Operator operator, int count, long seed) {
        return new Sampler(this).sample(depth, operator, count, seed);
    }

    List<Environment> parts() {
        return parts;
    }

    ChainSpace space(int depth) {
        return depth == 2 ? baseSpace : mixedSpace;
    }

    ChainSpace baseSpace() {
        return baseSpace;
    }

    List<Composable> withSignature(Signature signature) {
        return bySignature.get(signature);
    }

    private static Signature signature(Composable step) {
        return new Signature(step.inputType(), step.outputType());
    }
}
