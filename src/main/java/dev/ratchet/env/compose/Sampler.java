package dev.ratchet.env.compose;

import dev.ratchet.env.Environment;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Seeds;
import dev.ratchet.env.compose.ChainSpace.Group;
import dev.ratchet.env.compose.ChainSpace.Signature;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Seeded drawing of composites: an operator uniformly among those possible at the depth, a length
 * uniformly among those possible, then a chain uniformly among the chains of that operator, length
 * and depth; a PARALLEL composite gets one part of the depth below and others of random lower
 * depths. A drawn composite that finds no instance is drawn again.
 */
final class Sampler {

    private static final int DRAWS = 200;
    private static final int VIABILITY_SEEDS = 6;

    private final Composer composer;

    Sampler(Composer composer) {
        this.composer = composer;
    }

    List<Environment> sample(int depth, Operator operator, int count, long seed) {
        if (depth < 2 || depth > Composer.MAX_DEPTH) {
            throw new IllegalArgumentException("composites have depth 2 to " + Composer.MAX_DEPTH + ": " + depth);
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

    /**
     * Kept only if it draws at every difficulty for several seeds: a composite listed here must
     * never fail {@code envs sample}. Draws ease a step's difficulty when nothing fits (see
     * {@code Composite.draw}), so what this rejects are chains that rarely fit even at the easiest
     * level.
     */
    private static boolean viable(Environment composite, long seed) {
        try {
            for (int trial = 0; trial < VIABILITY_SEEDS; trial++) {
                long trialSeed = Seeds.derive(seed, "viable", composite.id(), Integer.toString(trial));
                for (int d = composite.minDifficulty(); d <= composite.maxDifficulty(); d++) {
                    composite.sample(trialSeed, d);
                }
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
            case SEQUENTIAL -> depth == 2 && composer.sequences(null, null).signum() > 0;
            case SORT, SELECT -> (depth == 2 && composer.count(operator, 2).signum() > 0)
                    || (depth == 3
                            && composer.sequences(null, null).signum() > 0
                            && composer.count(operator, 2).signum() > 0);
            case PARALLEL -> depth == 2
                    ? composer.parts().size() >= Operator.PARALLEL.minChildren()
                    : depth <= Composer.MAX_DEPTH
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
        ChainSpace space = composer.space(depth);
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
                        ? composer.withSignature(group.signature()).get(index.intValueExact())
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
        BigInteger draw = rng.below(composer.sequences(signature.in(), signature.out()));
        int length = Operator.SEQUENTIAL.minChildren();
        while (draw.compareTo(composer.baseSpace().repeats(length, signature.in(), signature.out())) >= 0) {
            draw = draw.subtract(composer.baseSpace().repeats(length, signature.in(), signature.out()));
            length++;
        }
        List<Environment> steps = new ArrayList<>();
        for (Group group : composer.baseSpace().draw(length, signature.in(), signature.out(), rng)) {
            steps.add(rng.pick(composer.withSignature(group.signature())));
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
            return rng.pick(composer.parts());
        }
        List<Operator> possible = new ArrayList<>();
        for (Operator operator : List.of(Operator.SEQUENTIAL, Operator.SORT, Operator.SELECT)) {
            if (possible(operator, depth)) {
                possible.add(operator);
            }
        }
        return possible.isEmpty() ? null : chain(rng.pick(possible), depth, rng);
    }
}
