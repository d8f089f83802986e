package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.Instance;
import dev.ratchet.env.SplitSizes;
import dev.ratchet.env.Splits;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.sqlite.SqliteEventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final List<String> ENVS =
            List.of("seq(arith.add,nt.digit-sum)", "units.roman", "par(strings.reverse,lists.sort)");
    private static final int CONFIRM = 48;
    private static final long SEED = 11;

    @TempDir
    Path dir;

    private Path config(String extra) throws IOException {
        Path file = dir.resolve("small.yaml");
        StringBuilder yaml = new StringBuilder("models: {agent: simulated-agent, proposer: simulated-proposer}\n");
        yaml.append("environments:\n");
        ENVS.forEach(id -> yaml.append("  - \"").append(id).append("\"\n"));
        yaml.append("splits: {train: 6, probe: 4, confirm: ")
                .append(CONFIRM)
                .append("}\ngate: {min-env-items: 0, screen-items: 4}\nseed: ")
                .append(SEED)
                .append("\nconcurrency: 4\n")
                .append(extra);
        Files.writeString(file, yaml);
        return file;
    }

    private Path models() throws IOException {
        Path file = dir.resolve("models.yaml");
        Files.writeString(
                file,
                "models:\n"
                        + "  simulated-agent: {provider: simulated, seed: 7, options: {role: agent}}\n"
                        + "  simulated-proposer: {provider: simulated, seed: 7, options: {role: proposer}}\n");
        return file;
    }

    private Cli eval(Path config, Path runs, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "eval",
                "--config",
                config.toString(),
                "--models",
                models().toString(),
                "--skills",
                "skills",
                "--prompts",
                "config/prompts",
                "--eval-dir",
                "eval",
                "--runs-dir",
                runs.toString()));
        args.addAll(List.of(more));
        return Cli.run(Host.of(Map.of(), FIXED), args.toArray(String[]::new));
    }

    static List<RecordedEvent> events(Path db) {
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(db);
                Stream<RecordedEvent> events = log.read(EventQuery.all())) {
            return events.toList();
        }
    }

    /** The latency in call records is measured; a fixed clock makes it (and recorded_at) zero in both runs. */
    @Test
    void theSameEvalAtConcurrencyOneAndSixteenWritesTheSameEventStream() throws IOException {
        Path config = config("");
        Cli one = eval(config, dir.resolve("c1"), "--campaign", "same", "--concurrency", "1");
        Cli sixteen = eval(config, dir.resolve("c16"), "--campaign", "same", "--concurrency", "16");
        assertEquals(ExitCodes.OK, one.exitCode(), one.all());
        assertEquals(ExitCodes.OK, sixteen.exitCode(), sixteen.all());
        List<RecordedEvent> a = events(dir.resolve("c1/same/events.db"));
        List<RecordedEvent> b = events(dir.resolve("c16/same/events.db"));
        assertEquals(2 + 2 * CONFIRM + 1, a.size(), "start, snapshot, a call and a score per episode, stop");
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            RecordedEvent x = a.get(i);
            RecordedEvent y = b.get(i);
            assertEquals(x.type(), y.type(), "event " + x.seq());
            assertEquals(x.payloadText(), y.payloadText(), "payload of event " + x.seq());
            assertEquals(x.idempotencyKey(), y.idempotencyKey(), "key of event " + x.seq());
            assertEquals(x.recordedAt(), y.recordedAt(), "recorded_at of event " + x.seq());
            assertArrayEquals(x.hash(), y.hash(), "hash of event " + x.seq());
        }
        assertEquals(instanceOrder(), scoredInstances(a), "episodes are appended in the split's instance order");
    }

    private static List<String> instanceOrder() {
        Splits splits = Splits.draw(EnvironmentCatalog.builtIn(), ENVS, new SplitSizes(6, 4, CONFIRM), SEED);
        return splits.confirm().stream().map(Instance::id).toList();
    }

    private static List<String> scoredInstances(List<RecordedEvent> events) {
        List<String> ids = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (e.event() instanceof EpisodeScored s) {
                assertEquals("confirm", s.split());
                ids.add(s.instanceId());
            }
        }
        return ids;
    }

    @Test
    void printsAccuracyPerEnvironmentAndFailureKindsLabelledAsTheSimulator() throws IOException {
        Path config = config("");
        Cli text = eval(config, dir.resolve("runs"), "--campaign", "text");
        assertEquals(ExitCodes.OK, text.exitCode(), text.all());
        assertTrue(text.out().contains("simulated world (simulator)"), text.out());
        assertTrue(text.err().contains("eval confirm 48/48"), "progress on standard error: " + text.err());
        assertFalse(text.out().contains("calls ·"), "no progress on standard output: " + text.out());
        for (String id : ENVS) {
            assertTrue(
                    text.out().lines().anyMatch(l -> l.startsWith(id + " ")), "a row for " + id + ":\n" + text.out());
        }
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("all ")), text.out());
        assertTrue(
                text.out()
                        .lines()
                        .anyMatch(l -> l.matches("all +48 +\\d+/48 = \\d+\\.\\d% \\[\\d+\\.\\d, \\d+\\.\\d\\] .*")),
                "accuracy with its count and 95% interval:\n" + text.out());

        Cli json = eval(config, dir.resolve("runs"), "--campaign", "json", "--json");
        assertEquals(ExitCodes.OK, json.exitCode(), json.all());
        JsonNode results = Json.parse(json.out());
        assertTrue(results.path("simulated").asBoolean());
        assertEquals("confirm", results.path("split").asText());
        assertEquals("eval-complete", results.path("stopReason").asText());
        assertEquals(CONFIRM, results.path("total").path("episodes").asInt());
        List<EpisodeScored> scored = new ArrayList<>();
        events(dir.resolve("runs/json/events.db")).forEach(e -> {
            if (e.event() instanceof EpisodeScored s) {
                scored.add(s);
            }
        });
        for (int i = 0; i < ENVS.size(); i++) {
            JsonNode row = results.path("environments").get(i);
            String id = ENVS.get(i);
            assertEquals(id, row.path("id").asText());
            long passed = scored.stream()
                    .filter(s -> s.envId().equals(id) && s.passed())
                    .count();
            long wrongStep = scored.stream()
                    .filter(s -> s.envId().equals(id) && s.failureKind().equals("wrong-step"))
                    .count();
            assertEquals(passed, row.path("passed").asLong(), id);
            assertEquals(wrongStep, row.path("failureKinds").path("wrong-step").asLong(0), id);
        }
    }

    @Test
    void aBudgetStopsTheEvaluationAfterTheEpisodeThatReachedItAtAnyConcurrency() throws IOException {
        Path config = config("budgets: {model-calls: 5}\n");
        Cli one = eval(config, dir.resolve("c1"), "--campaign", "b", "--concurrency", "1");
        Cli sixteen = eval(config, dir.resolve("c16"), "--campaign", "b", "--concurrency", "16");
        assertEquals(ExitCodes.OK, one.exitCode(), one.all());
        assertEquals(ExitCodes.OK, sixteen.exitCode(), sixteen.all());
        List<RecordedEvent> a = events(dir.resolve("c1/b/events.db"));
        List<RecordedEvent> b = events(dir.resolve("c16/b/events.db"));
        assertEquals(instanceOrder().subList(0, 5), scoredInstances(b));
        CampaignStopped stop = (CampaignStopped) b.get(b.size() - 1).event();
        assertEquals("budget-calls", stop.reason());
        assertEquals("5 model calls, exactly the budget of 5", stop.detail());
        assertEquals(a.get(a.size() - 1).hashHex(), b.get(b.size() - 1).hashHex(), "the same stream");
        assertTrue(sixteen.out().contains("budget-calls"), sixteen.out());
    }

    @Test
    void aSuiteIsEvaluatedAsOneRow() throws IOException {
        Cli cli = eval(config(""), dir.resolve("runs"), "--suite", "example", "--json");
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.all());
        JsonNode results = Json.parse(cli.out());
        assertEquals("all", results.path("split").asText(), "a suite is evaluated whole unless a split is asked for");
        long tasks = Files.readAllLines(Path.of("eval/example.jsonl")).stream()
                .filter(l -> !l.isBlank())
                .count();
        assertEquals(tasks, results.path("total").path("episodes").asLong());
        assertEquals(1, results.path("environments").size());
        JsonNode suite = results.path("environments").get(0);
        assertEquals("example", suite.path("id").asText());
        assertEquals(tasks, suite.path("tasks").size(), "a row per task of the suite: " + suite);
        int passed = 0;
        for (JsonNode task : suite.path("tasks")) {
            assertTrue(task.path("id").asText().startsWith("example/"), task.toString());
            assertEquals(1, task.path("episodes").asInt(), task.toString());
            assertTrue(task.path("low").asDouble() <= task.path("accuracy").asDouble(), task.toString());
            passed += task.path("passed").asInt();
        }
        assertEquals(suite.path("passed").asInt(), passed, "the tasks add up to the suite");
        assertTrue(suite.path("low").asDouble() < suite.path("high").asDouble(), suite.toString());

        Cli text = eval(config(""), dir.resolve("runs"), "--suite", "example", "--campaign", "suite-text");
        assertEquals(ExitCodes.OK, text.exitCode(), text.all());
        assertTrue(text.out().contains("\n  example/sqrt-two "), "an indented row per task:\n" + text.out());
    }

    @Test
    void anEvalNeedsNoProposerNeitherInTheConfigNorInTheModelsFile() throws IOException {
        Path config = Files.writeString(
                dir.resolve("agent-only.yaml"),
                "models: {agent: simulated-agent}\nenvironments: [units.roman]\nsplits: {train: 2, probe: 2, confirm: 6}\n");
        Path models = Files.writeString(
                dir.resolve("agent-models.yaml"),
                "models:\n  simulated-agent: {provider: simulated, seed: 7, options: {role: agent}}\n");
        Path runs = dir.resolve("runs");

        Cli cli = Cli.run(
                Host.of(Map.of(), FIXED),
                "eval",
                "--config",
                config.toString(),
                "--models",
                models.toString(),
                "--runs-dir",
                runs.toString(),
                "--campaign",
                "agent-only",
                "--skills",
                "skills",
                "--prompts",
                "config/prompts");

        assertEquals(ExitCodes.OK, cli.exitCode(), cli.all());
        JsonNode snapshot =
                Json.parse(events(runs.resolve("agent-only/events.db")).get(0).payloadText());
        assertEquals(
                List.of("simulated-agent"),
                Json.CANONICAL.convertValue(
                        snapshot.path("config").path("models").fieldNames(), List.class),
                "only the model that ran is recorded");
        Cli campaign = Cli.run(
                Host.of(Map.of(), FIXED),
                "run",
                "--config",
                config.toString(),
                "--models",
                models.toString(),
                "--runs-dir",
                runs.toString());
        assertEquals(ExitCodes.BAD_INPUT, campaign.exitCode(), campaign.all());
        assertTrue(campaign.err().contains("models.proposer: required to run a campaign"), campaign.err());
    }

    @Test
    void badInputExitsWithTwoAndWritesNothing() throws IOException {
        Path config = config("");
        Path runs = dir.resolve("runs");
        Cli unknown = eval(config, runs, "--envs", "units.roman,arith.ad");
        assertEquals(ExitCodes.BAD_INPUT, unknown.exitCode(), unknown.all());
        assertTrue(unknown.err().contains("unknown environment 'arith.ad'"), unknown.err());
        Cli split = eval(config, runs, "--split", "test");
        assertEquals(ExitCodes.BAD_INPUT, split.exitCode());
        assertTrue(split.err().contains("--split test: use one of train, probe, confirm, all"), split.err());
        Cli suite = eval(config, runs, "--suite", "missing");
        assertEquals(ExitCodes.BAD_INPUT, suite.exitCode());
        assertTrue(suite.err().contains("suite 'missing' not found"), suite.err());
        Cli model = eval(config, runs, "--model", "gpt-nothing");
        assertEquals(ExitCodes.BAD_INPUT, model.exitCode());
        assertTrue(model.err().contains("gpt-nothing"), model.err());
        Cli both = eval(config, runs, "--suite", "example", "--envs", "units.roman");
        assertEquals(ExitCodes.BAD_INPUT, both.exitCode());
        assertFalse(Files.exists(runs), "nothing is written on bad input");

        assertEquals(ExitCodes.OK, eval(config, runs, "--campaign", "once").exitCode());
        Cli again = eval(config, runs, "--campaign", "once");
        assertEquals(ExitCodes.BAD_INPUT, again.exitCode());
        assertTrue(again.err().contains("a log named once already exists"), again.err());
    }

    @Test
    void environmentIdsSplitAtCommasOutsideParentheses() {
        assertEquals(
                List.of("seq(a,par(b,c))", "d", "sort(e,f)"), EvalCommand.topLevelIds("seq(a,par(b,c)), d,sort(e,f)"));
    }
}
