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

/** The quick mode CI runs: a handful of decisions, every figure present, labelled as the simulator's. */
class CalibrateCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(
                dir.resolve("small.yaml"), LiveCampaign.config(5).replace("gate: {", "gate: {placebo: true, "));
        Files.writeString(dir.resolve("models.yaml"), LiveCampaign.MODELS);
    }

    private Cli calibrate(String... more) {
        String[] args = {
            "calibrate",
            "--config",
            dir.resolve("small.yaml").toString(),
            "--models",
            dir.resolve("models.yaml").toString(),
            "--plugins",
            dir.resolve("none").toString(),
            "--decisions",
            "4"
        };
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Cli.run(all);
    }

    @Test
    void reportsEveryFigureWithAnIntervalOnTheSimulator() {
        Cli result = calibrate();

        assertEquals(0, result.exitCode(), result.all());
        assertTrue(result.out().contains("on the simulated world (a deterministic simulator, not a real model)"));
        for (String figure : new String[] {
            "promotions that are truly harmful:",
            "promotions regressing some environment >= 5 points:",
            "power, candidates truly >= +5 points:",
            "decisions with such an edit, a helpful one promoted:",
            "reported vs true gain of promotions:",
            "placebo pass rate:",
            "agent calls per decision:",
            "earlier rule, same candidates: promotions truly harmful:"
        }) {
            assertTrue(result.out().contains(figure), figure + "\n" + result.out());
        }
        assertTrue(result.out().matches("(?s).*placebo pass rate:\\s+\\d+/\\d+ = .*%.*\\[.*%, .*%].*"), result.out());
        assertTrue(result.err().contains("decisions"), "progress goes to stderr");
    }

    @Test
    void jsonCountsEveryDecisionAndEveryPlacebo() {
        Cli result = calibrate("--json");

        assertEquals(0, result.exitCode(), result.all());
        JsonNode root = Json.parse(result.out());
        int decisions = root.get("decisions").asInt();
        assertTrue(decisions >= 4, result.out());
        assertEquals(decisions, root.get("figures").get("placebo").get("total").asInt(), "one placebo a decision");
        assertTrue(root.get("figures").get("calls").get("median").asInt() > 0);
        assertTrue(root.get("simulated").asBoolean());
    }

    @Test
    void aBadDecisionCountIsAUsageError() {
        Cli result = Cli.run("calibrate", "--decisions", "0");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--decisions must be at least 1"), result.err());
    }
}
