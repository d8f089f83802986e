package dev.ratchet.cli;

import dev.ratchet.bench.GateBench;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.config.CampaignConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code bench gate} and {@code calibrate} share: a campaign config on the simulated world,
 * the models file and project paths, checked and turned into a {@link GateBench}.
 */
final class SimulatedCampaign {

    @Mixin
    ProjectPaths paths = new ProjectPaths();

    @Mixin
    ModelsFile modelsFile = new ModelsFile();

    @Option(
            names = "--config",
            paramLabel = "FILE",
            defaultValue = "config/demo.yaml",
            description = "Campaign config on the simulated world (default: ${DEFAULT-VALUE}).")
    Path config;

    /** @param measure what the command measures, for the message when the config names no environment */
    GateBench bench(String measure, PrintWriter err) {
        if (!Files.isRegularFile(config)) {
            throw new UsageException("no campaign config at " + config + " (give one with --config FILE)");
        }
        CampaignConfig campaign = CampaignConfigLoader.load(config);
        campaign.models().requiredProposer();
        if (campaign.environments().isEmpty()) {
            throw new UsageException(config + ": environments: " + measure + " needs at least one built-in"
                    + " environment (the simulator's ground truth does not cover task suites)");
        }
        return new GateBench(campaign, modelsFile.models(), paths.catalog(campaign), paths.library(err));
    }
}
