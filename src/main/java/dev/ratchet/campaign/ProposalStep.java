package dev.ratchet.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ProposalFailed;
import dev.ratchet.model.CallFailure;
import dev.ratchet.propose.FailureClusters;
import dev.ratchet.propose.ProposalParser;
import dev.ratchet.propose.ProposerInput;
import dev.ratchet.propose.ProposerPrompt;
import dev.ratchet.propose.StaticGate;
import dev.ratchet.propose.StaticVerdict;
import dev.ratchet.skill.EditResult;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.LibrarySnapshots;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The proposer step of an iteration: one call per failure cluster (ranked, top K), a single retry
 * for a malformed answer, then every proposal through the static gate. Which calls are still
 * needed, and what they answered, is read from the state alone.
 */
final class ProposalStep {

    private final int candidates;
    private final int maxSkillChars;
    private final SplitIndex splits;
    private final StaticGate gate;

    ProposalStep(int candidates, int maxSkillChars, SplitIndex splits, StaticGate gate) {
        this.candidates = candidates;
        this.maxSkillChars = maxSkillChars;
        this.splits = splits;
        this.gate = gate;
    }

    static String callId(int iteration, int cluster, int attempt) {
        return "i" + iteration + "/propose/c" + cluster + "/a" + attempt;
    }

    static String candidateId(int iteration, int cluster) {
        return "i" + iteration + "-c" + cluster;
    }

    static String provenance(int iteration, String candidateId) {
        return "proposed: iteration " + iteration + ", candidate " + candidateId;
    }

    /** The candidate's library: the iteration's library with the edit applied (pure, so recomputed). */
    static Library candidateLibrary(Library current, CandidateProposed p) {
        EditResult r = Candidates.library(current, p);
        if (r instanceof EditResult.Applied applied) {
            return applied.library();
        }
        throw new IllegalStateException(
                p.candidateId() + " passed the static gate but does not apply: " + ((EditResult.Rejected) r).reason());
    }

    /** The calls still to make, or the events that settle every cluster. */
    Action next(LoopState state) {
        IterationState it = state.current();
        List<FailureClusters.Cluster> clusters = FailureClusters.top(it.failures(), candidates);
        List<Resolution> resolutions = new ArrayList<>();
        List<ProposerCall> pending = new ArrayList<>();
        for (int j = 1; j <= clusters.size(); j++) {
            Resolution r = resolve(state, j, clusters.get(j - 1));
            resolutions.add(r);
            if (r instanceof Resolution.Pending p) {
                pending.add(p.call());
            }
        }
        if (pending.isEmpty()) {
            return new Action.Emit(events(state, resolutions));
        }
        // Every first attempt before any retry: the calls then reach the log in the same order
        // whether or not the campaign was interrupted between them.
        List<ProposerCall> firsts =
                pending.stream().filter(c -> c.callId().endsWith("/a1")).toList();
        return new Action.CallProposer(firsts.isEmpty() ? pending : firsts);
    }

    private sealed interface Resolution {
        record Pending(ProposerCall call) implements Resolution {}

        record Proposed(FailureClusters.Cluster cluster, ProposalParser.Parsed parsed, String callId)
                implements Resolution {}

        record Failed(FailureClusters.Cluster cluster, String reason, String callId) implements Resolution {}
    }

