package dev.ratchet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignConfigLoaderTest {

    private static final String MINIMAL =
            """
            models:
              agent: sim-agent
              proposer: sim-proposer
            environments:
              - arith.add
            """;

    private static CampaignConfig parse(String yaml) {
        return CampaignConfigLoader.parse(yaml, "config/test.yaml", "test");
    }

    private static String error(String yaml) {
        return assertThrows(CampaignConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void aMinimalFileGetsEveryDefault() {
        CampaignConfig c = parse(MINIMAL);

        assertEquals("test", c.name());
        assertEquals(new CampaignConfig.Models("sim-agent", "sim-proposer"), c.models());
        assertEquals(List.of(new CampaignConfig.EnvironmentShare("arith.add", 1.0)), c.environments());
        assertEquals(48, c.batchSize());
        assertEquals(4, c.candidates());
        assertEquals(CampaignConfigParts.Gate.defaults(), c.gate());
        assertEquals(192, c.gate().screenItems());
        assertEquals(2, c.gate().finalists());
        assertEquals(0.01, c.gate().alpha());
        assertEquals(10, c.library().maxSkills());
        assertEquals(3, c.stopAfterDiscards());
        assertEquals(CampaignConfigParts.Budgets.unlimited(), c.budgets());
        assertEquals(CampaignConfigParts.Splits.defaults(), c.splits());
    }

    @Test
    void everyKeyIsRead() {
        CampaignConfig c = parse(
                """
                name: nightly
                models: {agent: a, proposer: p}
                environments:
                  - {id: "seq(arith.add,arith.mul)", weight: 2.5}
                  - arith.add
                suites: [{name: example, weight: 1}]
                splits: {train: 100, probe: 80, confirm: 50}
                batch-size: 24
                candidates: 2
                gate: {screen-items: 60, finalists: 2, samples-per-item: 3, alpha: 0.02, futility-beta: 0.1, min-effect: 3,
                  min-items: 120, min-env-items: 30, max-items: 600, chunk-items: 60, regression-margin: 4, guard-alpha: 0.1, placebo: true}
                library: {max-skills: 5, max-skill-chars: 800, max-section-chars: 2000}
                iterations: 7
                budgets: {model-calls: 5000, tokens: 2000000, cost-usd: 3.5, wall-time: 1h30m}
                stop-after-discards: 2
                seed: 99
                concurrency: 16
                """);

        assertEquals("nightly", c.name());
        assertEquals(2.5, c.environments().get(0).weight());
        assertEquals("seq(arith.add,arith.mul)", c.environments().get(0).id());
        assertEquals(List.of(new CampaignConfig.SuiteShare("example", 1.0)), c.suites());
        assertEquals(new CampaignConfigParts.Splits(100, 80, 50), c.splits());
        assertEquals(
                new CampaignConfigParts.Gate(60, 2, 3, 0.02, 0.1, 3, 120, 30, 600, 60, 4, 0.1, true, 1, "warn"),
                c.gate());
        assertEquals(new CampaignConfigParts.LibraryCaps(5, 800, 2000), c.library());
        assertEquals(new CampaignConfigParts.Budgets(5000L, 2_000_000L, 3.5, Duration.ofMinutes(90)), c.budgets());
        assertEquals(24, c.batchSize());
        assertEquals(2, c.candidates());
        assertEquals(7, c.iterations());
        assertEquals(2, c.stopAfterDiscards());
        assertEquals(99, c.seed());
        assertEquals(16, c.concurrency());
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        String message = error(MINIMAL + "gate:\n  screen-itens: 12\n");

        assertTrue(message.startsWith("config/test.yaml:7: gate.screen-itens: unknown key"), message);
        assertTrue(message.contains("screen-items"), message);

        // The line is the key's, not the end of the mapping where the mistake was noticed.
        assertTrue(error(MINIMAL + "gate:\n  screen-itens: 12\n  alpha: 0.1\n\nseed: 3\n")
                .startsWith("config/test.yaml:7: gate.screen-itens: unknown key"));
        assertTrue(error("batchsize: 3\n" + MINIMAL + "seed: 3\n")
                .startsWith("config/test.yaml:1: batchsize: unknown key"));
    }

    @Test
    void anIllTypedValueNamesTheKeyAndTheExpectedType() {
        assertEquals(
                "config/test.yaml:6: batch-size: expected an integer, got \"many\"",
                error(MINIMAL + "batch-size: many\n"));
        assertTrue(error(MINIMAL + "batch-size: 4.5\n").contains("batch-size: expected an integer"));
        assertTrue(error(MINIMAL + "gate:\n  alpha: [1]\n").contains("gate.alpha: expected a number"));
        assertTrue(error(MINIMAL + "gate: 3\n").contains("gate: expected a mapping of keys"));
    }

    @Test
    void outOfRangeValuesAreRejectedByKey() {
        assertTrue(error(MINIMAL + "gate: {alpha: 1.5}\n").contains("gate.alpha"));
        assertTrue(error(MINIMAL + "batch-size: 0\n").contains("batch-size: must be at least 1"));
        assertTrue(error(MINIMAL + "splits: {probe: 0}\n").contains("splits.probe"));
        assertTrue(error(MINIMAL + "budgets: {wall-time: soon}\n").contains("budgets.wall-time"));
        assertTrue(error("models: {agent: a, proposer: b}\nenvironments: [{id: a, weight: -1}]\n")
                .contains("environments.weight"));
    }

    /** Error rates outside (0, 0.5), a cap below the minimum sample, more finalists than candidates. */
    @Test
    void badGateSettingsNameTheirLine() {
        assertTrue(error(MINIMAL + "gate:\n  alpha: 0.5\n")
                .startsWith("config/test.yaml:7: gate.alpha: an error rate must be in (0, 0.5), got 0.5"));
        assertTrue(error(MINIMAL + "gate:\n  futility-beta: 0\n").startsWith("config/test.yaml:7: gate.futility-beta"));
        assertTrue(error(MINIMAL + "gate:\n  min-items: 500\n  max-items: 100\n")
                .startsWith("config/test.yaml:8: gate.max-items: must be at least gate.min-items (500)"));
        assertTrue(error(MINIMAL + "gate:\n  finalists: 5\n")
                .startsWith("config/test.yaml:7: gate.finalists: at most candidates (4) can be forwarded, got 5"));
        assertTrue(error("candidates: 1\n" + MINIMAL + "gate:\n  finalists: 2\n")
                .startsWith("config/test.yaml:8: gate.finalists: at most candidates (1)"));
        assertTrue(error(MINIMAL + "gate:\n  screen-items: 1\n").startsWith("config/test.yaml:7: gate.screen-items"));
        assertTrue(error(MINIMAL + "  - {id: units.roman, weight: 9}\ngate:\n  min-env-items: 200\n")
                .startsWith("config/test.yaml:8: gate.min-env-items: the smallest environment's share (10.0%) of"
                        + " gate.max-items (1500) is about 150 items, fewer than 200"));
    }

    /**
     * A suite's tasks are drawn with replacement, so a gate larger than the probe split repeats them:
     * warned about by default, refused when asked, with the figures that explain it.
     */
    @Test
    void aGateThatWouldRedrawSuiteTasksIsWarnedAboutOrRefused() {
        String suites = MINIMAL + "suites: [example]\nsplits: {probe: 200}\n";
        assertEquals(java.util.Optional.empty(), parse(MINIMAL).suiteReuseWarning(), "no suite, nothing to reuse");
        String warning = parse(suites).suiteReuseWarning().orElseThrow();
        assertTrue(
                warning.startsWith("each suite task may be drawn about 8.5 times per library version"
                        + " (gate.screen-items 192 + gate.max-items 1500 over a probe split of 200), above the limit"
                        + " of 1.0"),
                warning);
        assertTrue(parse(suites + "gate:\n  suite-reuse-limit: 9\n")
                .suiteReuseWarning()
                .isEmpty());
        assertTrue(error(suites + "gate:\n  suite-reuse: refuse\n")
                .startsWith("config/test.yaml:9: gate.suite-reuse: refused: each suite task may be drawn about 8.5"
                        + " times"));
        assertTrue(error(suites + "gate:\n  suite-reuse: sometimes\n")
                .startsWith("config/test.yaml:9: gate.suite-reuse: must be warn or refuse, got 'sometimes'"));
        assertTrue(error(suites + "gate:\n  suite-reuse-limit: 0\n")
                .startsWith("config/test.yaml:9: gate.suite-reuse-limit: must be above 0"));
    }

    @Test
    void modelsAndEnvironmentsAreRequired() {
        assertTrue(error("environments: [a]\n").contains("models: required"));
        IllegalArgumentException noProposer =
                assertThrows(IllegalArgumentException.class, () -> CampaignConfigLoader.parse(
                                "models: {agent: a}\nenvironments: [a]\n", "t.yaml", "t")
                        .models()
                        .requiredProposer());
        assertTrue(
                noProposer.getMessage().contains("models.proposer: required to run a campaign"),
                "an eval runs without a proposer, a campaign does not: " + noProposer.getMessage());
        assertTrue(error("models: {agent: a, proposer: b}\n").contains("environments: at least one"));
        assertTrue(error(MINIMAL + "  - arith.add\n").contains("'arith.add' is listed twice"));
    }

    /** Each error cites the line of the key it is about, not line 1 or the end of its mapping. */
    @Test
    void sizeEnvironmentAndProbeErrorsCiteTheKeysLine() {
        String head = "models:\n  agent: a\n  proposer: b\nenvironments:\n  - arith.add\nseed: 3\n";
        assertEquals(
                "config/test.yaml:8: splits.train: must be at least 1, got 0", error(head + "splits:\n  train: 0\n"));
        assertEquals(
                "config/test.yaml:8: budgets.model-calls: must be at least 1, got 0",
                error(head + "budgets:\n  model-calls: 0\n"));
        assertEquals("config/test.yaml:7: candidates: must be at least 1, got 0", error(head + "candidates: 0\n"));
        assertEquals(
                "config/test.yaml:5: environments: at least one environment or suite is required",
                error("models:\n  agent: a\n  proposer: b\nseed: 3\nenvironments: []\n"));
        assertEquals(
                "config/test.yaml:7: environments[2]: 'arith.add' is listed twice",
                error(head.replace("seed: 3\n", "") + "  - units.roman\n  - {id: arith.add, weight: 2}\n"));
        String suites = "models: {agent: a, proposer: b}\nsuites: [quiz]\nseed: 3\n";
        assertTrue(
                error(suites + "splits:\n  probe: 10\ngate:\n  screen-items: 20\n")
                        .startsWith("config/test.yaml:5: splits.probe: a campaign on suites alone gates on the probe"),
                error(suites + "splits:\n  probe: 10\ngate:\n  screen-items: 20\n"));
        assertTrue(
                error(suites + "gate:\n  screen-items: 400\n").startsWith("config/test.yaml:5: splits.probe"),
                "with the probe split left at its default, the gate setting that outgrew it is cited: "
                        + error(suites + "gate:\n  screen-items: 400\n"));
    }

    @Test
    void aNulByteOrControlCharacterIsCitedAtItsLine() {
        assertEquals(
                "config/test.yaml:7: column 8: a NUL byte (U+0000) is not allowed in YAML (is the file text?)",
                error(MINIMAL + "seed: 3\nname: a\u0000b\n"));
        assertTrue(error(MINIMAL + "seed: 3\n# note\u0007\n")
                .startsWith("config/test.yaml:7: column 7: the character U+0007"));
    }

    @Test
    void brokenYamlAndEmptyFilesAreReported() {
        assertTrue(error("models: [\n").startsWith("config/test.yaml:"));
        assertTrue(error("").contains("the file is empty"));
        assertTrue(error(MINIMAL + "seed: 1\nseed: 2\n").contains("seed"));
    }

    @Test
    void loadNamesTheConfigAfterItsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nightly.yaml");
        Files.writeString(file, MINIMAL);

        assertEquals("nightly", CampaignConfigLoader.load(file).name());
        String missing = assertThrows(
                        CampaignConfigException.class, () -> CampaignConfigLoader.load(dir.resolve("nope.yaml")))
                .getMessage();
        assertTrue(missing.contains("nope.yaml: no such config file"), missing);
    }

    @Test
    void theSnapshotUsesTheFileKeysAndRoundTrips() throws Exception {
        CampaignConfig c = parse(MINIMAL + "budgets: {wall-time: 2m}\n");

        var json = c.toJson();
        assertEquals(48, json.get("batch-size").asInt());
        assertEquals("PT2M", json.get("budgets").get("wall-time").asText());
        assertEquals(c, parse(json.toString()));
    }

    @Test
    void theDemoConfigLoads() {
        CampaignConfig demo = CampaignConfigLoader.load(Path.of("config/demo.yaml"));

        assertEquals("demo", demo.name());
        assertTrue(demo.environments().size() >= 3, "the demo mixes several environments");
    }
}
