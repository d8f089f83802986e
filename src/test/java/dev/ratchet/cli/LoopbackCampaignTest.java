package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.EventCodec;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.sqlite.SqliteEventLog;
import dev.ratchet.model.CachedModelClient;
import dev.ratchet.model.bench.LoopbackOpenAiServer.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole campaigns against a loopback OpenAI-compatible endpoint answered by the simulator. */
class LoopbackCampaignTest {

    private static final List<String> ENVS = List.of("arith.add");

    @TempDir
    Path dir;

    private Path runs() {
        return dir.resolve("runs");
    }

    private Cli run(SimulatedEndpoint endpoint, String modelExtras, String campaign) throws IOException {
        Path config = Files.writeString(
                dir.resolve("loop.yaml"),
                """
                name: loop
                models: {agent: loop-agent, proposer: loop-proposer}
                environments: [{id: arith.add}]
                splits: {train: 32, probe: 48, confirm: 24}
                batch-size: 16
                candidates: 2
                gate: {screen-items: 24, min-items: 48, max-items: 192, chunk-items: 48, alpha: 0.2}
                iterations: 2
                seed: 3
                """);
        Path models = Files.writeString(dir.resolve("models.yaml"), endpoint.modelsYaml(modelExtras));
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(prompts.resolve("10-role.md"), "You solve small tasks.\n");
        return Cli.run(
                "run",
                "--config",
                config.toString(),
                "--models",
                models.toString(),
                "--skills",
                Files.createDirectories(dir.resolve("skills")).toString(),
                "--prompts",
                prompts.toString(),
                "--runs-dir",
                runs().toString(),
                "--campaign",
                campaign,
                "--no-report");
    }

    private List<Event> events(String campaign) {
        try (SqliteEventLog log =
                        SqliteEventLog.openReadOnly(runs().resolve(campaign).resolve("events.db"));
                Stream<RecordedEvent> s = log.read(EventQuery.all())) {
            return s.map(RecordedEvent::event).toList();
        }
    }

