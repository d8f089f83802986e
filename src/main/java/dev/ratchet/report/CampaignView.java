package dev.ratchet.report;

import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.projection.CampaignOverview;
import dev.ratchet.projection.Fold;
import dev.ratchet.projection.IterationMetrics;
import dev.ratchet.projection.LibraryVersions;
import dev.ratchet.projection.ProbeUsage;
import dev.ratchet.projection.PromotionHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything the audit views show about a campaign, read from its log in one pass.
 *
 * @param span when the first and last events were recorded (wall time, for display only)
 * @param head the hash of the last event, which pins exactly which log was reported on
 */
public record CampaignView(
        CampaignOverview overview,
        PromotionHistory history,
        IterationMetrics metrics,
        LibraryVersions versions,
        ProbeUsage probes,
        Span span,
        String head) {

    public CampaignView {
        Objects.requireNonNull(overview, "overview");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(probes, "probes");
        Objects.requireNonNull(span, "span");
    }

    /** The recorded-at stamps of the first and last events; null for an empty log. */
    public record Span(String first, String last) {

        /** Wall time from the first to the last event, or null when the stamps are not instants. */
        public Duration wallTime() {
            try {
                return first == null ? null : Duration.between(Instant.parse(first), Instant.parse(last));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** Reads every event once, feeding each to the extra {@code folds} as well. */
    public static CampaignView read(EventLog log, Fold<?>... folds) {
        Fold<CampaignOverview> overview = CampaignOverview.fold();
        Fold<PromotionHistory> history = PromotionHistory.fold();
        Fold<IterationMetrics> metrics = IterationMetrics.fold();
        Fold<LibraryVersions> versions = LibraryVersions.fold();
        Fold<ProbeUsage> probes = ProbeUsage.fold();
        String first = null;
        String last = null;
        try (Stream<RecordedEvent> events = log.read(EventQuery.all())) {
            for (RecordedEvent r : (Iterable<RecordedEvent>) events::iterator) {
                first = first == null ? r.recordedAt() : first;
                last = r.recordedAt();
                var e = r.event();
                overview.accept(e);
                history.accept(e);
                metrics.accept(e);
                versions.accept(e);
                probes.accept(e);
                for (Fold<?> f : folds) {
                    f.accept(e);
                }
            }
        }
        String head = log.head().map(EventLog.Head::hashHex).orElse(null);
        return new CampaignView(
                overview.result(),
                history.result(),
                metrics.result(),
                versions.result(),
                probes.result(),
                new Span(first, last),
                head);
    }
}
