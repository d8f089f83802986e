package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider that refuses every connection, with a short breaker so that the outage window passes
 * in well under a second of real time: what a user sees on standard error while runs wait for it.
 */
class ProviderDownTest {

    @TempDir
    Path dir;

    /** A loopback port nobody listens on: connections to it are refused. */
    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private String[] args(String command, int port, String... more) throws IOException {
        Path config = Files.writeString(
                dir.resolve("down.yaml"),
                """
                models: {agent: dead, proposer: dead}
                environments: [{id: arith.add}]
                splits: {train: 8, probe: 8, confirm: 6}
                batch-size: 4
                gate: {screen-items: 4, min-items: 8, max-items: 16, chunk-items: 8, min-env-items: 0}
                concurrency: 2
                """);
        Path models = Files.writeString(
                dir.resolve("models.yaml"),
                "models:\n  dead: {provider: openai, base_url: http://127.0.0.1:" + port + "/v1, model: m,"
                        + " retry: {max_attempts: 2, initial_backoff_seconds: 0.01, max_backoff_seconds: 0.02},"
                        + " breaker: {window_calls: 2, minimum_calls: 2, open_seconds: 0.05,"
                        + " max_outage_seconds: 0.3}}\n");
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(prompts.resolve("10-role.md"), "You solve small tasks.\n");
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(
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
        all.addAll(java.util.List.of(more));
        return all.toArray(String[]::new);
    }

    /** The breaker measures the outage on the host's clock, so these runs take real (short) time. */
    private static Cli run(String... args) {
        return Cli.run(Host.of(Map.of(), Clock.systemUTC()), args);
    }

    @Test
    void anEvalSaysAtOnceWhatItWaitsForAndUntilWhenAndNeverSuggestsResume() throws IOException {
        int port = deadPort();
        Cli cli = run(args("eval", port, "--campaign", "down"));

        assertEquals(3, cli.exitCode(), cli.all());
        String err = cli.err();
        int waiting = err.indexOf("ratchet: waiting for model 'dead' at 127.0.0.1:" + port + ": connection-refused");
        assertTrue(waiting >= 0, err);
        assertTrue(
                Pattern.compile("calls wait until about \\d\\d:\\d\\d:\\d\\d UTC")
                        .matcher(err)
                        .find(),
                err);
        assertTrue(waiting < err.indexOf("the evaluation stopped"), "said before it stopped: " + err);
        assertFalse(err.contains("resume"), "an eval has no --resume: " + err);
        assertTrue(err.contains("run the eval again once the provider answers"), err);
    }

    @Test
    void aCampaignSaysWhatItWaitsForAndHowToContinue() throws IOException {
        int port = deadPort();
        Cli cli = run(args("run", port, "--campaign", "down", "--no-report"));

        assertEquals(3, cli.exitCode(), cli.all());
        String err = cli.err();
        assertTrue(
                err.contains("ratchet: waiting for model 'dead' at 127.0.0.1:" + port + ": connection-refused"), err);
        assertTrue(err.contains("the circuit breaker is open, calls pause until "), err);
        assertTrue(err.contains("continue it with: ratchet run --resume down"), err);
    }
}