    private Resolution resolve(LoopState state, int j, FailureClusters.Cluster cluster) {
        int n = state.current().number();
        ChatRequest first = ProposerPrompt.request(input(state, cluster));
        String id1 = callId(n, j, 1);
        ModelCallRecorded a1 = state.proposerCalls().get(id1);
        if (a1 == null) {
            return new Resolution.Pending(new ProposerCall(id1, cluster.label(), first));
        }
        if (a1.response() == null) {
            return new Resolution.Failed(cluster, callFailed(a1), id1);
        }
        ProposalParser.Result r1 = ProposalParser.parseResponse(a1.response());
        if (r1 instanceof ProposalParser.Parsed p) {
            return new Resolution.Proposed(cluster, p, id1);
        }
        String problem1 = ((ProposalParser.Malformed) r1).problem();
        String id2 = callId(n, j, 2);
        ModelCallRecorded a2 = state.proposerCalls().get(id2);
        if (a2 == null) {
            return new Resolution.Pending(
                    new ProposerCall(id2, cluster.label(), ProposerPrompt.retry(first, text(a1), problem1)));
        }
        if (a2.response() == null) {
            return new Resolution.Failed(cluster, "malformed (" + problem1 + "), then " + callFailed(a2), id2);
        }
        ProposalParser.Result r2 = ProposalParser.parseResponse(a2.response());
        if (r2 instanceof ProposalParser.Parsed p) {
            return new Resolution.Proposed(cluster, p, id2);
        }
        return new Resolution.Failed(
                cluster, "malformed twice: " + problem1 + "; then " + ((ProposalParser.Malformed) r2).problem(), id2);
    }

    /**
     * Why a call gave no answer. A server that refuses the request outright (400) while it carried
     * a response format or a tool often has no structured output: the reason then says how to turn
     * it off.
     */
    private static String callFailed(ModelCallRecorded call) {
        String reason = "the proposer call failed (" + call.errorClass() + ")";
        JsonNode request = call.request();
        boolean structured = request.path("parameters").has("responseFormat")
                || request.path("tools").size() > 0;
        return structured && CallFailure.REQUEST_REJECTED.equals(call.errorClass())
                ? reason + "; if the server has no structured output, give the proposer's model"
                        + " proposer: {structured_output: false} in the models file"
                : reason;
    }

    private ProposerInput input(LoopState state, FailureClusters.Cluster cluster) {
        IterationState it = state.current();
        List<EpisodeScored> batch = new ArrayList<>();
        for (String id : it.batch()) {
            it.episode(Decider.batchEpisodeId(it.number(), id)).ifPresent(batch::add);
        }
        Library library = state.library(it.libraryVersion()).orElseThrow();
        return ProposerInput.of(
                it.number(),
                cluster,
                batch,
                splits::instance,
                library,
                state.standings(),
                maxSkillChars,
                state.rejectedEdits());
    }

    /** The answer of a recorded call: its text, or the arguments of its structured-output tool call. */
    static String text(ModelCallRecorded call) {
        return ProposalParser.answer(call.response());
    }

    private List<Event> events(LoopState state, List<Resolution> resolutions) {
        IterationState it = state.current();
        int n = it.number();
        Library current = state.library(it.libraryVersion()).orElseThrow();
        List<Event> events = new ArrayList<>();
        Set<String> accepted = new LinkedHashSet<>();
        Set<String> snapshotted = new HashSet<>(state.libraries().keySet());
        for (int j = 1; j <= resolutions.size(); j++) {
            Resolution r = resolutions.get(j - 1);
            if (r instanceof Resolution.Failed f) {
                events.add(new ProposalFailed(n, f.cluster().label(), f.reason(), f.callId()));
                continue;
            }
            Resolution.Proposed p = (Resolution.Proposed) r;
            String cid = candidateId(n, j);
            events.add(new CandidateProposed(
                    n, cid, p.cluster().label(), p.parsed().edit(), p.parsed().rationale(), p.callId()));
            StaticVerdict verdict = gate.check(current, p.parsed().edit(), provenance(n, cid), accepted);
            events.add(verdict.toEvent(n, cid));
            if (verdict instanceof StaticVerdict.Passed passed) {
                accepted.add(passed.library().version());
                if (snapshotted.add(passed.library().version())) {
                    events.add(LibrarySnapshots.snapshot(passed.library(), current.version()));
                }
            } else {
                StaticVerdict.Failed failed = (StaticVerdict.Failed) verdict;
                events.add(
                        new CandidateDiscarded(n, cid, "static gate, rule " + failed.rule() + ": " + failed.detail()));
            }
        }
        if (accepted.isEmpty()) {
            events.add(new CandidateDiscarded(
                    n,
                    null,
                    resolutions.stream().anyMatch(Resolution.Proposed.class::isInstance)
                            ? "no candidate passed the static gate"
                            : "the proposer gave no usable proposal"));
        }
        return events;
    }
}
