package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.log.event.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvsCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    /** Runs {@code ratchet envs ...} with suites and plugins read from the temp folder. */
    private Run envs(String... args) {
        List<String> all = new ArrayList<>(List.of(
                "envs",
                "--eval-dir",
                dir.resolve("eval").toString(),
                "--plugins",
                dir.resolve("plugins").toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private void suite(String name, String... lines) throws IOException {
        Files.createDirectories(dir.resolve("eval"));
        Files.writeString(dir.resolve("eval").resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void listShowsIdsDomainsTypesAndRanges() throws IOException {
        suite("quiz.jsonl", "{\"id\":\"q1\",\"prompt\":\"2+2?\",\"expected\":\"4\",\"verifier\":\"exact\"}");
        Run run = envs("list");
        assertEquals(0, run.code(), run.err());
        assertTrue(
                run.out().lines().anyMatch(l -> l.matches("arith\\.add +arithmetic +integer -> integer +1-5 +.*")),
                run.out());
        assertTrue(run.out().contains("quiz/q1"), run.out());
        assertTrue(run.out().contains("84 base environments, 1 suite tasks"), run.out());
        assertTrue(
                run.out()
                        .lines()
                        .anyMatch(l -> l.matches(
                                "units\\.fx +units +decimal -> decimal +1-5 +.*" + "\\[tools: fx_rate, calculator\\]")),
                run.out());

        Run json = envs("list", "--json");
        JsonNode first = Json.parse(json.out().lines().findFirst().orElseThrow());
        assertEquals("arith.add", first.get("id").asText());
        assertEquals("integer", first.get("input").asText());
        assertEquals(5, first.get("maxDifficulty").asInt());
        assertEquals(0, first.get("tools").size());
        JsonNode stock = json.out()
                .lines()
                .map(Json::parse)
                .filter(row -> row.get("id").asText().equals("tables.stock"))
                .findFirst()
                .orElseThrow();
        assertEquals("[\"inventory\",\"calculator\"]", stock.get("tools").toString());
    }

    @Test
    void showAndSampleNameTheToolsAndTheCallsThatSolveTheTask() {
        Run show = envs("show", "seq(store.lookup,nt.digit-sum)");
        assertEquals(0, show.code(), show.err());
        assertTrue(
                show.out().contains("tool:        kv_get(store: string, key: string) - Reads the integer"), show.out());
        assertTrue(show.out().contains("round 1: kv_get(store=\"ledger-"), show.out());

        Run sample = envs("sample", "store.follow", "--seed", "4", "--difficulty", "3", "--json");
        assertEquals(0, sample.code(), sample.err());
        JsonNode instance = Json.parse(sample.out());
        JsonNode calls = instance.get("toolCalls");
        assertEquals(3, calls.size(), "three links to follow at difficulty 3: " + calls);
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(i + 1, calls.get(i).get("round").asInt());
            assertEquals("kv_get", calls.get(i).get("tool").asText());
            if (i > 0) {
                assertEquals(
                        calls.get(i - 1).get("result").asText(),
                        calls.get(i).get("arguments").get("key").asText(),
                        "each link starts where the previous one led");
            }
        }
        assertEquals(
                calls.get(2).get("result").asText(), instance.get("expected").asText());
    }

    @Test
    void sampleAndCheckAComposite() {
        Run sample = envs("sample", "seq(arith.add,nt.is-prime)", "--seed", "5", "--difficulty", "2", "--json");
        assertEquals(0, sample.code(), sample.err());
        JsonNode instance = Json.parse(sample.out());
        assertEquals(
                "seq(arith.add,nt.is-prime)@5/d2", instance.get("instanceId").asText());
        assertTrue(instance.get("prompt").asText().contains("Step 2: "));
        String expected = instance.get("expected").asText();

        Run pass =
                envs("check", "seq(arith.add,nt.is-prime)", "--seed", "5", "--difficulty", "2", "--answer", expected);
        assertEquals(0, pass.code(), pass.out() + pass.err());
        assertTrue(pass.out().startsWith("pass: "));

        String wrongFirst = expected.replaceFirst("Answer 1: (-?\\d+)", "Answer 1: 999999");
        Run fail =
                envs("check", "seq(arith.add,nt.is-prime)", "--seed", "5", "--difficulty", "2", "--answer", wrongFirst);
        assertEquals(ExitCodes.CHECK_FAILED, fail.code());
        assertTrue(fail.out().startsWith("fail: wrong-step at step 1: "), fail.out());
        assertTrue(fail.out().contains("arith.add"), fail.out());
    }

    @Test
    void checkReportsTheFailureKind() {
        Run format = envs("check", "arith.add", "--seed", "1", "--answer", "Answer: lots", "--json");
        assertEquals(ExitCodes.CHECK_FAILED, format.code());
        JsonNode outcome = Json.parse(format.out());
        assertEquals("format", outcome.get("failureKind").asText());
        assertEquals(false, outcome.get("passed").asBoolean());

        Run wrong = envs("check", "arith.add", "--seed", "1", "--answer", "Answer: 92");
        assertEquals("fail: wrong-value: expected 91, got 92", wrong.out().strip());
        assertEquals(
                0,
                envs("check", "arith.add", "--seed", "1", "--answer", "The sum is 91.\nAnswer: 91")
                        .code());
    }

    @Test
    void showPrintsAnExample() {
        Run run = envs("show", "sort(arith.add,arith.multiply)");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("steps:       arith.add, arith.multiply"), run.out());
        assertTrue(run.out().contains("Expected:"), run.out());
    }

    @Test
    void badInputExitsWithTwoAndNamesTheProblem() {
        Run unknown = envs("sample", "arith.ad", "--seed", "1");
        assertEquals(ExitCodes.BAD_INPUT, unknown.code());
        assertEquals(
                "ratchet: unknown environment 'arith.ad'; did you mean arith.add?",
                unknown.err().strip());
        Run range = envs("sample", "arith.add", "--seed", "1", "--difficulty", "9");
        assertEquals(ExitCodes.BAD_INPUT, range.code());
        assertTrue(range.err().contains("outside arith.add's range 1..5"), range.err());
        assertEquals(ExitCodes.BAD_INPUT, envs("sample", "arith.add").code());
    }

    @Test
    void composeCountsAndSamples() {
        Run counts = envs("compose", "--depth", "2", "--operator", "par");
        assertEquals(0, counts.code(), counts.err());
        assertEquals(
                "depth 2  par    " + String.format(java.util.Locale.ROOT, "%,d", 84L * 83 + 84L * 83 * 82),
                counts.out().strip());

        Run json = envs("compose", "--depth", "2", "--json");
        assertEquals(5, json.out().lines().count(), json.out());
        assertEquals(
                "total",
                Json.parse(json.out().lines().reduce((a, b) -> b).orElseThrow())
                        .get("operator")
                        .asText());

        Run sample = envs("compose", "--depth", "2", "--operator", "seq", "--sample", "3", "--seed", "9");
        assertEquals(3, sample.out().lines().count(), sample.out());
        assertTrue(sample.out().lines().allMatch(l -> l.startsWith("seq(")), sample.out());
        assertEquals(
                sample.out(),
                envs("compose", "--depth", "2", "--operator", "seq", "--sample", "3", "--seed", "9")
                        .out());

        assertEquals(
                ExitCodes.BAD_INPUT,
                envs("compose", "--depth", "2", "--operator", "loop").code());
        assertEquals(
                ExitCodes.BAD_INPUT,
                envs("compose", "--depth", "2", "--count", "--sample", "2").code());
    }

    @Test
    void validateAcceptsAGoodSuiteAndNamesLineAndFieldOfABadOne() throws IOException {
        Run ok = envs("validate", Path.of("eval", "example.jsonl").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().startsWith("ok: "), ok.out());

        suite(
                "bad.jsonl",
                "{\"id\":\"a\",\"prompt\":\"Q\",\"expected\":\"1\",\"verifier\":\"exact\"}",
                "{\"id\":\"b\",\"prompt\":\"Q\",\"expected\":\"1\",\"verifier\":\"fuzzy\"}");
        Path bad = dir.resolve("eval").resolve("bad.jsonl");
        Run run = envs("validate", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.code());
        assertTrue(run.err().contains(bad + ":2: field 'verifier': unknown verifier 'fuzzy'"), run.err());
        assertEquals("", run.out());

        Run list = envs("list");
        assertEquals(ExitCodes.BAD_INPUT, list.code(), "a bad suite in the eval folder is bad input for every command");
    }
}
