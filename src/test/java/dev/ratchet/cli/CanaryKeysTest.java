package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.Redactor;
import dev.ratchet.model.bench.LoopbackOpenAiServer;
import dev.ratchet.model.bench.LoopbackOpenAiServer.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary keys end to end: a key set in the (injected) environment reaches the provider, and nothing
 * else: not the log file's bytes, not what a command prints, not the HTML report, even though the
 * loopback provider echoes the Authorization header into every answer and into a 401.
 */
class CanaryKeysTest {

    private static final String CANARY = "sk-canary-5d1e9b7a3c2f48e6b0a4c7";
    private static final Host HOST = Host.of(Map.of("RATCHET_CANARY_KEY", CANARY), EvalCommandTest.FIXED);

    @TempDir
    Path dir;

    private final List<String> seenAuthorization = new ArrayList<>();
    private final List<Cli> outputs = new ArrayList<>();

    private synchronized String authorization(LoopbackOpenAiServer.Request r) {
        seenAuthorization.add(r.header("authorization"));
        return r.header("authorization");
    }

    private Path models(LoopbackOpenAiServer answering, LoopbackOpenAiServer refusing) throws IOException {
        Path file = dir.resolve("models.yaml");
        String hosted = "    provider: openai\n    model: gpt-canary\n    api_key_env: RATCHET_CANARY_KEY\n"
                + "    price: {input_per_million: 1.0, output_per_million: 2.0}\n";
        Files.writeString(
                file,
                "models:\n  hosted:\n" + hosted + "    base_url: " + answering.baseUrl() + "\n"
                        + "  rejected:\n" + hosted + "    base_url: " + refusing.baseUrl() + "\n"
                        + "  simulated-proposer: {provider: simulated, seed: 7, options: {role: proposer}}\n");
        return file;
    }

    private Path config() throws IOException {
        Path file = dir.resolve("canary.yaml");
        Files.writeString(
                file,
                "models: {agent: hosted, proposer: simulated-proposer}\n"
                        + "environments: [units.roman, \"seq(arith.add,nt.digit-sum)\"]\n"
                        + "splits: {train: 2, probe: 2, confirm: 8}\ngate: {min-env-items: 0, screen-items: 2, min-items: 4, max-items: 8, chunk-items: 4}\nconcurrency: 4\n");
        return file;
    }

    private Cli ratchet(String... args) {
        Cli cli = Cli.run(HOST, args);
        outputs.add(cli);
        return cli;
    }

    private Cli eval(Path models, String id, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "eval",
                "--config",
                config().toString(),
                "--models",
                models.toString(),
                "--runs-dir",
                dir.resolve("runs").toString(),
                "--campaign",
                id));
        args.addAll(List.of(more));
        return ratchet(args.toArray(String[]::new));
    }

    @Test
    void aCanaryKeyReachesTheProviderAndNothingElse() throws IOException {
        try (LoopbackOpenAiServer answering = LoopbackOpenAiServer.start(
                        r -> Reply.completion("Answer: 42 (authorized as " + authorization(r) + ")", 30, 5), 4);
                LoopbackOpenAiServer refusing = LoopbackOpenAiServer.start(
                        r -> Reply.error(
                                401,
                                "{\"error\":{\"message\":\"Invalid key, you sent Authorization: " + authorization(r)
                                        + "\",\"type\":\"invalid_request_error\"}}",
                                Map.of("WWW-Authenticate", "Bearer realm=\"" + authorization(r) + "\"")),
                        2)) {
            Path models = models(answering, refusing);
            Cli ok = eval(models, "answered");
            assertEquals(ExitCodes.OK, ok.exitCode(), ok.all());
            Cli refused = eval(models, "refused", "--model", "rejected");
            assertEquals(ExitCodes.RUNTIME_FAILURE, refused.exitCode(), refused.all());
            assertTrue(refused.err().contains("401"), refused.err());
            assertEquals(
                    ExitCodes.BAD_INPUT,
                    ratchet("models", "check", "--models", models.toString(), "--model", "rejected")
                            .exitCode());
            for (String id : List.of("answered", "refused")) {
                String runs = dir.resolve("runs").toString();
                assertEquals(
                        ExitCodes.OK, ratchet("report", id, "--runs-dir", runs).exitCode());
                assertEquals(
                        ExitCodes.OK, ratchet("log", id, "--runs-dir", runs).exitCode());
                assertEquals(
                        ExitCodes.OK, ratchet("status", id, "--runs-dir", runs).exitCode());
            }
            assertTrue(seenAuthorization.contains("Bearer " + CANARY), "the key reached the provider");
        }
        assertTheEchoWasRecordedMasked();
        for (Cli cli : outputs) {
            assertClean("command output", cli.all());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.resolve("runs"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.endsWith("answered/report.html")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.endsWith("refused/report.html")), files.toString());
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertClean(file.toString(), bytes);
            all.append(bytes);
        }
        assertTrue(all.toString().contains("authorized as Bearer " + Redactor.MASK), "the scan reads the payloads");
    }

    /** The test means something only if the echoed key was there to leak: it was, and was masked. */
    private void assertTheEchoWasRecordedMasked() {
        List<RecordedEvent> answered = EvalCommandTest.events(dir.resolve("runs/answered/events.db"));
        EpisodeScored scored = answered.stream()
                .map(RecordedEvent::event)
                .filter(EpisodeScored.class::isInstance)
                .map(EpisodeScored.class::cast)
                .findFirst()
                .orElseThrow();
        assertTrue(scored.answer().contains("authorized as Bearer " + Redactor.MASK), scored.answer());
        List<RecordedEvent> refused = EvalCommandTest.events(dir.resolve("runs/refused/events.db"));
        assertTrue(refused.stream().anyMatch(e -> e.event() instanceof ModelCallRecorded c && c.response() == null));
        CampaignStopped stop = (CampaignStopped) refused.get(refused.size() - 1).event();
        assertEquals("provider-stopped", stop.reason());
    }

    private static void assertClean(String where, String text) {
        assertFalse(text.contains(CANARY), where + " leaks the key");
        assertFalse(text.contains(CANARY.substring(3)), where + " leaks part of the key");
    }
}