    /** Every event but the calls (which say how each was answered) and the start (which names the campaign). */
    private static List<String> decisions(List<Event> events) {
        List<String> out = new ArrayList<>();
        for (Event e : events) {
            if (!(e instanceof ModelCallRecorded) && !(e instanceof CampaignStarted)) {
                out.add(e.type().typeName() + " " + new String(EventCodec.encode(e), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static List<ModelCallRecorded> calls(List<Event> events) {
        return events.stream()
                .filter(ModelCallRecorded.class::isInstance)
                .map(ModelCallRecorded.class::cast)
                .toList();
    }

    @Test
    void aSecondRunWithTheCacheMakesNoCallsAndDecidesAlike() throws IOException {
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(7, ENVS, 0)) {
            Cli first = run(endpoint, ", cache: true, price: {input_per_million: 1, output_per_million: 2}", "first");
            assertEquals(0, first.exitCode(), first.all());
            int requests = endpoint.requests();
            assertTrue(requests > 100, "the first run asked the endpoint: " + requests);

            Cli second = run(endpoint, ", cache: true, price: {input_per_million: 1, output_per_million: 2}", "second");

            assertEquals(0, second.exitCode(), second.all());
            assertEquals(requests, endpoint.requests(), "identical requests never reached the network");
            List<Event> a = events("first");
            List<Event> b = events("second");
            assertEquals(decisions(a), decisions(b), "the same decisions, event for event");
            List<ModelCallRecorded> original = calls(a);
            List<ModelCallRecorded> cached = calls(b);
            assertEquals(original.size(), cached.size());
            double saved = 0;
            for (int i = 0; i < cached.size(); i++) {
                ModelCallRecorded hit = cached.get(i);
                assertNull(original.get(i).cachedFrom(), "the first run paid for every call");
                assertNotNull(hit.cachedFrom(), hit.callId());
                assertEquals("first", hit.cachedFrom().campaign());
                assertEquals(hit.callId(), hit.cachedFrom().callId(), "the same call of the same config");
                assertEquals(CachedModelClient.CACHE_HIT, hit.attempts().get(0).result());
                assertEquals(original.get(i).requestHash(), hit.requestHash());
                saved += original.get(i).costUsd();
            }
            assertTrue(saved > 0);
            String summary = Files.readString(runs().resolve("second/summary.txt"));
            assertTrue(
                    summary.contains("model calls: " + cached.size() + ", " + cached.size()
                            + " answered from the response cache (saving USD "
                            + String.format(java.util.Locale.ROOT, "%.4f", saved) + ")"),
                    summary);
            assertTrue(Files.isDirectory(dir.resolve("cache")), "the cache sits beside the runs folder");

            Cli replay = Cli.run("replay", runs().resolve("second").toString());
            assertEquals(0, replay.exitCode(), "a run of cache hits replays exactly from its log: " + replay.all());
        }
    }

    @Test
    void episodesWhoseCallsFailForTheProvidersReasonsRunAgainAndNoDecisionChanges() throws IOException {
        String retries = ", retry: {max_attempts: 2, initial_backoff_seconds: 0.001, max_backoff_seconds: 0.002},"
                + " breaker: {window_calls: 1000, minimum_calls: 1000}";
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(7, ENVS, 0)) {
            assertEquals(0, run(endpoint, retries, "clean").exitCode());
            // A fifth of the requests, the agent's and the proposer's, fail twice, as many times as a
            // call retries: each such episode or proposer call fails for the provider's reasons once.
            java.util.Map<String, Integer> seen = new java.util.concurrent.ConcurrentHashMap<>();
            endpoint.failWith(r -> {
                String body = r.body().toString();
                return Math.floorMod(body.hashCode(), 5) == 0 && seen.merge(body, 1, Integer::sum) <= 2
                        ? Reply.error(503, "{\"error\":{\"message\":\"overloaded\"}}", java.util.Map.of())
                        : null;
            });
            Cli faulty = run(endpoint, retries, "faulty");

            assertEquals(0, faulty.exitCode(), faulty.all());
            List<Event> events = events("faulty");
            long interrupted = events.stream()
                    .filter(dev.ratchet.log.event.InterruptedCalls::is)
                    .count();
            assertTrue(interrupted > 10, "failed attempts are on record as interrupted calls: " + interrupted);
            assertTrue(
                    events.stream()
                            .anyMatch(e -> dev.ratchet.log.event.InterruptedCalls.is(e)
                                    && ((ModelCallRecorded) e).role().equals("proposer")),
                    "a proposer call failed too");
            assertTrue(
                    events.stream()
                            .noneMatch(e -> e instanceof dev.ratchet.log.event.EpisodeScored s
                                    && s.outcome().equals("infra")),
                    "no infrastructure failure is a score");
            assertEquals(
                    decisions(events("clean")), decisions(events), "the fault-free run's decisions, event for event");
            Cli replay = Cli.run("replay", runs().resolve("faulty").toString(), "--strict");
            assertEquals(0, replay.exitCode(), replay.all());
        }
    }

    @Test
    void anEpisodeThatKeepsFailingStopsTheCampaignUntilAResumeRunsIt() throws IOException {
        String retries = ", retry: {max_attempts: 1}, breaker: {window_calls: 1000, minimum_calls: 1000}";
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(7, ENVS, 0)) {
            assertEquals(0, run(endpoint, retries, "clean").exitCode());
            // One request body, the 40th the agent sends, fails every time until the provider recovers.
            String[] stuck = {null};
            java.util.concurrent.atomic.AtomicInteger agentRequests = new java.util.concurrent.atomic.AtomicInteger();
            endpoint.failWith(r -> {
                if (!SimulatedEndpoint.AGENT.equals(r.body().path("model").asText())) {
                    return null;
                }
                String body = r.body().toString();
                synchronized (stuck) {
                    if (stuck[0] == null && agentRequests.incrementAndGet() == 40) {
                        stuck[0] = body;
                    }
                }
                return body.equals(stuck[0])
                        ? Reply.error(503, "{\"error\":{\"message\":\"overloaded\"}}", java.util.Map.of())
                        : null;
            });
            Cli stopped = run(endpoint, retries, "faulty");

            assertEquals(3, stopped.exitCode(), stopped.all());
            assertTrue(
                    stopped.err().contains("failed for infrastructure reasons 3 times in a row (last: HTTP 503"),
                    stopped.err());
            assertTrue(stopped.err().contains("no decision uses it until it runs"), stopped.err());
            endpoint.failWith(null);
            Cli resumed = Cli.run("run", "--resume", "faulty", "--runs-dir", runs().toString(), "--no-report");
            assertEquals(0, resumed.exitCode(), resumed.all());
            assertEquals(decisions(events("clean")), decisions(events("faulty")));
            Cli replay = Cli.run("replay", runs().resolve("faulty").toString(), "--strict");
            assertEquals(0, replay.exitCode(), replay.all());
        }
    }

    @Test
    void withoutTheCacheEveryRunPays() throws IOException {
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(7, ENVS, 0)) {
            assertEquals(0, run(endpoint, "", "first").exitCode());
            int requests = endpoint.requests();
            assertEquals(0, run(endpoint, "", "second").exitCode());
            assertEquals(2 * requests, endpoint.requests(), "cache is off unless a model says cache: true");
            assertTrue(Files.notExists(dir.resolve("cache")));
        }
    }

    @Test
    void aProposerWhoseEditsNeverParseStopsTheCampaignSayingSo() throws IOException {
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(7, ENVS, 60)) {
            Cli cli = run(endpoint, "", "cut");

            assertEquals(0, cli.exitCode(), cli.all());
            String summary = Files.readString(runs().resolve("cut/summary.txt"));
            assertTrue(summary.contains(": proposer-failed — 0 of "), summary);
            assertTrue(summary.contains("proposals: 0 of "), summary);
            assertTrue(
                    summary.contains("proposals parsed: malformed twice: no JSON object found in the answer (the answer"
                            + " was cut off at the output-token limit, the proposer model's proposer.max_tokens)"),
                    summary);
            Cli status = Cli.run("status", "cut", "--runs-dir", runs().toString());
            assertTrue(status.out().contains("stopped (proposer-failed)"), status.out());
            assertTrue(status.out().contains("proposals  0 edits, 4 failed (no usable edit)"), status.out());
        }
    }
}
