package dev.ratchet.report;

import dev.ratchet.log.EventLog;
import dev.ratchet.log.event.CandidateProbeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.projection.EnvironmentTrends;
import dev.ratchet.projection.Fold;
import dev.ratchet.projection.IterationMetrics.Iteration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTML report shows, read from a campaign's log: the audit view, accuracy per
 * environment, each decision's items with their transcripts, and the simulator's ground truth when
 * the caller has it (the log alone cannot give it), and the audits and rollbacks since.
 *
 * @param candidateVersions the library version each candidate that reached the gate proposes
 * @param since the campaign's audits (re-checks, bisections, ablations, transfers) and rollbacks
 */
public record ReportData(
        CampaignView view,
        EnvironmentTrends trends,
        Map<String, String> candidateVersions,
        DrillDown drillDown,
        Optional<SimulatorTruth> truth,
        SinceData since) {

    public ReportData {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(trends, "trends");
        candidateVersions = Map.copyOf(candidateVersions);
        Objects.requireNonNull(drillDown, "drillDown");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(since, "since");
    }

    /** Reads {@code log}: once for the views, then the episodes and model calls of the items shown. */
    public static ReportData read(EventLog log, Optional<SimulatorTruth> truth) {
        Fold<EnvironmentTrends> trends = EnvironmentTrends.fold();
        CandidateVersions versions = new CandidateVersions();
        CampaignView view = CampaignView.read(log, trends, versions);
        Map<Integer, String> iterationVersions = new HashMap<>();
        for (Iteration i : view.metrics().iterations()) {
            if (i.libraryVersion() != null) {
                iterationVersions.put(i.iteration(), i.libraryVersion());
            }
        }
        DrillDown drillDown =
                TranscriptReader.read(log, view.history().decisions(), iterationVersions, versions.result());
        return new ReportData(view, trends.result(), versions.result(), drillDown, truth, SinceData.read(log));
    }

    /** The library version of every verdict's candidate (older logs name it in the probe score instead). */
    private static final class CandidateVersions implements Fold<Map<String, String>> {
        private final Map<String, String> versions = new HashMap<>();

        @Override
        public void accept(Event e) {
            if (e instanceof GateDecided g) {
                g.verdicts().stream()
                        .filter(v -> v.libraryVersion() != null)
                        .forEach(v -> versions.put(v.candidateId(), v.libraryVersion()));
            } else if (e instanceof CandidateProbeScored c) {
                versions.putIfAbsent(c.candidateId(), c.libraryVersion());
            }
        }

        @Override
        public Map<String, String> result() {
            return versions;
        }
    }
}
