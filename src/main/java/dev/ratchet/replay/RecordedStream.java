package dev.ratchet.replay;

import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.ModelCallRecorded;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What replay needs to know about a recorded campaign stream, read in one pass: its start event, how
 * many events it holds, how it stopped (if it did), every recorded model call and where it sits, and
 * the recorded-at of its first and last events (to set the replay's time against the campaign's).
 */
record RecordedStream(
        String stream,
        CampaignStarted started,
        long count,
        CampaignStopped stopped,
        long stoppedSeq,
        List<ModelCallRecorded> calls,
        Map<String, Long> callSeqs,
        String firstRecordedAt,
        String lastRecordedAt) {

    RecordedStream {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(started, "started");
        calls = List.copyOf(calls);
        callSeqs = Map.copyOf(callSeqs);
    }

    /** Scans a campaign log: one stream, opened by {@code campaign.started} at seq 1. */
    static RecordedStream scan(EventLog log) {
        Scan scan = new Scan();
        try (Stream<RecordedEvent> events = log.read(EventQuery.all())) {
            events.forEach(scan::add);
        }
        if (scan.started == null) {
            throw new IllegalArgumentException("not a campaign log (it has no events)");
        }
        return new RecordedStream(
                scan.stream,
                scan.started,
                scan.count,
                scan.stopped,
                scan.stoppedSeq,
                scan.calls,
                scan.callSeqs,
                scan.first,
                scan.last);
    }

    Optional<CampaignStopped> stop() {
        return Optional.ofNullable(stopped);
    }

    /** The seq of the recorded call {@code callId}, if the log records it. */
    Optional<Long> seqOfCall(String callId) {
        return Optional.ofNullable(callSeqs.get(callId));
    }

    /** First to last recorded-at; empty when the times cannot be read. */
    Optional<Duration> duration() {
        if (firstRecordedAt == null || lastRecordedAt == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.between(Instant.parse(firstRecordedAt), Instant.parse(lastRecordedAt)));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** Accumulates the scan. */
    private static final class Scan {
        String stream;
        CampaignStarted started;
        long count;
        CampaignStopped stopped;
        long stoppedSeq;
        final List<ModelCallRecorded> calls = new ArrayList<>();
        final Map<String, Long> callSeqs = new HashMap<>();
        String first;
        String last;

        void add(RecordedEvent e) {
            if (stream == null) {
                if (e.seq() != 1 || !"campaign.started".equals(e.type())) {
                    throw new IllegalArgumentException("not a campaign log (it does not open with campaign.started)");
                }
                stream = e.stream();
                started = (CampaignStarted) e.event();
                first = e.recordedAt();
            }
            if (!stream.equals(e.stream())) {
                throw new IllegalArgumentException("not a single-campaign log: seq " + e.seq() + " is in stream "
                        + e.stream() + ", not " + stream);
            }
            if (e.seq() != count + 1) {
                throw new IllegalArgumentException(
                        "the log skips from seq " + count + " to " + e.seq() + " (`ratchet verify` checks every link)");
            }
            count++;
            last = e.recordedAt();
            if ("model.call-recorded".equals(e.type()) || "campaign.stopped".equals(e.type())) {
                Event event = e.event();
                if (event instanceof ModelCallRecorded call) {
                    calls.add(call);
                    callSeqs.putIfAbsent(call.callId(), e.seq());
                } else if (event instanceof CampaignStopped s) {
                    stopped = s;
                    stoppedSeq = e.seq();
                }
            }
        }
    }
}
