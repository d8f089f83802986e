package dev.ratchet.cli;

import dev.ratchet.campaign.Auditor;
import dev.ratchet.campaign.CampaignSetup;
import dev.ratchet.campaign.LoopState;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.AuditStarted;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The transfer figure {@code run} gives a campaign whose config names {@code
 * holdout-environments}: once the campaign has stopped, its final library against its initial one on
 * those environments, as a {@code transfer} audit in its log (so a killed run finishes it on {@code
 * run --resume}, and replay regenerates it). Nothing is measured when nothing was promoted.
 */
final class HoldoutTransfer {

    private HoldoutTransfer() {}

    /** The transfer audit still to run for the campaign in {@code log}, if any. */
    static Optional<Auditor.Plan> pending(CampaignSetup setup, EventLog log) {
        List<String> held = setup.config().holdoutEnvironments();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        LoopState state = LoopState.initial();
        try (Stream<RecordedEvent> events = log.read(EventQuery.all())) {
            for (RecordedEvent e : (Iterable<RecordedEvent>) events::iterator) {
                state = state.evolve(e.event());
            }
        }
        if (!state.isStopped() || state.startVersion().equals(state.currentVersion())) {
            return Optional.empty();
        }
        AuditStarted wanted = AuditStarted.transfer("?", state.startVersion(), state.currentVersion(), held);
        Optional<AuditStarted> open = state.audits().open();
        if (open.isPresent() && !dev.ratchet.campaign.Audits.sameArguments(open.get(), wanted)) {
            return Optional.empty(); // another audit was interrupted: its own command finishes it first
        }
        Auditor.Plan plan = Auditor.plan(state, wanted, false);
        return plan.finished() ? Optional.empty() : Optional.of(plan);
    }

    /** Runs what {@link #pending} found, with progress on {@code err}. */
    static void run(
            CampaignSetup setup, EventLog log, String id, Auditor.Plan plan, Progress progress, PrintWriter err) {
        err.println((plan.start() ? "measuring" : "resuming") + " transfer to the held-out environments ("
                + String.join(", ", plan.audit().envs()) + ")");
        setup.auditor(log, id, progress).run(plan);
        progress.endLine();
    }
}
