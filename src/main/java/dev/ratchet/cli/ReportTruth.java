package dev.ratchet.cli;

import dev.ratchet.campaign.CampaignSetup;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.log.EventLog;
import dev.ratchet.model.Sleeper;
import dev.ratchet.model.simulated.SimulatedWorld;
import dev.ratchet.report.SimulatorTruth;
import dev.ratchet.skill.LibrarySnapshots;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;

/**
 * The simulator's ground truth for a recorded campaign whose agent was the simulator: the world is
 * a pure function of the recorded configuration, so it is rebuilt from the log's snapshot exactly
 * as the run built it. A real agent has no ground truth, and a campaign the built-in catalogue
 * cannot rebuild (task suites, plugins) gets none, with a note on stderr.
 */
final class ReportTruth {

    private ReportTruth() {}

    /** The truth of {@code world} over the campaign's built-in environments, weighted by their shares. */
    static Optional<SimulatorTruth> of(SimulatedWorld world, CampaignConfig config) {
        // The same condition as rebuilding from the log, so `run` and `report` write the same page.
        EnvironmentCatalog builtIn = EnvironmentCatalog.builtIn();
        if (!config.suites().isEmpty()
                || !config.environments().stream()
                        .allMatch(s -> builtIn.find(s.id()).isPresent())) {
            return Optional.empty();
        }
        return SimulatorTruth.of(
                config.environments().stream()
                        .map(s -> new SimulatorTruth.Share(s.id(), s.weight()))
                        .toList(),
                (snapshot, envId) -> world.trueAccuracy(LibrarySnapshots.library(snapshot), envId));
    }

    static Optional<SimulatorTruth> of(EventLog log, String source, PrintWriter err) {
        RecordedCampaign recorded;
        try {
            recorded = RecordedCampaign.read(log, source);
        } catch (UsageException | IllegalArgumentException notACampaign) {
            return Optional.empty();
        }
        var snapshot = recorded.snapshot();
        ModelConfig agent = snapshot.models().get(snapshot.config().models().agent());
        if (agent.provider() != ModelConfig.Provider.SIMULATED || recorded.firstSnapshot() == null) {
            return Optional.empty();
        }
        try (CampaignSetup setup = CampaignSetup.live(
                snapshot.config(),
                snapshot.models(),
                EnvironmentCatalog.builtIn(),
                LibrarySnapshots.library(recorded.firstSnapshot()),
                name -> null,
                Clock.systemUTC(),
                Sleeper.system())) {
            Optional<SimulatedWorld> world = setup.world();
            return world.flatMap(w -> of(w, snapshot.config()));
        } catch (RuntimeException e) {
            err.println("ratchet: the report leaves out the simulator's ground truth: " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }
}
