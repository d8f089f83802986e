package dev.ratchet.env.compose;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Environment;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Seeds;
import dev.ratchet.env.ValueType;
import dev.ratchet.env.compose.ChainSpace.Group;
import dev.ratchet.env.compose.ChainSpace.Signature;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>Counts are exact. Drawing is seeded: an operator uniformly among those possible at the depth,
 * a length uniformly among those possible, then a chain uniformly among the chains of that
 * operator, length and depth; a PARALLEL composite gets one part of the depth below and others of
 * random lower depths. A drawn composite that finds no instance is drawn again.
 */
public final class Composer {

    /** Composites are at most this deep. */
    public static final int MAX_DEPTH = 4;

    private static final int DRAWS = 200;

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

    private synchronized BigInteger count(Operator operator, int depth) {
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
    private BigInteger sequences(ValueType in, ValueType out) {
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
        if (depth < 2 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("composites have depth 2 to " + MAX_DEPTH + ": " + depth);
        }
        List<Environment> drawn = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String label = operator == null ? "any" : operator.label();
        for (int i = 0; drawn.size() < count && i < count * 20 + 20; i++) {
            Rng rng = Rng.derived(seed, "compose", Integer.toString(depth), label, Integer.toString(i));
            Environment composite = draw(depth, operator, rng);
            if (composite == null) {
                break;
            }
            if (seen.add(composite.id()) && viable(composite, seed)) {
                drawn.add(composite);
            }
        }
        return List.copyOf(drawn);
    }

    private static boolean viable(Environment composite, long seed) {
        try {
            for (int trial = 0; trial < 3; trial++) {
                long trialSeed = Seeds.derive(seed, "viable", composite.id(), Integer.toString(trial));
                composite.sample(trialSeed, composite.minDifficulty());
                composite.sample(trialSeed, composite.maxDifficulty());
            }
            return true;
        } catch (NoInstanceException e) {
            return false;
        }
    }

    private Environment draw(int depth, Operator operator, Rng rng) {
        List<Operator> possible = new ArrayList<>();
        for (Operator candidate : Operator.values()) {
            if ((operator == null || operator == candidate) && possible(candidate, depth)) {
                possible.add(candidate);
            }
        }
        if (possible.isEmpty()) {
            return null;
        }
        Operator chosen = rng.pick(possible);
        return chosen == Operator.PARALLEL ? parallel(depth, rng) : chain(chosen, depth, rng);
    }

    /** Whether an operator yields composites of a depth, decided without the costly exact counts. */
    private boolean possible(Operator operator, int depth) {
        return switch (operator) {
            case SEQUENTIAL -> depth == 2 && sequences(null, null).signum() > 0;
            case SORT, SELECT -> (depth == 2 && count(operator, 2).signum() > 0)
                    || (depth == 3
                            && sequences(null, null).signum() > 0
                            && count(operator, 2).signum() > 0);
            case PARALLEL -> depth == 2
                    ? parts.size() >= Operator.PARALLEL.minChildren()
                    : depth <= MAX_DEPTH
                            && (possible(Operator.SORT, depth - 1)
                                    || possible(Operator.SELECT, depth - 1)
                                    || possible(Operator.SEQUENTIAL, depth - 1));
        };
    }

    /**
     * A chain drawn uniformly among those of the operator, a uniformly chosen length and the depth:
     * chains with repeats are drawn exactly, then those that break the operator's rules (repeated
     * steps, or no sequence at depth 3) are drawn again, which leaves the draw uniform.
     */
    private Environment chain(Operator operator, int depth, Rng rng) {
        ChainSpace space = depth == 2 ? baseSpace : mixedSpace;
        List<Integer> lengths = new ArrayList<>();
        for (int length = operator.minChildren(); length <= operator.maxChildren(); length++) {
            if (space.repeats(length, null, null).signum() > 0) {
                lengths.add(length);
            }
        }
        int length = rng.pick(lengths);
        for (int attempt = 0; attempt < DRAWS; attempt++) {
            List<Environment> items = new ArrayList<>();
            Set<String> used = new HashSet<>();
            boolean sequence = false;
            boolean repeated = false;
            for (Group group : space.draw(length, null, null, rng)) {
                BigInteger index = rng.below(group.all());
                boolean base = index.compareTo(group.base()) < 0;
                Environment item = base
                        ? bySignature.get(group.signature()).get(index.intValueExact())
                        : sequenceFor(group.signature(), rng);
                sequence |= !base;
                repeated |= !used.add(item.id());
                items.add(item);
            }
            boolean fits = operator == Operator.SEQUENTIAL || (!repeated && (depth == 2 || sequence));
            if (fits) {
                return Composites.of(operator, items);
            }
        }
        return null;
    }

    /** A sequence of bases with the given signature, uniform over lengths weighted by their counts. */
    private Environment sequenceFor(Signature signature, Rng rng) {
        BigInteger draw = rng.below(sequences(signature.in(), signature.out()));
        int length = Operator.SEQUENTIAL.minChildren();
        while (draw.compareTo(baseSpace.repeats(length, signature.in(), signature.out())) >= 0) {
            draw = draw.subtract(baseSpace.repeats(length, signature.in(), signature.out()));
            length++;
        }
        List<Environment> steps = new ArrayList<>();
        for (Group group : baseSpace.draw(length, signature.in(), signature.out(), rng)) {
            steps.add(rng.pick(bySignature.get(group.signature())));
        }
        return Composites.of(Operator.SEQUENTIAL, steps);
    }

    private Environment parallel(int depth, Rng rng) {
        int length = rng.between(Operator.PARALLEL.minChildren(), Operator.PARALLEL.maxChildren());
        int anchor = rng.nextInt(length);
        for (int attempt = 0; attempt < DRAWS; attempt++) {
            List<Environment> chosen = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (int i = 0; i < length; i++) {
                Environment part = part(i == anchor ? depth - 1 : rng.between(1, depth - 1), rng);
                if (part != null && used.add(part.id())) {
                    chosen.add(part);
                }
            }
            if (chosen.size() == length) {
                return Composites.of(Operator.PARALLEL, chosen);
            }
        }
        return null;
    }

    /** A non-parallel environment of exactly {@code depth}, or null when there is none. */
    private Environment part(int depth, Rng rng) {
        if (depth == 1) {
            return rng.pick(parts);
        }
        List<Operator> possible = new ArrayList<>();
        for (Operator operator : List.of(Operator.SEQUENTIAL, Operator.SORT, Operator.SELECT)) {
            if (possible(operator, depth)) {
                possible.add(operator);
            }
        }
        return possible.isEmpty() ? null : chain(rng.pick(possible), depth, rng);
    }

    private static Signature signature(Composable step) {
        return new Signature(step.inputType(), step.outputType());
    }
}
