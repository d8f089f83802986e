package dev.ratchet.replay;

import dev.ratchet.campaign.Auditor;
import dev.ratchet.campaign.CampaignRunner;
import dev.ratchet.campaign.CampaignSetup;
import dev.ratchet.campaign.CampaignSnapshot;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.InMemoryEventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.InterruptedCalls;
import dev.ratchet.model.ModelStopException;
import dev.ratchet.model.ReplayDivergence;
import dev.ratchet.skill.Library;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Strict replay: re-runs a recorded campaign's code with both models answering only from its log
 * (a call the log lacks, or a request that hashes differently, is a divergence, never a network
 * request), into a log held in memory that is compared with the recording event by event as it
 * grows: the run stops at the first event whose content differs, or at a recorded hash altered with
 * its content intact, which is as far as the comparison can go. The recorded log is only read, and
 * a corrupt one (a missing row, a payload that does not decode) is refused before anything runs.
 *
 * <p>A recording without {@code campaign.stopped} (stopped by the provider, or killed and never
 * resumed) is compared as a prefix: replay runs until it needs something the recording does not
 * have, a model call it never recorded or an event after its last one, and matches when every
 * recorded event was regenerated.
 */
public final class StrictReplay {

    /** recorded-at is outside the hash and never compared: replay needs no clock. */
    private static final Clock NO_TIME = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    private StrictReplay() {}

    /**
     * Replays {@code recorded}, rebuilt from its start: {@code snapshot} is the configuration its
     * {@code campaign.started} recorded, {@code start} its first library. {@code listener} sees every
     * regenerated event, for progress.
     */
    public static ReplayOutcome replay(
            EventLog recorded,
            CampaignSnapshot snapshot,
            EnvironmentCatalog catalog,
            Library start,
            CampaignRunner.Listener listener) {
        RecordedStream rec = RecordedStream.scan(recorded);
        InMemoryEventLog regenerated = new InMemoryEventLog(NO_TIME);
        // Re-appended, not regenerated: the start event is the input replay is built from.
        regenerated.append(rec.stream(), 0, List.of(NewEvent.keyed(rec.started(), "campaign-started")));
        RuntimeException end;
        try (Stream<RecordedEvent> expected = recorded.read(EventQuery.all().from(2))) {
            end = run(
                    rec,
                    new CheckedLog(regenerated, expected.iterator(), rec.comparedUpTo()),
                    snapshot,
                    catalog,
                    start,
                    listener);
        }
        EventLog.Head head = regenerated.head().orElseThrow();
        Optional<Divergence> compared;
        try (Stream<RecordedEvent> a = recorded.read(EventQuery.all()).limit(rec.comparedUpTo());
                Stream<RecordedEvent> b = regenerated.read(EventQuery.all())) {
            compared = StreamComparison.firstDivergence(a.iterator(), b.iterator());
        }
        long count = head.seq();
        Optional<Divergence> divergence = judge(recorded, rec, count, compared, end);
        long matched = divergence.map(d -> Math.min(count, d.seq() - 1)).orElse(count);
        return new ReplayOutcome(
                rec.stream(),
                rec.count(),
                count,
                matched,
                head.hashHex(),
                divergence,
                ending(rec, count, end),
                rec.duration());
    }

    private static RuntimeException run(
            RecordedStream rec,
            CheckedLog log,
            CampaignSnapshot snapshot,
            EnvironmentCatalog catalog,
            Library start,
            CampaignRunner.Listener listener) {
        try (CampaignSetup setup =
                CampaignSetup.replay(snapshot.config(), snapshot.models(), catalog, start, rec.calls())) {
            setup.runner(
                            log,
                            rec.stream(),
                            RecordedWallTime.of(rec, snapshot.config().budgets().wallTime()),
                            listener,
                            () -> log.copyInputs(rec.stream()))
                    .run();
            // After the stop: each rollback or audit start is copied (the runner may already have
            // copied the first), and each audit regenerated.
            Auditor auditor = setup.auditor(log, rec.stream(), listener);
            do {
                auditor.finishOpen();
            } while (!log.copyInputs(rec.stream()).isEmpty());
            return null;
        } catch (ReplayDivergence | ModelStopException | CheckedLog.PastRecordedEnd | CheckedLog.Diverged e) {
            return e;
        }
    }

    /**
     * The first divergence: a regenerated event that differs wins; otherwise how the replay ended
     * decides, and a replay that ended where a recording without a stop event ends matches.
     */
    private static Optional<Divergence> judge(
            EventLog recorded, RecordedStream rec, long count, Optional<Divergence> compared, RuntimeException end) {
        if (end == null || (compared.isPresent() && compared.get().seq() <= count)) {
            return compared;
        }
        // A provider stop may leave its interrupted calls after the last event replay can regenerate.
        // An audit killed and never finished ends its recording as a kill ends a campaign's.
        boolean atRecordedEnd = (count == rec.count() || onlyInterruptedAfter(recorded, count))
                && (rec.stop().isEmpty() || rec.openAudit());
        if (end instanceof CheckedLog.PastRecordedEnd past) {
            return atRecordedEnd
                    ? Optional.empty()
                    : Optional.of(new Divergence(
                            count + 1, null, past.type(), List.of(), "replay continued after the recorded stop"));
        }
        if (end instanceof ReplayDivergence call) {
            if (atRecordedEnd && call.expectedHash() == null) {
                return Optional.empty();
            }
            long seq = rec.seqOfCall(call.callId()).filter(s -> s > count).orElse(count + 1);
            List<String> fields = call.expectedHash() == null ? List.of() : List.of("payload.requestHash");
            return Optional.of(new Divergence(
                    seq,
                    typeAt(recorded, seq),
                    "model.call-recorded",
                    fields,
                    "replay could not regenerate it: " + call.getMessage()));
        }
        if (atRecordedEnd) {
            return Optional.empty();
        }
        return Optional.of(new Divergence(
                count + 1, typeAt(recorded, count + 1), null, List.of(), "replay stopped: " + end.getMessage()));
    }

    private static String ending(RecordedStream rec, long count, RuntimeException end) {
        if (end == null) {
            return rec.stop()
                    .map(s -> "the campaign stopped: " + s.reason() + " (" + s.detail() + ")")
                    .orElse("the replay stopped without a campaign.stopped event");
        }
        if (count != rec.count() || rec.stop().isPresent()) {
            return "replay stopped at seq " + count + ": " + end.getMessage();
        }
        String next = end instanceof CheckedLog.PastRecordedEnd past
                ? "would go on with " + past.type()
                : end instanceof ReplayDivergence call
                        ? "would go on with model call " + call.callId() + ", which was never recorded"
                        : "meets the recorded provider stop (" + end.getMessage() + ")";
        return "the recording ends at seq " + count + " without campaign.stopped, as a provider stop (an exhausted"
                + " quota) or a kill leaves it: its " + count + " events were compared, and replay " + next;
    }

    private static boolean onlyInterruptedAfter(EventLog log, long seq) {
        try (Stream<RecordedEvent> events = log.read(EventQuery.all().from(seq + 1))) {
            return events.allMatch(e -> InterruptedCalls.is(e.event()));
        }
    }

    private static String typeAt(EventLog log, long seq) {
        try (Stream<RecordedEvent> events = log.read(EventQuery.all().from(seq))) {
            return events.findFirst().map(RecordedEvent::type).orElse(null);
        }
    }
}
