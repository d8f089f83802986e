package dev.ratchet.env.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Counts checked against brute-force enumeration of small base sets. */
class ComposerTest {

    private static final EnvironmentCatalog CATALOG = EnvironmentCatalog.builtIn();

    private static List<Environment> bases(String... ids) {
        List<Environment> bases = new ArrayList<>();
        for (String id : ids) {
            bases.add(CATALOG.resolve(id));
        }
        return bases;
    }

    @Test
    void depthTwoCountsMatchBruteForce() {
        List<Environment> bases = bases(
                "arith.add",
                "nt.is-prime",
                "logic.formula",
                "lists.sum",
                "lists.sort",
                "nt.divisors",
                "dates.weekday",
                "strings.reverse");
        Map<Operator, BigInteger> counts = Composer.over(bases).count(2);
        assertEquals(BigInteger.valueOf(chains(bases, 2, 5, true).size()), counts.get(Operator.SEQUENTIAL));
        assertEquals(BigInteger.valueOf(chains(bases, 2, 5, false).size()), counts.get(Operator.SORT));
        assertEquals(BigInteger.valueOf(chains(bases, 2, 4, false).size()), counts.get(Operator.SELECT));
        assertEquals(BigInteger.valueOf(8 * 7 + 8 * 7 * 6), counts.get(Operator.PARALLEL));
    }

    @Test
    void deeperCountsMatchBruteForce() {
        List<Environment> bases = bases("arith.add", "nt.is-prime");
        List<List<Environment>> sequences = chains(bases, 2, 5, true);
        List<Environment> items = new ArrayList<>(bases);
        sequences.forEach(steps -> items.add(Composites.of(Operator.SEQUENTIAL, steps)));
        Composer composer = Composer.over(bases);
        assertEquals(
                BigInteger.valueOf(withSequence(chains(items, 2, 5, false)).size()),
                composer.count(3).get(Operator.SORT));
        assertEquals(
                BigInteger.valueOf(withSequence(chains(items, 2, 4, false)).size()),
                composer.count(3).get(Operator.SELECT));
        assertEquals(BigInteger.ZERO, composer.count(3).get(Operator.SEQUENTIAL));

        List<Environment> depthTwo = new ArrayList<>(items.subList(bases.size(), items.size()));
        chains(bases, 2, 5, false).forEach(steps -> depthTwo.add(Composites.of(Operator.SORT, steps)));
        chains(bases, 2, 4, false).forEach(steps -> depthTwo.add(Composites.of(Operator.SELECT, steps)));
        List<Environment> upToTwo = new ArrayList<>(bases);
        upToTwo.addAll(depthTwo);
        long parallel = 0;
        for (int k = 2; k <= 3; k++) {
            parallel += tuples(upToTwo, k).stream()
                    .filter(t -> t.stream().anyMatch(depthTwo::contains))
                    .count();
        }
        assertEquals(BigInteger.valueOf(parallel), composer.count(3).get(Operator.PARALLEL));
        assertEquals(BigInteger.ZERO, composer.total(5));
    }

    @Test
    void theBuiltInsYieldMillionsOfCompositesAtDepthTwo() {
        Composer composer = CATALOG.composer();
        assertEquals(BigInteger.valueOf(CATALOG.bases().size()), composer.total(1));
        assertTrue(
                composer.total(2).compareTo(BigInteger.valueOf(1_000_000)) > 0,
                composer.total(2).toString());
        assertTrue(composer.total(3).compareTo(composer.total(2)) > 0);
    }

    @Test
    void samplingIsSeededDistinctAndOfTheRequestedKind() {
        Composer composer = CATALOG.composer();
        List<Environment> first = composer.sample(2, Operator.SORT, 5, 11);
        assertEquals(
                first.stream().map(Environment::id).toList(),
                composer.sample(2, Operator.SORT, 5, 11).stream()
                        .map(Environment::id)
                        .toList());
        assertEquals(5, new HashSet<>(first.stream().map(Environment::id).toList()).size());
        first.forEach(e -> assertEquals(Operator.SORT, ((Composite) e).operator(), e.id()));
        assertNotEquals(
                first.get(0).id(),
                composer.sample(2, Operator.SORT, 1, 12).get(0).id());
        assertThrows(IllegalArgumentException.class, () -> composer.sample(1, null, 1, 0));
    }

    /** Type-directed chains of the given lengths; repeats allowed or all distinct. */
    private static List<List<Environment>> chains(List<Environment> items, int min, int max, boolean repeats) {
        List<List<Environment>> found = new ArrayList<>();
        extend(new ArrayList<>(), items, min, max, repeats, found);
        return found;
    }

    private static void extend(
            List<Environment> prefix,
            List<Environment> items,
            int min,
            int max,
            boolean repeats,
            List<List<Environment>> found) {
        if (prefix.size() >= min) {
            found.add(List.copyOf(prefix));
        }
        if (prefix.size() == max) {
            return;
        }
        for (Environment item : items) {
            boolean fits = prefix.isEmpty() || prefix.get(prefix.size() - 1).outputType() == item.inputType();
            if (fits && (repeats || !prefix.contains(item))) {
                prefix.add(item);
                extend(prefix, items, min, max, repeats, found);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    private static List<List<Environment>> withSequence(List<List<Environment>> chains) {
        return chains.stream()
                .filter(c -> c.stream().anyMatch(e -> e instanceof Composite))
                .toList();
    }

    private static List<List<Environment>> tuples(List<Environment> items, int k) {
        List<List<Environment>> found = new ArrayList<>();
        collect(new ArrayList<>(), new HashSet<>(), items, k, found);
        return found;
    }

    private static void collect(
            List<Environment> prefix,
            Set<Environment> used,
            List<Environment> items,
            int k,
            List<List<Environment>> found) {
        if (prefix.size() == k) {
            found.add(List.copyOf(prefix));
            return;
        }
        for (Environment item : items) {
            if (used.add(item)) {
                prefix.add(item);
                collect(prefix, used, items, k, found);
                prefix.remove(prefix.size() - 1);
                used.remove(item);
            }
        }
    }
}
