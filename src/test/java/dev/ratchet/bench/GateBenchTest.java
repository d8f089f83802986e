package dev.ratchet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.campaign.GroundTruth;
import dev.ratchet.campaign.LiveCampaign;
import dev.ratchet.config.CampaignConfigLoader;
import dev.ratchet.config.ModelConfigs;
import dev.ratchet.env.EnvironmentCatalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo's must-hold on the simulator's ground truth. */
class GateBenchTest {

    @Test
    void theDemoWithItsOwnSeedsPromotesATrulyBetterLibraryAndNoTrulyHarmfulEdit() {
        GateBench bench = new GateBench(
                CampaignConfigLoader.load(Path.of("config/demo.yaml")),
                ModelConfigs.load(Path.of("config/models.yaml")),
                EnvironmentCatalog.builtIn(),
                LiveCampaign.startingLibrary());

        GateBench.Run demo = bench.campaign(0).run();

        assertEquals(7, demo.campaignSeed(), "run 0 is the demo as configured");
        assertEquals(7, demo.simulatorSeed());
        GroundTruth truth = demo.truth();
        assertFalse(truth.promotions().isEmpty(), "the demo promotes something");
        assertTrue(
                truth.finalAccuracy() > truth.startAccuracy(),
                "true accuracy " + truth.startAccuracy() + " -> " + truth.finalAccuracy());
        for (GroundTruth.Judged promoted : truth.promotions()) {
            assertFalse(promoted.harmful(), promoted + " is truly harmful");
        }
    }
}
