package dev.ratchet.campaign;

import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.AuditFinished;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.LibraryRolledBack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the log says about a campaign after its gate decisions, folded into {@link LoopState}: its
 * promotions in order (with the gain each gate claimed), rollbacks, and audits (re-checks and
 * bisections, ablations, transfer measurements) with their comparisons and episodes. Audits run one at a time, so at most one is open:
 * started, not yet finished. Immutable; lists are copied only by the rare events that change them.
 */
public record Audits(
        List<Promotion> promotions,
        List<LibraryRolledBack> rollbacks,
        List<AuditStarted> started,
        List<AuditCompared> comparisons,
        List<AuditFinished> finished,
        EpisodeIndex episodes) {

    /** The split an audit's episodes are recorded under; no other fold counts them as a campaign's. */
    public static final String SPLIT = "audit";

    public Audits {
        promotions = List.copyOf(promotions);
        rollbacks = List.copyOf(rollbacks);
        started = List.copyOf(started);
        comparisons = List.copyOf(comparisons);
        finished = List.copyOf(finished);
    }

    /** A promotion, with the stage-2 gain its gate reported (null in logs of the single-probe gate). */
    public record Promotion(
            int iteration, String candidateId, String fromVersion, String toVersion, GateDecided.Gain claimed) {}

    static Audits empty() {
        return new Audits(List.of(), List.of(), List.of(), List.of(), List.of(), EpisodeIndex.empty());
    }

    /** The audit started and not finished, if any. */
    public Optional<AuditStarted> open() {
        if (started.isEmpty()) {
            return Optional.empty();
        }
        AuditStarted last = started.get(started.size() - 1);
        return finished(last.audit()).isPresent() ? Optional.empty() : Optional.of(last);
    }

    public Optional<AuditFinished> finished(String audit) {
        return finished.stream().filter(f -> f.audit().equals(audit)).findFirst();
    }

    public List<AuditCompared> comparisons(String audit) {
        return comparisons.stream().filter(c -> c.audit().equals(audit)).toList();
    }

    /** The latest audit of {@code kind} with these arguments (any, for a re-check). */
    public Optional<AuditStarted> latest(String kind, String good, String bad, String env) {
        return latest(new AuditStarted("?", kind, good, bad, env));
    }

    /** The latest audit with the same kind and arguments as {@code like} (its name aside). */
    public Optional<AuditStarted> latest(AuditStarted like) {
        AuditStarted found = null;
        for (AuditStarted s : started) {
            found = sameArguments(s, like) ? s : found;
        }
        return Optional.ofNullable(found);
    }

    /** Whether two audit starts ask for the same audit: kind and every argument alike. */
    public static boolean sameArguments(AuditStarted a, AuditStarted b) {
        return a.kind().equals(b.kind())
                && java.util.Objects.equals(a.good(), b.good())
                && java.util.Objects.equals(a.bad(), b.bad())
                && java.util.Objects.equals(a.env(), b.env())
                && java.util.Objects.equals(a.version(), b.version())
                && java.util.Objects.equals(a.envs(), b.envs());
    }

    /** The name of the next audit of {@code kind}: {@code recheck-1}, {@code recheck-2}, ... */
    String nextName(String kind) {
        return kind + "-" + (started.stream().filter(s -> s.kind().equals(kind)).count() + 1);
    }

    Optional<EpisodeScored> episode(String episodeId) {
        return episodes.get(episodeId);
    }

    Audits withPromotion(CandidatePromoted p, GateDecided.Gain claimed) {
        List<Promotion> more = new ArrayList<>(promotions);
        more.add(new Promotion(p.iteration(), p.candidateId(), p.fromVersion(), p.toVersion(), claimed));
        return new Audits(more, rollbacks, started, comparisons, finished, episodes);
    }

    Audits withRollback(LibraryRolledBack r) {
        List<LibraryRolledBack> more = new ArrayList<>(rollbacks);
        more.add(r);
        return new Audits(promotions, more, started, comparisons, finished, episodes);
    }

    Audits withStarted(AuditStarted s) {
        List<AuditStarted> more = new ArrayList<>(started);
        more.add(s);
        return new Audits(promotions, rollbacks, more, comparisons, finished, episodes);
    }

    Audits withCompared(AuditCompared c) {
        List<AuditCompared> more = new ArrayList<>(comparisons);
        more.add(c);
        return new Audits(promotions, rollbacks, started, more, finished, episodes);
    }

    Audits withFinished(AuditFinished f) {
        List<AuditFinished> more = new ArrayList<>(finished);
        more.add(f);
        return new Audits(promotions, rollbacks, started, comparisons, more, episodes);
    }

    Audits withEpisode(EpisodeScored e) {
        return new Audits(promotions, rollbacks, started, comparisons, finished, episodes.with(e.episodeId(), e));
    }

    /**
     * The versions of the promotion chain from {@code good} to {@code bad}, both included, following
     * each promoted version back to the one it was promoted from; empty when {@code good} is not an
     * ancestor of {@code bad} (or they are the same).
     */
    public List<String> chain(String good, String bad) {
        List<String> out = new ArrayList<>();
        String v = bad;
        while (v != null && !v.equals(good)) {
            out.add(0, v);
            v = parentOf(v);
            if (out.size() > promotions.size() + 1) {
                return List.of(); // a cycle through rollbacks and re-promotions: no chain
            }
        }
        if (v == null || out.isEmpty()) {
            return List.of();
        }
        out.add(0, good);
        return out;
    }

    /** The version {@code version} was last promoted from, or null. */
    private String parentOf(String version) {
        String parent = null;
        for (Promotion p : promotions) {
            parent = p.toVersion().equals(version) ? p.fromVersion() : parent;
        }
        return parent;
    }
}
