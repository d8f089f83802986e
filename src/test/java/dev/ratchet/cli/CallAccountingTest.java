package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.model.bench.LoopbackOpenAiServer;
import dev.ratchet.model.bench.LoopbackOpenAiServer.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reached the endpoint against what the log and the stop event say: a call budget is never
 * passed by calls started after it would be, and every request the endpoint saw is in the record.
 */
class CallAccountingTest {

    @TempDir
    Path dir;

    private String[] args(String command, String modelsYaml, String extraConfig, String... more) throws IOException {
        Path config = Files.writeString(
                dir.resolve("acct.yaml"),
                """
                name: acct
                models: {agent: loop-agent, proposer: loop-proposer}
                environments: [{id: arith.add}]
                splits: {train: 32, probe: 48, confirm: 24}
                batch-size: 16
                candidates: 2
                gate: {screen-items: 24, min-items: 48, max-items: 192, chunk-items: 48, alpha: 0.2}
                iterations: 2
                seed: 3
                concurrency: 8
                """
                        + extraConfig);
        Path models = Files.writeString(dir.resolve("models.yaml"), modelsYaml);
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(prompts.resolve("10-role.md"), "You solve small tasks.\n");
        List<String> all = new ArrayList<>(List.of(
                command,
                "--config",
                config.toString(),
                "--models",
                models.toString(),
                "--skills",
                Files.createDirectories(dir.resolve("skills")).toString(),
                "--prompts",
                prompts.toString(),
                "--runs-dir",
                dir.resolve("runs").toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private List<Event> events(String id) {
        try (SqliteEventLog log = SqliteEventLog.openReadOnly(
                        dir.resolve("runs").resolve(id).resolve("events.db"));
                Stream<RecordedEvent> s = log.read(EventQuery.all())) {
            return s.map(RecordedEvent::event).toList();
        }
    }

    private static int attempts(List<Event> events) {
        return events.stream()
                .filter(ModelCallRecorded.class::isInstance)
                .mapToInt(e -> ((ModelCallRecorded) e).attempts().size())
                .sum();
    }

    private static CampaignStopped stop(List<Event> events) {
        return (CampaignStopped) events.get(events.size() - 1);
    }

    @Test
    void aCampaignNeverStartsACallPastItsCallBudget() throws IOException {
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(7, List.of("arith.add"), 0)) {
            // 24 confirm episodes, then a batch of 16: the budget falls inside the batch.
            Cli cli = Cli.run(args(
                    "run", endpoint.modelsYaml(""), "budgets: {model-calls: 30}\n", "--campaign", "c", "--no-report"));

            assertEquals(0, cli.exitCode(), cli.all());
            assertEquals(30, endpoint.requests(), "the endpoint saw exactly the budget");
            List<Event> events = events("c");
            assertEquals(30, attempts(events));
            assertEquals("budget-calls", stop(events).reason());
            assertEquals(
                    "30 model calls, exactly the budget of 30", stop(events).detail());
        }
    }

    @Test
    void anEvalAtHighConcurrencyNeverStartsACallPastItsCallBudget() throws IOException {
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(7, List.of("arith.add"), 0)) {
            Cli cli = Cli.run(args(
                    "eval",
                    endpoint.modelsYaml(""),
                    "budgets: {model-calls: 5}\n",
                    "--campaign",
                    "e",
                    "--concurrency",
                    "16"));

            assertEquals(0, cli.exitCode(), cli.all());
            assertEquals(5, endpoint.requests(), "in flight past the budget: " + endpoint.requests());
            assertEquals(
                    "5 model calls, exactly the budget of 5", stop(events("e")).detail());
        }
    }

    @Test
    void aCampaignStoppedByARejectedKeyRecordsEveryRequestAndStillReplaysAndResumes() throws IOException {
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(7, List.of("arith.add"), 0)) {
            // From the 30th request on the key is refused, slowly enough that several calls are in flight.
            endpoint.failWith(r -> r.number() >= 30
                    ? Reply.error(401, "{\"error\":{\"message\":\"Incorrect API key\"}}", Map.of())
                            .after(java.time.Duration.ofMillis(100))
                    : null);
            Cli stopped = Cli.run(args("run", endpoint.modelsYaml(""), "", "--campaign", "s", "--no-report"));

            assertEquals(3, stopped.exitCode(), stopped.all());
            assertTrue(endpoint.requests() > 30, "several refused requests: " + endpoint.requests());
            assertEquals(endpoint.requests(), attempts(events("s")), "every request is in the call record");
            String runs = dir.resolve("runs").toString();
            Cli replayStopped = Cli.run("replay", "s", "--runs-dir", runs);
            assertEquals(0, replayStopped.exitCode(), replayStopped.all());

            endpoint.failWith(null);
            Cli resumed = Cli.run("run", "--resume", "s", "--runs-dir", runs, "--no-report");
            assertEquals(0, resumed.exitCode(), resumed.all());
            assertEquals(endpoint.requests(), attempts(events("s")), "every request is in the call record");
            Cli replay = Cli.run("replay", "s", "--runs-dir", runs, "--strict");
            assertEquals(0, replay.exitCode(), replay.all());
        }
    }

    @Test
    void anEvalStoppedByARejectedKeyRecordsEveryRequestTheEndpointSaw() throws IOException {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(
                r -> Reply.error(401, "{\"error\":{\"message\":\"Incorrect API key\"}}", Map.of())
                        .after(java.time.Duration.ofMillis(100)),
                8)) {
            String models = "models:\n  loop-agent: {provider: openai, base_url: " + server.baseUrl()
                    + ", model: m, max_concurrent_calls: 8}\n";
            Cli cli = Cli.run(args("eval", models, "", "--campaign", "k", "--concurrency", "4"));

            assertEquals(3, cli.exitCode(), cli.all());
            assertTrue(server.requests() > 1, "several requests were in flight: " + server.requests());
            assertEquals(server.requests(), attempts(events("k")), "every request is in the call record");
        }
    }
}
