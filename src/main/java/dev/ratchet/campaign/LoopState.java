package dev.ratchet.campaign;

import dev.ratchet.gate.ItemState;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.FailureClassified;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.LibrarySnapshotted;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ProbeBuilt;
import dev.ratchet.log.event.ProposalFailed;
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
 * #initial()}. It keeps what decisions need (the iteration in progress, every library version,
 * per-version probe screening, probe usage, skill records, proposer responses, spend) and nothing
 * that depends on time or on the campaign id. Immutable; maps are copied on write and only looked
 * up, never iterated to decide.
 */
public record LoopState(
        Map<String, Library> libraries,
        String startVersion,
        String currentVersion,
        IterationState current,
        Map<String, Map<String, String>> screens,
        Map<String, Integer> probeUses,
        int probeDecisions,
        Map<String, SkillStanding> standings,
        Map<String, ModelCallRecorded> proposerCalls,
        Spend spend,
        int consecutiveDiscards,
        int completedIterations,
        CampaignStopped stopped) {

    public LoopState {
        libraries = frozen(libraries);
        screens = frozen(screens);
        probeUses = frozen(probeUses);
        standings = frozen(standings);
        proposerCalls = frozen(proposerCalls);
    }

    /** What has been spent on model calls so far. */
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
                Map.of(),
                Map.of(),
                0,
                Map.of(),
                Map.of(),
                new Spend(0, 0, 0),
                0,
                0,
                null);
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
        return stopped != null;
    }

    /** The outcomes (pass, fail, infra) of screening {@code instanceId} under {@code version}, by sample. */
    public List<String> screenSamples(String version, String instanceId, int samples) {
        Map<String, String> byKey = screens.getOrDefault(version, Map.of());
        List<String> out = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            String outcome = byKey.get(screenKey(instanceId, s));
            if (outcome != null) {
                out.add(outcome);
            }
        }
        return out;
    }

    public ItemState screenState(String version, String instanceId, int samples) {
        List<String> got = screenSamples(version, instanceId, samples);
        return got.size() < samples ? ItemState.INFRA : ItemState.of(got);
    }

    boolean screened(String version, String instanceId, int sample) {
        return screens.getOrDefault(version, Map.of()).containsKey(screenKey(instanceId, sample));
    }

    public LoopState evolve(Event event) {
        if (event instanceof EpisodeScored e) {
            return onEpisode(e);
        }
        if (event instanceof ModelCallRecorded c) {
            Map<String, ModelCallRecorded> calls =
                    "proposer".equals(c.role()) ? plus(proposerCalls, c.callId(), c) : proposerCalls;
            return with(current, calls, spend.plus(c));
        }
        if (event instanceof LibrarySnapshotted l) {
            return onSnapshot(l);
        }
        if (event instanceof IterationStarted i) {
            return with(IterationState.started(i.iteration(), i.libraryVersion(), i.batch()));
        }
        if (event instanceof FailureClassified f) {
            return with(current.withFailure(f));
        }
        if (event instanceof CandidateProposed p) {
            return with(current.withProposal(p));
        }
        if (event instanceof ProposalFailed p) {
            return with(current.withProposalFailure(p));
        }
        if (event instanceof StaticCheckPassed p) {
            return with(current.withStaticPass(p.candidateId()));
        }
        if (event instanceof ProbeBuilt p) {
            return onProbe(p);
        }
        if (event instanceof GateDecided g) {
            LoopState s = with(current.withGate(g));
            return g.acceptedCandidateId() == null ? s.discarded() : s;
        }
        if (event instanceof CandidatePromoted p) {
            return onPromotion(p);
        }
        if (event instanceof CandidateDiscarded d) {
            return d.candidateId() == null ? with(current.finish()).discarded() : this;
        }
        if (event instanceof ConfirmScored c) {
            IterationState done = current.withConfirm(c);
            return new LoopState(
                    libraries,
                    startVersion,
                    currentVersion,
                    done,
                    screens,
                    probeUses,
                    probeDecisions,
                    standings,
                    proposerCalls,
                    spend,
                    consecutiveDiscards,
                    completedIterations + (done.number() > 0 ? 1 : 0),
                    stopped);
        }
        if (event instanceof CampaignStopped c) {
            return new LoopState(
                    libraries,
                    startVersion,
                    currentVersion,
                    current,
                    screens,
                    probeUses,
                    probeDecisions,
                    standings,
                    proposerCalls,
                    spend,
                    consecutiveDiscards,
                    completedIterations,
                    c);
        }
        // CampaignStarted, StaticCheckFailed, BaselineProbeScored and CandidateProbeScored decide nothing
        // beyond what the events above already carry.
        return this;
    }

    private LoopState onEpisode(EpisodeScored e) {
        if ("screen".equals(e.phase())) {
            Map<String, String> forVersion = Collections.unmodifiableMap(plus(
                    screens.getOrDefault(e.libraryVersion(), Map.of()),
                    screenKey(e.instanceId(), e.sample()),
                    e.outcome()));
            return new LoopState(
                    libraries,
                    startVersion,
                    currentVersion,
                    current,
                    plus(screens, e.libraryVersion(), forVersion),
                    probeUses,
                    probeDecisions,
                    standings,
                    proposerCalls,
                    spend,
                    consecutiveDiscards,
                    completedIterations,
                    stopped);
        }
        return e.iteration() == current.number() ? with(current.withEpisode(e)) : this;
    }

    private LoopState onSnapshot(LibrarySnapshotted l) {
        Map<String, Library> libs = libraries.containsKey(l.version())
                ? libraries
                : plus(libraries, l.version(), LibrarySnapshots.library(l));
        if (startVersion != null || l.parentVersion() != null) {
            return new LoopState(
                    libs,
                    startVersion,
                    currentVersion,
                    current,
                    screens,
                    probeUses,
                    probeDecisions,
                    standings,
                    proposerCalls,
                    spend,
                    consecutiveDiscards,
                    completedIterations,
                    stopped);
        }
        return new LoopState(
                libs,
                l.version(),
                l.version(),
                IterationState.started(0, l.version(), List.of()),
                screens,
                probeUses,
                probeDecisions,
                standings,
                proposerCalls,
                spend,
                consecutiveDiscards,
                completedIterations,
                stopped);
    }

    private LoopState onProbe(ProbeBuilt p) {
        Map<String, Integer> uses = new LinkedHashMap<>(probeUses);
        p.items().forEach(i -> uses.merge(i.instanceId(), 1, Integer::sum));
        return new LoopState(
                libraries,
                startVersion,
                currentVersion,
                current.withProbe(p),
                screens,
                uses,
                probeDecisions + 1,
                standings,
                proposerCalls,
                spend,
                consecutiveDiscards,
                completedIterations,
                stopped);
    }

    /** The promoted version becomes current and the edited skill's record gains the verdict's flips. */
    private LoopState onPromotion(CandidatePromoted p) {
        Map<String, SkillStanding> records = new LinkedHashMap<>(standings);
        Optional<CandidateProposed> proposal = current.proposal(p.candidateId());
        Optional<GateDecided.Verdict> verdict = current.gate() == null
                ? Optional.empty()
                : current.gate().verdicts().stream()
                        .filter(v -> v.candidateId().equals(p.candidateId()))
                        .findFirst();
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
                screens,
                probeUses,
                probeDecisions,
                records,
                proposerCalls,
                spend,
                0,
                completedIterations,
                stopped);
    }

    /** The iteration ended without a promotion. */
    private LoopState discarded() {
        return new LoopState(
                libraries,
                startVersion,
                currentVersion,
                current,
                screens,
                probeUses,
                probeDecisions,
                standings,
                proposerCalls,
                spend,
                consecutiveDiscards + 1,
                completedIterations + 1,
                stopped);
    }

    private LoopState with(IterationState it) {
        return with(it, proposerCalls, spend);
    }

    private LoopState with(IterationState it, Map<String, ModelCallRecorded> calls, Spend newSpend) {
        return new LoopState(
                libraries,
                startVersion,
                currentVersion,
                it,
                screens,
                probeUses,
                probeDecisions,
                standings,
                calls,
                newSpend,
                consecutiveDiscards,
                completedIterations,
                stopped);
    }

    private static String screenKey(String instanceId, int sample) {
        return instanceId + "#s" + sample;
    }

    private static <K, V> Map<K, V> plus(Map<K, V> map, K key, V value) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static <K, V> Map<K, V> frozen(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
