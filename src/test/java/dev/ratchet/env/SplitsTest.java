package dev.ratchet.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.suite.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitsTest {

    private static final EnvironmentCatalog CATALOG = EnvironmentCatalog.builtIn();
    private static final List<String> ENVS = List.of("arith.add", "nt.is-prime", "seq(arith.add,nt.is-prime)");

    @Test
    void theSameSeedDrawsTheSameSplits() {
        Splits a = Splits.draw(CATALOG, ENVS, new SplitSizes(30, 12, 6), 42);
        Splits b = Splits.draw(CATALOG, ENVS, new SplitSizes(30, 12, 6), 42);
        assertEquals(a.train(), b.train());
        assertEquals(a.probe(), b.probe());
        assertEquals(a.confirm(), b.confirm());
        assertNotEquals(
                a.train(),
                Splits.draw(CATALOG, ENVS, new SplitSizes(30, 12, 6), 43).train());
    }

    @Test
    void sizesAreSpreadEvenlyInTheGivenOrder() {
        Splits splits = Splits.draw(CATALOG, ENVS, new SplitSizes(10, 4, 0), 1);
        assertEquals(10, splits.train().size());
        assertEquals(4, splits.probe().size());
        assertEquals(0, splits.confirm().size());
        assertEquals(
                4,
                splits.train().stream()
                        .filter(i -> i.envId().equals("arith.add"))
                        .count());
        assertEquals(
                3,
                splits.train().stream()
                        .filter(i -> i.envId().equals("nt.is-prime"))
                        .count());
        assertEquals(
                2,
                splits.probe().stream()
                        .filter(i -> i.envId().equals("arith.add"))
                        .count());
    }

    @Test
    void splitsAreDisjointAndCoverTheDifficultyRange() {
        Splits splits = Splits.draw(CATALOG, List.of("nt.is-prime"), new SplitSizes(40, 40, 40), 5);
        splits.checkDisjoint();
        Set<String> ids = new HashSet<>();
        Set<String> prompts = new HashSet<>();
        Set<Integer> difficulties = new TreeSet<>();
        for (List<Instance> split : List.of(splits.train(), splits.probe(), splits.confirm())) {
            for (Instance instance : split) {
                assertTrue(ids.add(instance.id()), instance.id());
                prompts.add(instance.prompt());
                difficulties.add(instance.difficulty());
            }
        }
        assertEquals(120, prompts.size(), "no prompt is drawn twice while the generator has room");
        assertEquals(Set.of(1, 2, 3, 4, 5), difficulties);
    }

    @Test
    void checkDisjointNamesTheFirstSharedInstance() {
        Instance shared = CATALOG.resolve("arith.add").sample(7, 1);
        Instance other = CATALOG.resolve("arith.add").sample(8, 1);
        Splits overlapping = Splits.of(List.of(other, shared), List.of(shared), List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, overlapping::checkDisjoint);
        assertTrue(e.getMessage().contains("arith.add@7/d1"), e.getMessage());
    }

    @Test
    void suiteTasksAreDealtToOneSplitEach(@TempDir Path dir) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            lines.append("{\"id\":\"t")
                    .append(i)
                    .append("\",\"prompt\":\"Q")
                    .append(i)
                    .append("\",\"expected\":\"")
                    .append(i)
                    .append("\",\"verifier\":\"exact\"}\n");
        }
        Path file = dir.resolve("quiz.jsonl");
        Files.writeString(file, lines);
        EnvironmentCatalog catalog = CATALOG.withSuites(List.of(Suite.load(file)));
        Splits splits = Splits.draw(catalog, List.of("arith.add", "quiz/*"), new SplitSizes(6, 2, 2), 3);
        splits.checkDisjoint();
        long trainTasks = splits.train().stream()
                .filter(i -> i.envId().startsWith("quiz/"))
                .count();
        long probeTasks = splits.probe().stream()
                .filter(i -> i.envId().startsWith("quiz/"))
                .count();
        long confirmTasks = splits.confirm().stream()
                .filter(i -> i.envId().startsWith("quiz/"))
                .count();
        assertEquals(List.of(6L, 2L, 2L), List.of(trainTasks, probeTasks, confirmTasks));
        assertEquals(6, splits.train().size() - trainTasks, "generated instances are counted separately");
        Splits again = Splits.draw(catalog, List.of("arith.add", "quiz/*"), new SplitSizes(6, 2, 2), 3);
        assertEquals(splits.probe(), again.probe());
    }

    @Test
    void aStreamedSplitIsTheDrawnOneEvenWhereTheGeneratorRunsOutOfNewPrompts(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("quiz.jsonl");
        Files.writeString(
                file,
                "{\"id\":\"a\",\"prompt\":\"Q\",\"expected\":\"1\",\"verifier\":\"exact\"}\n"
                        + "{\"id\":\"b\",\"prompt\":\"R\",\"expected\":\"2\",\"verifier\":\"exact\"}\n");
        EnvironmentCatalog catalog = CATALOG.withSuites(List.of(Suite.load(file)));
        List<String> envs = List.of("nt.is-prime", "quiz/*");
        SplitSizes sizes = new SplitSizes(2500, 1000, 500);
        Splits drawn = Splits.draw(catalog, envs, sizes, 11);
        List<Instance> all = new ArrayList<>(drawn.train());
        all.addAll(drawn.probe());
        all.addAll(drawn.confirm());
        // The interesting case: the small generator's prompts ran out, so repeats were looked up and redrawn.
        long distinctPrompts = all.stream().map(Instance::prompt).distinct().count();
        assertTrue(distinctPrompts < all.size(), distinctPrompts + " distinct prompts of " + all.size());

        assertStreamed(drawn.train(), Splits.stream(catalog, envs, sizes, 11, List.of("train")));
        assertStreamed(drawn.probe(), Splits.stream(catalog, envs, sizes, 11, List.of("probe")));
        assertStreamed(drawn.confirm(), Splits.stream(catalog, envs, sizes, 11, List.of("confirm")));
        assertStreamed(all, Splits.stream(catalog, envs, sizes, 11, List.of("train", "probe", "confirm")));
    }

    private static void assertStreamed(List<Instance> expected, Splits.Sequence streamed) {
        List<Instance> got = new ArrayList<>();
        streamed.forEach(got::add);
        assertEquals(expected.size(), streamed.count());
        assertEquals(expected, got);
    }

    @Test
    void unknownEnvironmentsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Splits.draw(CATALOG, List.of("nope"), new SplitSizes(1, 1, 1), 0));
    }
}
