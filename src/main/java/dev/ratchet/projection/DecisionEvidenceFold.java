package dev.ratchet.projection;

import dev.ratchet.log.event.BaselineProbeScored;
import dev.ratchet.log.event.CandidateProbeScored;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ProbeBuilt;
import dev.ratchet.log.event.StaticCheckFailed;
import dev.ratchet.projection.DecisionEvidence.CandidateRun;
import dev.ratchet.projection.DecisionEvidence.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds {@link DecisionEvidence}. Calls precede the episodes that name them, and a candidate id
 * may only be recognised mid-iteration, so the current iteration is buffered whole and dropped at
 * the next {@code iteration.started} unless it held the decision: memory stays one iteration.
 */
final class DecisionEvidenceFold implements Fold<Optional<DecisionEvidence>> {

    private final String ref;
    private final Integer iterationRef;
    private Buffer buffer = new Buffer(0);
    private DecisionEvidence found;

    DecisionEvidenceFold(String ref) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.iterationRef = ref.matches("\\d{1,9}") ? Integer.valueOf(ref) : null;
    }

    @Override
    public void accept(Event e) {
        if (found != null) {
            return;
        }
        if (e instanceof IterationStarted s) {
            close();
            buffer = new Buffer(s.iteration());
        } else if (e instanceof ModelCallRecorded c) {
            buffer.calls.put(c.callId(), c);
        } else if (e instanceof EpisodeScored s && isProbePhase(s)) {
            buffer.episodes.add(s);
        } else if (e instanceof ProbeBuilt p) {
            buffer.probe = p;
        } else if (e instanceof BaselineProbeScored b) {
            buffer.baselineVersion = b.libraryVersion();
        } else if (e instanceof CandidateProposed p) {
            buffer.candidate(p.candidateId());
        } else if (e instanceof StaticCheckFailed f) {
            buffer.candidate(f.candidateId());
        } else if (e instanceof CandidateProbeScored c) {
            buffer.candidate(c.candidateId());
            buffer.versions.put(c.candidateId(), c.libraryVersion());
        }
    }

    private static boolean isProbePhase(EpisodeScored s) {
        return "baseline".equals(s.phase()) || "candidate".equals(s.phase());
    }

    private void close() {
        boolean matches = iterationRef != null ? buffer.iteration == iterationRef : buffer.candidates.contains(ref);
        if (matches) {
            found = buffer.evidence(iterationRef == null ? ref : null);
        }
    }

    @Override
    public Optional<DecisionEvidence> result() {
        if (found == null) {
            close();
        }
        return Optional.ofNullable(found);
    }

    /** Everything of one iteration that evidence can draw on. */
    private static final class Buffer {
        final int iteration;
        final Map<String, ModelCallRecorded> calls = new HashMap<>();
        final List<EpisodeScored> episodes = new ArrayList<>();
        final List<String> candidates = new ArrayList<>();
        final Map<String, String> versions = new HashMap<>();
        ProbeBuilt probe;
        String baselineVersion;

        Buffer(int iteration) {
            this.iteration = iteration;
        }

        void candidate(String id) {
            if (!candidates.contains(id)) {
                candidates.add(id);
            }
        }

        DecisionEvidence evidence(String onlyCandidate) {
            List<CandidateRun> runs = new ArrayList<>();
            for (String id : candidates) {
                if (onlyCandidate == null || onlyCandidate.equals(id)) {
                    String version = versions.get(id);
                    runs.add(new CandidateRun(id, version, traces("candidate", version)));
                }
            }
            return new DecisionEvidence(iteration, probe, baselineVersion, traces("baseline", null), runs);
        }

        private List<Trace> traces(String phase, String version) {
            List<Trace> out = new ArrayList<>();
            for (EpisodeScored e : episodes) {
                boolean wanted = e.phase().equals(phase)
                        && (version == null ? "baseline".equals(phase) : version.equals(e.libraryVersion()));
                if (wanted) {
                    out.add(new Trace(
                            e,
                            e.callIds().stream()
                                    .map(calls::get)
                                    .filter(Objects::nonNull)
                                    .toList()));
                }
            }
            return out;
        }
    }
}
