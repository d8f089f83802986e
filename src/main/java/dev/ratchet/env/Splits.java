package dev.ratchet.env;

import dev.ratchet.env.compose.NoInstanceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Train, probe (held out) and confirm instances, drawn deterministically from a campaign seed and
 * disjoint by instance identity.
 *
 * <p>For each split, its total is spread evenly over the generated environments in the given order
 * (the first ones get one more when it does not divide); an environment's instances cycle through
 * its difficulty range from a seeded offset. Instance seeds are derived from (seed, split, env,
 * index); a draw that repeats an instance id or a prompt already drawn is drawn again, so splits
 * do not share tasks even when a generator's space is small (as is a composite seed that finds no
 * instance). Fixed tasks (suite lines) are
 * shuffled with the seed and dealt to the splits in proportion to their sizes.
 */
public final class Splits {

    static final String TRAIN = "train";
    static final String PROBE = "probe";
    static final String CONFIRM = "confirm";
    private static final List<String> NAMES = List.of(TRAIN, PROBE, CONFIRM);
    /** Redraws allowed per instance before a repeated prompt is accepted (the space is exhausted). */
    private static final int REDRAWS = 16;

    private final List<Instance> train;
    private final List<Instance> probe;
    private final List<Instance> confirm;

    private Splits(List<Instance> train, List<Instance> probe, List<Instance> confirm) {
        this.train = List.copyOf(train);
        this.probe = List.copyOf(probe);
        this.confirm = List.copyOf(confirm);
    }

    /** Splits as given, e.g. read back from a log; {@link #checkDisjoint} tells if they overlap. */
    public static Splits of(List<Instance> train, List<Instance> probe, List<Instance> confirm) {
        return new Splits(train, probe, confirm);
    }

    /**
     * Draws the three splits. {@code envIds} are catalog ids (composites included) or
     * {@code <suite>/*}; throws IllegalArgumentException for an unknown id.
     */
    public static Splits draw(EnvironmentCatalog catalog, List<String> envIds, SplitSizes sizes, long seed) {
        List<List<Instance>> splits = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Draws draws = new Draws(catalog, envIds, sizes, seed, NAMES.size() - 1);
        while (draws.hasNext()) {
            Instance instance = draws.next();
            splits.get(draws.split()).add(instance);
        }
        return new Splits(splits.get(0), splits.get(1), splits.get(2));
    }

    /**
     * The instances of the named splits ({@code train}, {@code probe}, {@code confirm}), in the order
     * {@link #draw} lists them, drawn only as they are asked for: the same instances, while memory
     * holds a fingerprint of each drawn one instead of the instances (the splits before the last
     * named one are drawn too, for disjointness, but not kept).
     */
    public static Sequence stream(
            EnvironmentCatalog catalog, List<String> envIds, SplitSizes sizes, long seed, List<String> names) {
        if (names.isEmpty() || !NAMES.containsAll(names)) {
            throw new IllegalArgumentException("splits " + names + ": use some of " + NAMES);
        }
        int last = names.stream().mapToInt(NAMES::indexOf).max().orElseThrow();
        Draws probe = new Draws(catalog, envIds, sizes, seed, last);
        long count = names.stream()
                .distinct()
                .mapToLong(n -> probe.count(NAMES.indexOf(n)))
                .sum();
        return new Sequence(count, () -> new Chosen(new Draws(catalog, envIds, sizes, seed, last), names));
    }

    /** A lazily drawn sequence of instances whose length is known before any is drawn. */
    public record Sequence(long count, Supplier<Iterator<Drawn>> drawnIterators) implements Iterable<Instance> {

        /** The instances with the split each was drawn in. */
        public Iterator<Drawn> drawn() {
            return drawnIterators.get();
        }

        @Override
        public Iterator<Instance> iterator() {
            Iterator<Drawn> drawn = drawn();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return drawn.hasNext();
                }

