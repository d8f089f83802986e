package dev.ratchet.campaign;

import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.FailureClassified;
import dev.ratchet.log.event.GateDecided;
import dev.ratchet.log.event.ProbeBuilt;
import dev.ratchet.log.event.ProposalFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the log says about the iteration in progress (iteration 0 is the starting library's
 * confirm evaluation). Immutable: every {@code with*} returns a copy.
 */
public record IterationState(
        int number,
        String libraryVersion,
        List<String> batch,
        EpisodeIndex episodes,
        EpisodeIndex baselines,
        List<FailureClassified> failures,
        List<CandidateProposed> proposals,
        List<ProposalFailed> proposalFailures,
        List<String> staticallyPassed,
        ProbeBuilt probe,
        GateDecided gate,
        CandidatePromoted promoted,
        ConfirmScored confirm,
        boolean finished) {

    public IterationState {
        batch = List.copyOf(batch);
        failures = List.copyOf(failures);
        proposals = List.copyOf(proposals);
        proposalFailures = List.copyOf(proposalFailures);
        staticallyPassed = List.copyOf(staticallyPassed);
    }

    /** Iteration 0 before the starting library is known. */
    static IterationState zero() {
        return started(0, "", List.of());
    }

    static IterationState started(int number, String version, List<String> batch) {
        return started(number, version, batch, EpisodeIndex.empty());
    }

    /**
     * @param baselines the gate baseline's episodes of earlier decisions on {@code version}, which
     *     this decision reuses (see {@link #gateEpisode})
     */
    static IterationState started(int number, String version, List<String> batch, EpisodeIndex baselines) {
        return new IterationState(
                number,
                version,
                batch,
                EpisodeIndex.empty(),
                baselines,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                false);
    }

    public Optional<EpisodeScored> episode(String episodeId) {
        return episodes.get(episodeId);
    }

    /** Whether the proposer step is over: every cluster has a proposal or a recorded failure. */
    public boolean proposalsResolved() {
        return !proposals.isEmpty() || !proposalFailures.isEmpty();
    }

    public Optional<CandidateProposed> proposal(String candidateId) {
        return proposals.stream()
                .filter(p -> p.candidateId().equals(candidateId))
                .findFirst();
    }

    IterationState withEpisode(EpisodeScored e) {
        EpisodeIndex copy = episodes.with(e.episodeId(), e);
        EpisodeIndex base =
                isGateBaseline(e) ? baselines.with(EpisodeRequest.withoutIteration(e.episodeId()), e) : baselines;
        return new IterationState(
                number,
                libraryVersion,
                batch,
                copy,
                base,
                failures,
                proposals,
                proposalFailures,
                staticallyPassed,
                probe,
                gate,
                promoted,
                confirm,
                finished);
    }

    /**
     * A gate episode for {@code tag} (an arm at an item's place, see {@code GateStep.tag}) on an
     * instance. The baseline's is found whichever decision on this iteration's library version ran
     * it: the baseline runs once per version and item, and every decision on that version pairs its
     * candidates with the same baseline episodes.
     */
    public Optional<EpisodeScored> gateEpisode(String tag, String instanceId, int sample) {
        return tag.startsWith(GateStep.BASELINE + "@")
                ? baselines.get(EpisodeRequest.key(tag, instanceId, sample))
                : episodes.get(EpisodeRequest.id(number, tag, instanceId, sample));
    }

    private boolean isGateBaseline(EpisodeScored e) {
        return "gate".equals(e.split())
                && GateStep.BASELINE.equals(e.phase())
                && libraryVersion.equals(e.libraryVersion());
    }

    IterationState withFailure(FailureClassified f) {
        return new IterationState(
                number,
                libraryVersion,
                batch,
                episodes,
                baselines,
                plus(failures, f),
                proposals,
                proposalFailures,
                staticallyPassed,
                probe,
                gate,
                promoted,
                confirm,
                finished);
    }

    IterationState withProposal(CandidateProposed p) {
        return new IterationState(
                number,
                libraryVersion,
                batch,
                episodes,
                baselines,
                failures,
                plus(proposals, p),
                proposalFailures,
                staticallyPassed,
                probe,
                gate,
                promoted,
                confirm,
                finished);
    }

    IterationState withProposalFailure(ProposalFailed p) {
        return new IterationState(
                number,
                libraryVersion,
                batch,
                episodes,
                baselines,
                failures,
                proposals,
                plus(proposalFailures, p),
                staticallyPassed,
                probe,
                gate,
                promoted,
                confirm,
                finished);
    }

    IterationState withStaticPass(String candidateId) {
        return new IterationState(
                number,
                libraryVersion,
                batch,
                episodes,
                baselines,
                failures,
                proposals,
                proposalFailures,
                plus(staticallyPassed, candidateId),
                probe,
                gate,
                promoted,
                confirm,
                finished);
    }

    IterationState withProbe(ProbeBuilt p) {
        return new IterationState(
                number,
                libraryVersion,
                batch,
                episodes,
                baselines,
                failures,
                proposals,
                proposalFailures,
                staticallyPassed,
                p,
                gate,
                promoted,
                confirm,
                finished);
    }

    IterationState withGate(GateDecided g) {
        return new IterationState(
                number,
                libraryVersion,
                batch,
                episodes,
                baselines,
                failures,
                proposals,
                proposalFailures,
                staticallyPassed,
                probe,
                g,
                promoted,
                confirm,
                finished || g.acceptedCandidateId() == null);
    }

    IterationState withPromotion(CandidatePromoted p) {
        return new IterationState(
                number,
                libraryVersion,
                batch,
                episodes,
                baselines,
                failures,
                proposals,
                proposalFailures,
                staticallyPassed,
                probe,
                gate,
                p,
                confirm,
                finished);
    }

    IterationState withConfirm(ConfirmScored c) {
        return new IterationState(
                number,
                libraryVersion,
                batch,
                episodes,
                baselines,
                failures,
                proposals,
                proposalFailures,
                staticallyPassed,
                probe,
                gate,
                promoted,
                c,
                true);
    }

    IterationState finish() {
        return new IterationState(
                number,
                libraryVersion,
                batch,
                episodes,
                baselines,
                failures,
                proposals,
                proposalFailures,
                staticallyPassed,
                probe,
                gate,
                promoted,
                confirm,
                true);
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
