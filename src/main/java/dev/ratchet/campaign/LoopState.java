package dev.ratchet.campaign;

import dev.ratchet.log.event.AuditCompared;
import dev.ratchet.log.event.AuditFinished;
import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.log.event.BaselineProbeScored;
import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.CandidateProbeScored;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.FailureClassified;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.LibraryRolledBack;
import dev.ratchet.log.event.LibrarySnapshotted;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ProbeBuilt;
import dev.ratchet.log.event.ProposalFailed;
import dev.ratchet.log.event.StaticCheckFailed;
import dev.ratchet.log.event.StaticCheckPassed;
import dev.ratchet.propose.ProposerInput.SkillStanding;
import dev.ratchet.skill.Edits;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.LibrarySnapshots;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign as its log tells it: a pure fold, {@code state = state.evolve(event)} from {@link
 * #initial()}. It keeps what decisions need (the iteration in progress, every library version, the
 * probe split's history, skill records, proposer responses, spend, progress) and nothing that
 * depends on time or on the campaign id. Immutable; maps are copied on write and only looked up,
 * never iterated to decide.
 */
public record LoopState(
        Map<String, Library> libraries,
        String startVersion,
        String currentVersion,
        IterationState current,
        ProbeHistory probes,
        Map<String, SkillStanding> standings,
        Map<String, ModelCallRecorded> proposerCalls,
        Spend spend,
        Progress progress,
        List<String> rejectedEdits,
        Audits audits) {

    public LoopState {
        libraries = frozen(libraries);
        standings = frozen(standings);
        proposerCalls = frozen(proposerCalls);
        rejectedEdits = List.copyOf(rejectedEdits);
    }

    /** What has been spent on model calls so far, agent and proposer together. */
    public record Spend(long calls, long tokens, double costUsd) {
        Spend plus(ModelCallRecorded call) {
            return new Spend(calls + 1, tokens + call.usage().total(), costUsd + call.costUsd());
        }
    }

    public static LoopState initial() {
        return new LoopState(
                Map.of(),
                null,
                null,
                IterationState.zero(),
                ProbeHistory.empty(),
                Map.of(),
                Map.of(),
                new Spend(0, 0, 0),
                Progress.start(),
                List.of(),
                Audits.empty());
    }

    /** Folds {@code events} from the initial state. */
    public static LoopState of(List<Event> events) {
        LoopState s = initial();
        for (Event e : events) {
            s = s.evolve(e);
        }
        return s;
    }

    /** The library of a recorded version, for the shell to run an episode with. */
    public Optional<Library> library(String version) {
        return Optional.ofNullable(libraries.get(version));
    }

    public boolean isStopped() {
        return progress.stopped() != null;
    }

    /**
     * The state after {@code event}. Every event type has a branch, even those that change nothing
     * here, so that a new type cannot be folded silently.
     */
    public LoopState evolve(Event event) {
        if (event instanceof EpisodeScored e) {
            if (Audits.SPLIT.equals(e.split())) {
                return withAudits(audits.withEpisode(e));
            }
            if ("screen".equals(e.phase())) {
                return withProbes(probes.withScreen(e));
            }
            return e.iteration() == current.number() ? with(current.withEpisode(e)) : this;
        }
        if (event instanceof ModelCallRecorded c) {
            return onCall(c);
        }
        if (event instanceof LibrarySnapshotted l) {
            return onSnapshot(l);
        }
        if (event instanceof IterationStarted i) {
            // Decisions on one library version share its gate baseline (see IterationState.baseline).
            EpisodeIndex baselines =
                    i.libraryVersion().equals(current.libraryVersion()) ? current.baselines() : EpisodeIndex.empty();
            return with(IterationState.started(i.iteration(), i.libraryVersion(), i.batch(), baselines));
        }
        if (event instanceof CampaignStopped c) {
            return withProgress(progress.stoppedBy(c));
        }
        if (event instanceof LibraryRolledBack r) {
            return onRollback(r);
        }
        if (event instanceof AuditStarted a) {
            return withAudits(audits.withStarted(a));
        }
        if (event instanceof AuditCompared a) {
            return withAudits(audits.withCompared(a));
        }
        if (event instanceof AuditFinished a) {
            return withAudits(audits.withFinished(a));
        }
        if (event instanceof CampaignStarted
                || event instanceof StaticCheckFailed
                || event instanceof BaselineProbeScored
                || event instanceof CandidateProbeScored) {
            return this;
        }
        return onDecision(event);
    }

    /** The events an iteration decides, from the classifications to the confirm evaluation. */
    private LoopState onDecision(Event event) {
        if (event instanceof FailureClassified f) {
            return with(current.withFailure(f));
        }
        if (event instanceof CandidateProposed p) {
            return with(current.withProposal(p))
                    .withProgress(progress.withProposals(progress.proposals().withParsed()));
        }
        if (event instanceof ProposalFailed p) {
            return with(current.withProposalFailure(p))
                    .withProgress(progress.withProposals(progress.proposals().withFailure(p.reason())));
        }
        if (event instanceof StaticCheckPassed p) {
            return with(current.withStaticPass(p.candidateId()));
        }
        if (event instanceof ProbeBuilt p) {
            return with(current.withProbe(p)).withProbes(probes.withProbe(p));
        }
        if (event instanceof GateDecided g) {
            LoopState s = with(current.withGate(g));
            return g.acceptedCandidateId() == null ? s.withProgress(progress.discarded()) : s;
        }
        if (event instanceof CandidatePromoted p) {
            return onPromotion(p);
        }
        if (event instanceof CandidateDiscarded d) {
            // A discard naming a candidate is one candidate's fate; one naming none ends the iteration.
            return d.candidateId() == null
                    ? with(current.finish()).withProgress(progress.discarded())
                    : withRejected(d);
        }
        if (event instanceof ConfirmScored c) {
            return with(current.withConfirm(c)).withProgress(progress.confirmed(current.number()));
        }
        throw new IllegalArgumentException(
                "no fold for event type " + event.type().typeName());
    }

    private LoopState onCall(ModelCallRecorded c) {
        Map<String, ModelCallRecorded> calls = proposerCalls;
        if ("proposer".equals(c.role())) {
            calls = new LinkedHashMap<>(proposerCalls);
            calls.put(c.callId(), c);
        }
        return new LoopState(
                libraries,
                startVersion,
                currentVersion,
                current,
                probes,
                standings,
                calls,
                spend.plus(c),
                progress,
                rejectedEdits,
                audits);
    }

    private LoopState onSnapshot(LibrarySnapshotted l) {
        // A version snapshotted again carries the provenance of the candidate promoted to it.
        Map<String, Library> libs = new LinkedHashMap<>(libraries);
        libs.put(l.version(), LibrarySnapshots.library(l));
        boolean start = startVersion == null && l.parentVersion() == null;
        return new LoopState(
                libs,
                start ? l.version() : startVersion,
                start ? l.version() : currentVersion,
                start ? IterationState.started(0, l.version(), List.of()) : current,
                probes,
                standings,
                proposerCalls,
                spend,
                progress,
                rejectedEdits,
                audits);
    }

    /** The promoted version becomes current and the edited skill's record gains the verdict's flips. */
    private LoopState onPromotion(CandidatePromoted p) {
        Map<String, SkillStanding> records = new LinkedHashMap<>(standings);
        Optional<CandidateProposed> proposal = current.proposal(p.candidateId());
        Optional<GateDecided.Verdict> verdict = Optional.ofNullable(current.gate())
                .flatMap(g -> g.verdicts().stream()
                        .filter(v -> v.candidateId().equals(p.candidateId()))
                        .findFirst());
        if (proposal.isPresent() && verdict.isPresent()) {
            CandidateProposed.Edit edit = proposal.get().edit();
            String name = edit.target();
            if (Edits.REMOVE_SKILL.equals(edit.op())) {
                records.remove(name);
            } else if (!Edits.EDIT_SECTION.equals(edit.op())) {
                SkillStanding old = records.getOrDefault(name, new SkillStanding(name, "", 0, 0));
                records.put(
                        name,
                        new SkillStanding(
                                name,
                                old.trigger(),
                                old.fixes() + verdict.get().fixes(),
                                old.regressions() + verdict.get().regressions()));
            }
        }
        return new LoopState(
                libraries,
                startVersion,
                p.toVersion(),
                current.withPromotion(p),
                probes,
                records,
                proposerCalls,
                spend,
                progress.promoted(),
                rejectedEdits,
                audits.withPromotion(p, verdict.map(GateDecided.Verdict::gain).orElse(null)));
    }

    private LoopState with(IterationState it) {
        return new LoopState(
                libraries,
                startVersion,
                currentVersion,
                it,
                probes,
                standings,
                proposerCalls,
                spend,
                progress,
                rejectedEdits,
                audits);
    }

    private LoopState withProbes(ProbeHistory p) {
        return new LoopState(
                libraries,
                startVersion,
                currentVersion,
                current,
                p,
                standings,
                proposerCalls,
                spend,
                progress,
                rejectedEdits,
                audits);
    }

    /** Edits the proposer is told not to resubmit unchanged: "i2-c3: add-skill name (reason)". */
    private LoopState withRejected(CandidateDiscarded d) {
        Optional<CandidateProposed> proposal = current.proposal(d.candidateId());
        if (proposal.isEmpty()) {
            return this;
        }
        CandidateProposed.Edit edit = proposal.get().edit();
        String reason = d.reason().length() <= 160 ? d.reason() : d.reason().substring(0, 157) + "...";
        List<String> rejected = new ArrayList<>(rejectedEdits);
        rejected.add(d.candidateId() + ": " + edit.op() + " " + edit.target() + " (" + reason + ")");
        return new LoopState(
                libraries,
                startVersion,
                currentVersion,
                current,
                probes,
                standings,
                proposerCalls,
                spend,
                progress,
                rejected,
                audits);
    }

    /**
     * A rollback makes an earlier version current; an iteration left open by an interrupted run is
     * abandoned (its events stay in the log), so a resumed campaign starts its next iteration from
     * the version rolled back to.
     */
    private LoopState onRollback(LibraryRolledBack r) {
        return new LoopState(
                libraries,
                startVersion,
                r.toVersion(),
                current.finished() ? current : current.finish(),
                probes,
                standings,
                proposerCalls,
                spend,
                progress,
                rejectedEdits,
                audits.withRollback(r));
    }

    private LoopState withAudits(Audits a) {
        return new LoopState(
                libraries,
                startVersion,
                currentVersion,
                current,
                probes,
                standings,
                proposerCalls,
                spend,
                progress,
                rejectedEdits,
                a);
    }

    private LoopState withProgress(Progress p) {
        return new LoopState(
                libraries,
                startVersion,
                currentVersion,
                current,
                probes,
                standings,
                proposerCalls,
                spend,
                p,
                rejectedEdits,
                audits);
    }

    /**
     * A map no one can change: copied once when it comes from outside, passed on as it is when it is
     * already one, so an event that leaves a map alone does not copy it (every event did, which made
     * folding a long campaign quadratic in its library versions and proposer calls).
     */
    private static <K, V> Map<K, V> frozen(Map<K, V> map) {
        return map instanceof FrozenMap<K, V> f ? f : new FrozenMap<>(map);
    }

    private static final class FrozenMap<K, V> extends java.util.AbstractMap<K, V> {
        private final Map<K, V> entries;

        FrozenMap(Map<K, V> map) {
            this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }

        @Override
        public java.util.Set<Map.Entry<K, V>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public V get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public int size() {
            return entries.size();
        }
    }
}