                @Override
                public Instance next() {
                    return drawn.next().instance();
                }
            };
        }
    }

    /** An instance and the split ({@code train}, {@code probe} or {@code confirm}) it belongs to. */
    public record Drawn(String split, Instance instance) {}

    /** The draws of the chosen splits only. */
    private static final class Chosen implements Iterator<Drawn> {
        private final Draws draws;
        private final Set<Integer> chosen = new HashSet<>();
        private Drawn pending;

        Chosen(Draws draws, List<String> names) {
            this.draws = draws;
            names.forEach(n -> chosen.add(NAMES.indexOf(n)));
        }

        @Override
        public boolean hasNext() {
            while (pending == null && draws.hasNext()) {
                Instance next = draws.next();
                pending = chosen.contains(draws.split()) ? new Drawn(NAMES.get(draws.split()), next) : null;
            }
            return pending != null;
        }

        @Override
        public Drawn next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Drawn next = pending;
            pending = null;
            return next;
        }
    }

    /**
     * Every split up to {@code last}, one instance at a time: for each split its generated instances
     * (environment by environment), then its share of the fixed tasks. Only fingerprints of the drawn
     * ids and prompts are kept, so a draw of a million instances fits in a small heap.
     */
    private static final class Draws implements Iterator<Instance> {
        private final List<Environment> generated = new ArrayList<>();
        private final List<Environment> shuffled;
        private final int[] shares;
        private final SplitSizes sizes;
        private final long seed;
        private final int last;
        private final SeenStrings ids = new SeenStrings();
        private final SeenStrings prompts = new SeenStrings();
        private int split;
        private int env;
        private int index;
        private int fixedStart;
        private int fixedIndex;
        private long offset = -1;
        private int returnedSplit = -1;

        Draws(EnvironmentCatalog catalog, List<String> envIds, SplitSizes sizes, long seed, int last) {
            List<Environment> fixed = new ArrayList<>();
            for (String id : envIds) {
                for (Environment environment : catalog.expand(id)) {
                    (environment.generated() ? generated : fixed).add(environment);
                }
            }
            if (generated.isEmpty() && sizes.total() > 0 && fixed.isEmpty()) {
                throw new IllegalArgumentException("no environments to draw splits from");
            }
            this.shuffled = fixed.isEmpty()
                    ? List.of()
                    : Rng.derived(seed, "fixed-tasks").shuffled(fixed);
            this.shares = fixed.isEmpty() ? new int[3] : shares(shuffled.size(), sizes);
            this.sizes = sizes;
            this.seed = seed;
            this.last = last;
        }

        /** How many instances split {@code s} holds. */
        long count(int s) {
            return (generated.isEmpty() ? 0L : sizes.of(NAMES.get(s))) + shares[s];
        }

        /** The split of the instance {@link #next} returned last. */
        int split() {
            return returnedSplit;
        }

        @Override
        public boolean hasNext() {
            while (split <= last) {
                if (env < generated.size() && index < perEnvironment()) {
                    return true;
                }
                if (env < generated.size()) {
                    env++;
                    index = 0;
                    offset = -1;
                } else if (fixedIndex < shares[split]) {
                    return true;
                } else {
                    fixedStart += shares[split];
                    split++;
                    env = 0;
                    index = 0;
                    fixedIndex = 0;
                    offset = -1;
                }
            }
            return false;
        }

        @Override
        public Instance next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            returnedSplit = split;
            if (env < generated.size()) {
                return drawGenerated(index++);
            }
            Environment task = shuffled.get(fixedStart + fixedIndex++);
            return task.sample(0, task.minDifficulty());
        }

        private int perEnvironment() {
            int total = sizes.of(NAMES.get(split));
            return total / generated.size() + (env < total % generated.size() ? 1 : 0);
        }

        private Instance drawGenerated(int j) {
            Environment environment = generated.get(env);
            Instance instance = null;
            int chosen = -1;
            for (int redraw = 0; redraw <= REDRAWS; redraw++) {
                Instance candidate;
                try {
                    candidate = sample(split, env, j, redraw);
                } catch (NoInstanceException e) {
                    continue; // a composite whose steps did not fit for this seed: draw another
                }
                if (ids.contains(candidate.id(), o -> regenerate(o).id())) {
                    continue;
                }
                instance = candidate;
                chosen = redraw;
                if (!prompts.contains(candidate.prompt(), o -> regenerate(o).prompt())) {
                    break;
                }
            }
            if (instance == null) {
                throw new IllegalStateException(
                        "could not draw a new instance of " + environment.id() + " in " + (REDRAWS + 1) + " draws");
            }
            long origin = origin(split, env, j, chosen);
            ids.add(instance.id(), origin);
            prompts.add(instance.prompt(), origin);
            return instance;
        }

        private Instance sample(int s, int e, int j, int redraw) {
            Environment environment = generated.get(e);
            String name = NAMES.get(s);
            int range = environment.maxDifficulty() - environment.minDifficulty() + 1;
            long start = s == split && e == env && offset >= 0 ? offset : difficultyOffset(name, environment, range);
            if (s == split && e == env) {
                offset = start;
            }
            int difficulty = environment.minDifficulty() + (int) ((start + j) % range);
            long instanceSeed =
                    Seeds.derive(seed, "split", name, environment.id(), Integer.toString(j), Integer.toString(redraw));
            return environment.sample(instanceSeed, difficulty);
        }

        private long difficultyOffset(String split, Environment environment, int range) {
            return Rng.derived(seed, "difficulty", split, environment.id()).below(range);
        }

        /** Where an instance came from, packed: split (2 bits), redraw (6), environment (24), index (31). */
        private static long origin(int split, int env, int j, int redraw) {
            return ((long) split << 61) | ((long) redraw << 55) | ((long) env << 31) | j;
        }

        private Instance regenerate(long origin) {
            int s = (int) (origin >>> 61);
            int redraw = (int) ((origin >>> 55) & 0x3f);
            int e = (int) ((origin >>> 31) & 0xffffff);
            int j = (int) (origin & 0x7fffffff);
            return sample(s, e, j, redraw);
        }
    }

    private static int[] shares(int count, SplitSizes sizes) {
        int total = sizes.total();
        int[] weights = total == 0 ? new int[] {1, 1, 1} : new int[] {sizes.train(), sizes.probe(), sizes.confirm()};
        int weightSum = weights[0] + weights[1] + weights[2];
        int[] shares = new int[3];
        long[] remainders = new long[3];
        int given = 0;
        for (int s = 0; s < 3; s++) {
            shares[s] = (int) ((long) count * weights[s] / weightSum);
            remainders[s] = (long) count * weights[s] % weightSum;
            given += shares[s];
        }
        while (given < count) {
            int best = 0;
            for (int s = 1; s < 3; s++) {
                if (remainders[s] > remainders[best]) {
                    best = s;
                }
            }
            shares[best]++;
            remainders[best] = -1;
            given++;
        }
        return shares;
    }

    public List<Instance> train() {
        return train;
    }

    public List<Instance> probe() {
        return probe;
    }

    public List<Instance> confirm() {
        return confirm;
    }

    /** Throws IllegalStateException naming the first instance id that appears in two splits (or twice in one). */
    public void checkDisjoint() {
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < NAMES.size(); s++) {
            List<Instance> split = List.of(train, probe, confirm).get(s);
            for (Instance instance : split) {
                if (!seen.add(instance.id())) {
                    throw new IllegalStateException("instance " + instance.id() + " appears more than once across the"
                            + " splits (again in " + NAMES.get(s) + ")");
                }
            }
        }
    }
}
