package dev.ratchet.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.suite.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentCatalogTest {

    private static final EnvironmentCatalog CATALOG = EnvironmentCatalog.builtIn();

    @Test
    void resolvesBasesAndComposites() {
        assertEquals("arith.add", CATALOG.resolve("arith.add").id());
        Environment composite = CATALOG.resolve("seq(arith.add, nt.divisors)");
        assertEquals("seq(arith.add,nt.divisors)", composite.id());
        assertEquals(List.of("arith.add", "nt.divisors"), composite.baseIds());
        assertEquals(composite.id(), CATALOG.resolve(composite.id()).id());
    }

    @Test
    void unknownIdsAreNamedWithSuggestions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CATALOG.resolve("arith.ad"));
        assertEquals("unknown environment 'arith.ad'; did you mean arith.add?", e.getMessage());
        String sameName = assertThrows(IllegalArgumentException.class, () -> CATALOG.resolve("sort"))
                .getMessage();
        assertTrue(sameName.contains("lists.sort") && sameName.contains("tables.sort"), sameName);
        String far = assertThrows(IllegalArgumentException.class, () -> CATALOG.resolve("zzzzzzzzzz"))
                .getMessage();
        assertTrue(far.contains("ratchet envs list"), far);
        assertEquals(Optional.empty(), CATALOG.find("seq(arith.add,"));
    }

    @Test
    void suiteTasksAreAddressedBySuiteAndId(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("quiz.jsonl");
        Files.writeString(
                file,
                "{\"id\":\"q1\",\"prompt\":\"2+2?\",\"expected\":\"4\",\"verifier\":\"exact\"}\n"
                        + "{\"id\":\"q2\",\"prompt\":\"3+3?\",\"expected\":\"6\",\"verifier\":\"exact\"}\n");
        EnvironmentCatalog catalog = CATALOG.withSuites(List.of(Suite.load(file)));
        assertEquals("quiz/q2", catalog.resolve("quiz/q2").id());
        assertEquals(2, catalog.expand("quiz/*").size());
        assertEquals(2, catalog.suiteTasks().size());
        assertEquals(CATALOG.bases(), catalog.bases());
        assertThrows(IllegalArgumentException.class, () -> catalog.expand("nosuch/*"));
        String typo = assertThrows(IllegalArgumentException.class, () -> catalog.resolve("quiz/q3"))
                .getMessage();
        assertTrue(typo.contains("quiz/q1") || typo.contains("quiz/q2"), typo);
    }
}
