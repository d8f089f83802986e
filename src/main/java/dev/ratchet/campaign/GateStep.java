package dev.ratchet.campaign;

import dev.ratchet.env.Instance;
import dev.ratchet.gate.AcceptanceRule;
import dev.ratchet.gate.FlipAccounting;
import dev.ratchet.gate.ProbeBuilder;
import dev.ratchet.gate.Seeds;
import dev.ratchet.log.event.BaselineProbeScored;
import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.CandidateProbeScored;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.ItemResult;
import dev.ratchet.log.event.ProbeBuilt;
import dev.ratchet.log.event.ProbeBuilt.ProbeItem;
import dev.ratchet.skill.Library;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The held-out gate of an iteration: screen the probe pool under the current version (once per
 * version), draw a fresh probe, run the baseline and every candidate that passed the static gate
 * on it with k samples per item, then count flips and apply the acceptance rule.
 */
final class GateStep {

    private final long seed;
    private final int probeSize;
    private final int samples;
    private final AcceptanceRule rule;
    private final SplitIndex splits;

    GateStep(long seed, int probeSize, int samples, AcceptanceRule rule, SplitIndex splits) {
        this.seed = seed;
        this.probeSize = probeSize;
        this.samples = samples;
        this.rule = rule;
        this.splits = splits;
    }

    /** A candidate that passed the static gate: its id, episode-id tag and library version. */
    record Candidate(String candidateId, String tag, String version) {}

    /** Pool items not yet screened under the current version, k samples each. */
    List<EpisodeRequest> screenRequests(LoopState state) {
        IterationState it = state.current();
        List<EpisodeRequest> out = new ArrayList<>();
        for (Instance i : splits.probe()) {
            for (int s = 0; s < samples; s++) {
                if (!state.probes().screened(it.libraryVersion(), i.id(), s)) {
                    out.add(EpisodeRequest.of(it.number(), "screen", "screen", "probe", i, it.libraryVersion(), s));
                }
            }
        }
        return out;
    }

    /** The probe for this decision, from a seed derived from (campaign seed, iteration). */
    ProbeBuilt probe(LoopState state) {
        IterationState it = state.current();
        List<ProbeBuilder.PoolItem> pool = new ArrayList<>();
        for (Instance i : splits.probe()) {
            pool.add(new ProbeBuilder.PoolItem(
                    i.id(),
                    i.envId(),
                    state.probes().screenState(it.libraryVersion(), i.id(), samples),
                    state.probes().timesUsed(i.id())));
        }
        Set<String> excluded = new HashSet<>(it.batch());
        splits.confirm().forEach(i -> excluded.add(i.id()));
        long decisionSeed = Seeds.derive(seed, "probe", Integer.toString(it.number()));
        return ProbeBuilder.build(
                it.number(),
                decisionSeed,
                probeSize,
                pool,
                excluded,
                state.probes().decisions() + 1);
    }

    List<Candidate> candidates(LoopState state) {
        IterationState it = state.current();
        Library current = state.library(it.libraryVersion()).orElseThrow();
        List<Candidate> out = new ArrayList<>();
        for (String cid : it.staticallyPassed()) {
            CandidateProposed p = it.proposal(cid).orElseThrow();
            String tag = "cand-" + cid.substring(cid.lastIndexOf("-c") + 2);
            out.add(new Candidate(
                    cid, tag, ProposalStep.candidateLibrary(current, p).version()));
        }
        return out;
    }

    /** Baseline then candidate episodes on the probe that are not recorded yet. */
    List<EpisodeRequest> probeRequests(LoopState state) {
        IterationState it = state.current();
        List<EpisodeRequest> out = new ArrayList<>();
        addMissing(it, "baseline", "baseline", it.libraryVersion(), out);
        for (Candidate c : candidates(state)) {
            addMissing(it, c.tag(), "candidate", c.version(), out);
        }
        return out;
    }

    private void addMissing(IterationState it, String tag, String phase, String version, List<EpisodeRequest> out) {
        for (ProbeItem item : it.probe().items()) {
            Instance instance = splits.instance(item.instanceId());
            for (int s = 0; s < samples; s++) {
                EpisodeRequest r = EpisodeRequest.of(it.number(), tag, phase, "probe", instance, version, s);
                if (it.episode(r.episodeId()).isEmpty()) {
                    out.add(r);
                }
            }
        }
    }

    /** Scores, the decision, and the promotion or the discards. */
    List<Event> decide(LoopState state) {
        IterationState it = state.current();
        int n = it.number();
        List<Event> events = new ArrayList<>();
        Map<String, List<String>> baseline = outcomes(it, "baseline");
        events.add(new BaselineProbeScored(n, it.libraryVersion(), results(it, baseline)));
        List<AcceptanceRule.Scored> scored = new ArrayList<>();
        List<Candidate> candidates = candidates(state);
        for (Candidate c : candidates) {
            Map<String, List<String>> outcomes = outcomes(it, c.tag());
            events.add(new CandidateProbeScored(n, c.candidateId(), c.version(), results(it, outcomes)));
            scored.add(new AcceptanceRule.Scored(
                    c.candidateId(), FlipAccounting.count(it.probe().items(), baseline, outcomes)));
        }
        GateDecided decision = rule.decide(n, scored);
        events.add(decision);
        for (int i = 0; i < candidates.size(); i++) {
            GateDecided.Verdict v = decision.verdicts().get(i);
            if (v.accepted()) {
                events.add(new CandidatePromoted(
                        n,
                        v.candidateId(),
                        it.libraryVersion(),
                        candidates.get(i).version()));
            }
        }
        for (GateDecided.Verdict v : decision.verdicts()) {
            if (!v.accepted()) {
                events.add(new CandidateDiscarded(n, v.candidateId(), "gate: " + v.reason()));
            }
        }
        return events;
    }

    /** Each probe item's recorded outcomes for one run (baseline or a candidate), in sample order. */
    private Map<String, List<String>> outcomes(IterationState it, String tag) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ProbeItem item : it.probe().items()) {
            List<String> got = new ArrayList<>();
            for (int s = 0; s < samples; s++) {
                String id = "i" + it.number() + "/" + tag + "/" + item.instanceId() + "/s" + s;
                got.add(it.episode(id).orElseThrow().outcome());
            }
            out.put(item.instanceId(), got);
        }
        return out;
    }

    private static List<ItemResult> results(IterationState it, Map<String, List<String>> outcomes) {
        return it.probe().items().stream()
                .map(i -> new ItemResult(i.instanceId(), outcomes.get(i.instanceId())))
                .toList();
    }
}
