package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.model.bench.LoopbackOpenAiServer;
import dev.ratchet.model.bench.LoopbackOpenAiServer.Reply;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelsCommandTest {

    private static final String CANARY = "sk-canary-1b2c3d4e5f60718293a4";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Function<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new ModelsCommand(env, Map.of()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path models(String yaml) throws IOException {
        Path file = dir.resolve("models.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private Path loopback(LoopbackOpenAiServer server, String extra) throws IOException {
        return models("models:\n  local:\n    provider: openai\n    model: loopback\n    base_url: " + server.baseUrl()
                + "\n    price: {input_per_million: 1000000, output_per_million: 0}\n" + extra);
    }

    @Test
    void aWorkingModelPrintsLatencyUsageAndTheReply() throws IOException {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(r -> Reply.completion("OK", 12, 3), 2)) {
            int code =
                    run(name -> null, "check", "--models", loopback(server, "").toString());
            assertEquals(ExitCodes.OK, code, err.toString());
            assertTrue(out.toString().contains("model local: openai loopback at " + server.baseUrl()), out.toString());
            assertTrue(out.toString().contains("ok in "), out.toString());
            assertTrue(out.toString().contains("usage 12 input + 3 output tokens; cost $12.000000"), out.toString());
            assertTrue(out.toString().contains("reply: OK"), out.toString());
            assertEquals(1, server.requests());
        }
    }

    @Test
    void anUnavailableProviderExitsWithThree() throws IOException {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(r -> Reply.error(503, "", Map.of()), 2)) {
            int code =
                    run(name -> null, "check", "--models", loopback(server, "").toString());
            assertEquals(ExitCodes.RUNTIME_FAILURE, code);
            assertTrue(
                    err.toString().contains("the provider is unavailable: infrastructure after 2 attempt(s)"),
                    err.toString());
        }
    }

    @Test
    void aRejectedKeyExitsWithTwoAndNeverShowsTheKey() throws IOException {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(
                r -> Reply.error(
                        401, "{\"error\":{\"message\":\"bad key " + r.header("authorization") + "\"}}", Map.of()),
                2)) {
            Path file = loopback(server, "    api_key_env: CANARY_KEY\n");
            int code = run(name -> "CANARY_KEY".equals(name) ? CANARY : null, "check", "--models", file.toString());
            assertEquals(ExitCodes.BAD_INPUT, code);
            assertTrue(err.toString().contains("HTTP 401"), err.toString());
            assertTrue(err.toString().contains("CANARY_KEY"), err.toString());
            assertFalse(out.toString().contains(CANARY) || err.toString().contains(CANARY), err.toString());
        }
    }

    @Test
    void configMistakesExitWithTwo() throws IOException {
        Path file = models("models:\n  a:\n    provider: openai\n    model: m\n    max_token: 5\n"
                + "  b:\n    provider: ollama\n    model: m\n");
        assertEquals(ExitCodes.BAD_INPUT, run(name -> null, "check", "--models", file.toString(), "--model", "a"));
        assertTrue(err.toString().contains(file + ":5: models.a.max_token: unknown key"), err.toString());

        Path two =
                models("models:\n  a:\n    provider: ollama\n    model: m\n  b:\n    provider: ollama\n    model: m\n");
        assertEquals(ExitCodes.BAD_INPUT, run(name -> null, "check", "--models", two.toString()));
        assertTrue(
                err.toString().contains("choose one with --model (a, b) or a campaign's with --config FILE"),
                err.toString());

        Path keyed = models("models:\n  h:\n    provider: openai\n    model: m\n    api_key_env: UNSET_KEY\n");
        assertEquals(ExitCodes.BAD_INPUT, run(name -> null, "check", "--models", keyed.toString()));
        assertTrue(err.toString().contains("environment variable UNSET_KEY (api_key_env) is not set"), err.toString());
    }

    @Test
    void configIsACampaignConfigAsEverywhereElseAndChecksItsAgentAndProposer() throws IOException {
        Path file =
                models("models:\n  simulated-agent:\n    provider: simulated\n    seed: 7\n    options: {role: agent}\n"
                        + "  simulated-proposer:\n    provider: simulated\n    seed: 7\n    options: {role: proposer}\n"
                        + "  unused:\n    provider: ollama\n    model: m\n");
        Path campaign = Files.writeString(
                dir.resolve("campaign.yaml"),
                "models: {agent: simulated-agent, proposer: simulated-proposer}\nenvironments: [arith.add]\n");

        int code = run(n -> null, "check", "--models", file.toString(), "--config", campaign.toString());

        assertEquals(ExitCodes.OK, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("model simulated-agent: "), text);
        assertTrue(text.contains("model simulated-proposer: "), text);
        assertFalse(text.contains("model unused"), "only the campaign's models: " + text);
        assertEquals(
                ExitCodes.BAD_INPUT,
                run(n -> null, "check", "--config", file.toString()),
                "a models file is not a campaign config");
    }

    @Test
    void theSimulatorAnswersTheCheckAndIsLabelledAsSuch() throws IOException {
        Path file = models(
                "models:\n  simulated-agent:\n    provider: simulated\n    seed: 7\n    options: {role: agent}\n"
                        + "  simulated-proposer:\n    provider: simulated\n    seed: 7\n    options: {role: proposer}\n");
        for (String name : new String[] {"simulated-agent", "simulated-proposer"}) {
            int code = run(n -> null, "check", "--models", file.toString(), "--model", name);
            assertEquals(ExitCodes.OK, code, err.toString());
        }
        String text = out.toString();
        assertTrue(text.contains("model simulated-agent: simulated world (simulator) as the agent, seed 7"), text);
        assertTrue(text.contains("model simulated-proposer: simulated world (simulator) as the proposer"), text);
        assertTrue(text.contains("ok in "), text);
        assertTrue(text.contains("usage "), text);
        assertTrue(text.contains("reply: I could not find a task I recognise"), "the agent's answer: " + text);
        assertTrue(text.contains("reply: I could not find the failure summary"), "the proposer's answer: " + text);
        assertTrue(text.contains("simulated world (simulator): a deterministic stand-in answered"), text);
    }
}
