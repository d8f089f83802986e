package dev.ratchet.replay;

import dev.ratchet.log.ChainVerifier;
import dev.ratchet.log.CorruptLogException;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.EventQuery;
import dev.ratchet.log.HashChain;
import dev.ratchet.log.RecordedEvent;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.ModelCallRecorded;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What replay needs to know about a recorded campaign stream, read in one pass: its start event, how
 * many events it holds, how it stopped (if it did), every recorded model call and where it sits, the
 * recorded-at of its first and last events (to set the replay's time against the campaign's), and
 * the seq of a stored hash altered with its content left intact ({@code alteredHash}, 0 if none).
 *
 * <p>The same pass verifies the chain and decodes every payload. A log that is corrupt in a way
 * replay cannot see past (a missing row, a broken previous-hash, a payload that does not decode)
 * fails here with {@link CorruptLogException} naming the first bad seq. A stored hash that does not
 * match its event is left to the comparison: when the next event links to the hash the contents
 * give, only the hash was altered, and replay stops there; otherwise the contents were altered, and
 * replay runs on to their first consequence.
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
        String lastRecordedAt,
        long alteredHash,
        boolean openAudit) {

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
                scan.last,
                scan.alteredHash,
                scan.openAudit);
    }

    /** Where replay can stop: at an altered hash, the first divergence there can be, else the end. */
    long comparedUpTo() {
        return alteredHash > 0 ? alteredHash : count;
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
        final ChainVerifier chain = new ChainVerifier();
        RecordedEvent mismatched;
        long alteredHash;
        boolean openAudit;
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
            link(e);
            Event event = e.event();
            if (stream == null) {
                if (e.seq() != 1 || !(event instanceof CampaignStarted s)) {
                    throw new IllegalArgumentException("not a campaign log (it does not open with campaign.started)");
                }
                stream = e.stream();
                started = s;
                first = e.recordedAt();
            }
            if (!stream.equals(e.stream())) {
                throw new IllegalArgumentException("not a single-campaign log: seq " + e.seq() + " is in stream "
                        + e.stream() + ", not " + stream);
            }
            if (e.seq() != count + 1) {
                throw new CorruptLogException(count + 1, "the log skips from seq " + count + " to " + e.seq(), null);
            }
            count++;
            last = e.recordedAt();
            if (event instanceof ModelCallRecorded call) {
                calls.add(call);
                callSeqs.putIfAbsent(call.callId(), e.seq());
            } else if (event instanceof CampaignStopped s) {
                stopped = s;
                stoppedSeq = e.seq();
            } else if (event instanceof dev.ratchet.log.event.AuditStarted) {
                openAudit = true;
            } else if (event instanceof dev.ratchet.log.event.AuditFinished) {
                openAudit = false;
            }
        }

        /** Verifies links up to the first mismatched hash, and tells what the next event says of it. */
        private void link(RecordedEvent e) {
            if (mismatched != null && e.seq() == mismatched.seq() + 1) {
                if (Arrays.equals(e.prevHash(), contentHash(mismatched))) {
                    alteredHash = mismatched.seq();
                } else if (!Arrays.equals(e.prevHash(), mismatched.hash())) {
                    throw new CorruptLogException(
                            e.seq(),
                            "previous-hash matches neither the stored nor the recomputed hash of seq "
                                    + mismatched.seq() + " (`ratchet verify` checks every link)",
                            null);
                }
            }
            if (mismatched != null || chain.check(e)) {
                return;
            }
            ChainVerifier.Problem p = chain.report().problem().orElseThrow();
            if (p.kind() != ChainVerifier.Kind.HASH) {
                throw new CorruptLogException(p.seq(), p.what() + " (`ratchet verify` checks every link)", null);
            }
            mismatched = e;
        }

        private static byte[] contentHash(RecordedEvent e) {
            return new HashChain()
                    .link(e.prevHash(), e.seq(), e.stream(), e.version(), e.type(), e.schemaVersion(), e.payload());
        }
    }
}
