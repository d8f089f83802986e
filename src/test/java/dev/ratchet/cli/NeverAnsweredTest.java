package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.model.bench.LoopbackOpenAiServer;
import dev.ratchet.model.bench.LoopbackOpenAiServer.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Anthropic or Ollama endpoint that answers 200 with a body no adapter can read: the agent never
 * gets an answer, and the run says so with exit 3 instead of reporting success.
 */
class NeverAnsweredTest {

    private static final String KEY = "sk-ant-canary-0123456789abcdef";
    private static final String BODY = "{\"unexpected\": true, \"echo\": \"" + KEY + "\"}";

    @TempDir
    Path dir;

    private String[] args(String command, LoopbackOpenAiServer server, String provider, String... more)
            throws IOException {
        Path config = Files.writeString(
                dir.resolve("mute.yaml"),
                """
                models: {agent: mute, proposer: mute}
                environments: [{id: arith.add}]
                splits: {train: 8, probe: 8, confirm: 6}
                batch-size: 4
                gate: {screen-items: 4, min-items: 8, max-items: 16, chunk-items: 8, min-env-items: 0}
                iterations: 2
                concurrency: 2
                """);
        // The breaker is kept out of the way: this is about calls that fail, not about an outage.
        String url = provider.equals("ollama") ? server.baseUrl().replace("/v1", "") : server.baseUrl();
        Path models = Files.writeString(
                dir.resolve("models.yaml"),
                "models:\n  mute: {provider: " + provider + ", base_url: " + url + ", model: m,"
                        + (provider.equals("anthropic") ? " api_key_env: MUTE_KEY," : "")
                        + " retry: {max_attempts: 2, initial_backoff_seconds: 0.01, max_backoff_seconds: 0.02},"
                        + " breaker: {window_calls: 1000, minimum_calls: 1000}}\n");
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

    private static Cli run(String... args) {
        return Cli.run(Host.of(Map.of("MUTE_KEY", KEY), Clock.systemUTC()), args);
    }

    private static void assertSaysWhy(Cli cli) {
        assertEquals(3, cli.exitCode(), cli.all());
        String err = cli.err();
        assertTrue(err.contains("the agent's model never answered"), err);
        assertTrue(err.contains("HTTP 200 malformed-response after 2 attempts"), err);
        assertTrue(err.contains("{\"unexpected\": true"), "an excerpt of what the provider said: " + err);
        assertFalse(cli.all().contains(KEY), "never the key: " + cli.all());
    }

    @Test
    void aCampaignWhoseAgentNeverGotAnAnswerStopsWithExitThree() throws IOException {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(r -> Reply.error(200, BODY, Map.of()), 4)) {
            Cli cli = run(args("run", server, "anthropic", "--campaign", "mute", "--no-report"));

            assertSaysWhy(cli);
            assertFalse(cli.all().contains("stopped: iterations"), cli.all());
            assertTrue(cli.err().contains("continue it with: ratchet run --resume mute"), cli.err());
        }
    }

    @Test
    void anEvalWhoseAgentNeverGotAnAnswerStopsWithExitThree() throws IOException {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(r -> Reply.error(200, BODY, Map.of()), 4)) {
            Cli cli = run(args("eval", server, "ollama", "--campaign", "mute"));

            assertSaysWhy(cli);
            assertTrue(cli.err().contains("all 6 episodes so far failed before an answer"), cli.err());
        }
    }
}
