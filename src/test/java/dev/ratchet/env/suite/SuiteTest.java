package dev.ratchet.env.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.FailureKind;
import dev.ratchet.env.Instance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteTest {

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static String task(String id, String expected, String verifier, String extra) {
        return "{\"id\":\"" + id + "\",\"prompt\":\"Q?\",\"expected\":" + expected + ",\"verifier\":\"" + verifier
                + "\"" + extra + "}";
    }

    private Environment only(String line) throws IOException {
        return Suite.load(write("s.jsonl", line)).tasks().get(0);
    }

    private static boolean passes(Environment task, String reply) {
        Instance instance = task.sample(0, 1);
        return task.verify(instance, reply).passed();
    }

    @Test
    void theShippedExampleSuiteLoadsAndEveryTaskCanFail() {
        Suite suite = Suite.load(Path.of("eval", "example.jsonl"));
        assertEquals("example", suite.name());
        assertTrue(suite.tasks().size() >= 7);
        for (Environment task : suite.tasks()) {
            Instance instance = task.sample(99, 1);
            assertEquals(0, instance.seed(), "a suite task has one instance");
            assertFalse(task.generated());
            assertFalse(task.verify(instance, task.wrongAnswer(instance, 1)).passed(), task.id());
        }
    }

    @Test
    void eachVerifierKind() throws IOException {
        Environment exact = only(task("a", "\"418\"", "exact", ""));
        assertTrue(passes(exact, "Answer: 418."));
        assertFalse(passes(exact, "Answer: 4180"));

        Environment normalized = only(task("a", "\"New York\"", "normalized", ""));
        assertTrue(passes(normalized, "Answer:   new   YORK!"));
        assertFalse(passes(normalized, "Answer: York"));

        Environment numeric = only(task("a", "1.414", "numeric", ",\"tolerance\":0.0005"));
        assertTrue(passes(numeric, "Answer: 1.4142"));
        assertFalse(passes(numeric, "Answer: 1.42"));
        Instance instance = numeric.sample(0, 1);
        assertEquals(
                FailureKind.FORMAT,
                numeric.verify(instance, "Answer: about one").kind());

        Environment regex = only(task("a", "\"#(FF|ff)0000\"", "regex", ""));
        assertTrue(passes(regex, "Answer: `#ff0000`"));
        assertFalse(passes(regex, "Answer: #ff0000 or so"));

        Environment json = only(task("a", "{\"x\":3,\"y\":[1,2]}", "json", ""));
        assertTrue(passes(json, "Answer:\n```json\n{\"y\": [1, 2.0], \"x\": 3}\n```"));
        assertFalse(passes(json, "Answer: {\"x\": 3, \"y\": [2, 1]}"));

        Environment oneOf = only(task("a", "[\"red\",\"green\",\"blue\"]", "one-of", ""));
        assertTrue(passes(oneOf, "Answer: Green."));
        assertFalse(passes(oneOf, "Answer: yellow"));

        Environment contains = only(task("a", "\"ratchet\"", "contains", ""));
        assertTrue(passes(contains, "Answer: A Ratchet turns one way."));
        assertFalse(passes(contains, "Answer: a wrench"));
    }

    @Test
    void badLinesNameTheFileLineAndField() throws IOException {
        String good = task("ok", "\"1\"", "exact", "");
        String other = task("other", "\"2\"", "exact", "");
        assertError(4, "verifier", "unknown verifier 'fuzzy'", good, other, "", task("b", "\"1\"", "fuzzy", ""));
        assertError(1, "expected", "missing", "{\"id\":\"a\",\"prompt\":\"Q\",\"verifier\":\"exact\"}");
        assertError(2, "id", "duplicate id 'ok'", good, good);
        assertError(1, "expected", "not a valid regular expression", task("a", "\"(\"", "regex", ""));
        assertError(1, "expected", "accepts every answer", task("a", "\".*\"", "regex", ""));
        assertError(
                1,
                "expeted",
                "unknown field",
                "{\"id\":\"a\",\"prompt\":\"Q\",\"expeted\":\"1\",\"verifier\":\"exact\"}");
        assertError(1, "tolerance", "only a numeric verifier", task("a", "\"1\"", "exact", ",\"tolerance\":1"));
        assertError(1, "tags", "array", task("a", "\"1\"", "exact", ",\"tags\":\"x\""));
        assertError(1, null, "not valid JSON", "{\"id\": \"a\",");
        assertError(1, "expected", "needs a number", task("a", "\"many\"", "numeric", ""));
    }

    private void assertError(int line, String field, String problem, String... lines) throws IOException {
        Path file = write("bad.jsonl", lines);
        SuiteFormatException e = assertThrows(SuiteFormatException.class, () -> Suite.load(file));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(file, e.file());
        if (field == null) {
            assertNull(e.field(), e.getMessage());
        } else {
            assertEquals(field, e.field(), e.getMessage());
            assertTrue(e.getMessage().contains("field '" + field + "'"), e.getMessage());
        }
        assertTrue(e.getMessage().startsWith(file + ":" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void idsMayBeLettersAndDigitsOfAnyScript() throws IOException {
        Path file = write(
                "quiz.jsonl",
                task("unicode-é", "\"1\"", "exact", ""),
                task("日本語.2", "\"2\"", "exact", ""),
                task("हिंदी_٣", "\"3\"", "exact", ""),
                task("𝔸-supplementary", "\"4\"", "exact", ""));
        List<String> ids =
                Suite.load(file).tasks().stream().map(Environment::id).toList();
        assertEquals(List.of("quiz/unicode-é", "quiz/日本語.2", "quiz/हिंदी_٣", "quiz/𝔸-supplementary"), ids);
        EnvironmentCatalog catalog = EnvironmentCatalog.builtIn().withSuites(List.of(Suite.load(file)));
        for (String id : ids) {
            assertEquals(id, catalog.resolve(id).id(), "a config can name " + id);
            assertEquals(
                    "par(" + id + ",strings.reverse)",
                    catalog.resolve("par(" + id + ",strings.reverse)").id());
        }
    }

    @Test
    void idsAreNormalisedToNfcSoOneSpellingIsOneId() throws IOException {
        String decomposed = "unicode-e\u0301";
        Environment task = only(task(decomposed, "\"1\"", "exact", ""));
        assertEquals("s/unicode-é", task.id());
        assertError(
                2,
                "id",
                "duplicate id 'unicode-é'",
                task("unicode-é", "\"1\"", "exact", ""),
                task(decomposed, "\"2\"", "exact", ""));
        EnvironmentCatalog catalog = EnvironmentCatalog.builtIn()
                .withSuites(List.of(Suite.load(write("s.jsonl", task("unicode-é", "\"1\"", "exact", "")))));
        assertEquals("s/unicode-é", catalog.resolve("s/unicode-e\u0301").id(), "a config spelt the other way finds it");
    }

    @Test
    void idsRefuseSeparatorsControlCharactersAndWhitespace() throws IOException {
        assertError(1, "id", "U+0020", task("two words", "\"1\"", "exact", ""));
        assertError(1, "id", "U+0009", task("tab\\tbed", "\"1\"", "exact", ""));
        assertError(1, "id", "U+00A0", task("no\u00a0break", "\"1\"", "exact", ""));
        assertError(1, "id", "U+2028", task("line\\u2028sep", "\"1\"", "exact", ""));
        assertError(1, "id", "U+0007", task("bell\\u0007", "\"1\"", "exact", ""));
        assertError(1, "id", "U+200D", task("zero\u200dwidth", "\"1\"", "exact", ""));
        assertError(1, "id", "U+002F", task("a/b", "\"1\"", "exact", ""));
        assertError(1, "id", "U+003A", task("a:b", "\"1\"", "exact", ""));
        assertError(1, "id", "starting with a letter or digit", task("-a", "\"1\"", "exact", ""));
        assertError(1, "id", "starting with a letter or digit", task("\u0301a", "\"1\"", "exact", ""));
    }

    @Test
    void loadAllReadsEverySuiteInNameOrder() throws IOException {
        write("b.jsonl", task("x", "\"1\"", "exact", ""));
        write("a.jsonl", task("y", "\"2\"", "exact", ""));
        write("notes.txt", "ignored");
        List<Suite> suites = Suite.loadAll(dir);
        assertEquals(List.of("a", "b"), suites.stream().map(Suite::name).toList());
        assertEquals("a/y", suites.get(0).tasks().get(0).id());
        assertEquals(List.of(), Suite.loadAll(dir.resolve("missing")));
    }
}
