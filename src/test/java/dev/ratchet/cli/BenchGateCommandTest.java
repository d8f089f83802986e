package dev.ratchet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.campaign.LiveCampaign;
import dev.ratchet.log.event.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchGateCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("small.yaml"), LiveCampaign.config(3));
        Files.writeString(dir.resolve("models.yaml"), LiveCampaign.MODELS);
    }

    private Cli bench(String... more) {
        String[] args = {
            "bench",
            "gate",
            "--config",
            dir.resolve("small.yaml").toString(),
            "--models",
            dir.resolve("models.yaml").toString(),
            "--plugins",
            dir.resolve("none").toString()
        };
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Cli.run(all);
    }

    @Test
    void printsEachSeedPairAndTheTotalsOnTheSimulator() {
        Cli result = bench("--seeds", "2");

        assertEquals(0, result.exitCode(), result.all());
        assertTrue(result.out().contains("on the simulated world (a deterministic simulator), 2 seed pair(s)"));
        assertTrue(
                result.out().matches("(?s).*\\n\\s+3\\s+11\\s+\\d+\\s+\\d+\\s+0\\.\\d{3} -> 0\\.\\d{3}.*"),
                result.out());
        assertTrue(result.out().matches("(?s).*\\n\\s+4\\s+12\\s+\\d+.*"), result.out());
        assertTrue(result.out().contains("final library truly better than the start: "), result.out());
        assertTrue(result.out().contains("a truly harmful edit promoted: "), result.out());
        assertTrue(result.out().contains("truly helpful candidates rejected: "), result.out());
    }

    @Test
    void jsonHoldsTheSameFiguresAsTheTable() {
        JsonNode json = Json.parse(bench("--seeds", "2", "--json").out());

        assertEquals("gate", json.path("bench").asText());
        assertEquals(2, json.path("runs").size());
        JsonNode first = json.path("runs").get(0);
        assertEquals(3, first.path("campaignSeed").asLong());
        assertEquals(11, first.path("simulatorSeed").asLong());
        long promotions = 0;
        for (JsonNode run : json.path("runs")) {
            promotions += run.path("promotions").asLong();
            assertTrue(run.path("trueAccuracyBefore").asDouble() > 0);
        }
        assertEquals(promotions, json.path("totals").path("promotions").asLong());
        assertEquals(2, json.path("totals").path("seeds").asInt());
    }

    @Test
    void aConfigOnARealModelIsRefusedBeforeAnythingRuns() throws IOException {
        Files.writeString(
                dir.resolve("models.yaml"),
                LiveCampaign.MODELS
                        + "  sim-proposer-real: {provider: openai, model: m, base_url: http://127.0.0.1:9}\n");
        Files.writeString(
                dir.resolve("small.yaml"),
                LiveCampaign.config(3).replace("proposer: sim-proposer}", "proposer: sim-proposer-real}"));

        Cli result = bench("--seeds", "1");

        assertEquals(ExitCodes.BAD_INPUT, result.exitCode(), result.all());
        assertTrue(result.err().contains("model 'sim-proposer-real' is provider openai"), result.err());
    }

    @Test
    void fewerThanOneSeedIsBadInput() {
        Cli result = bench("--seeds", "0");

        assertEquals(ExitCodes.BAD_INPUT, result.exitCode(), result.all());
        assertTrue(result.err().contains("--seeds must be at least 1"), result.err());
    }
}
