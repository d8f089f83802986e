package dev.ratchet.campaign;

import dev.ratchet.agent.EpisodeResult;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.ModelCall;
import dev.ratchet.model.ModelStopException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps infrastructure failures out of the evidence. An episode whose calls failed for the
 * provider's reasons (retries exhausted on a timeout, a 5xx, a refused connection) says nothing
 * about the agent, yet as a score it would still shape what is decided: a gate item paired on
 * nothing, a batch with one failure fewer for the proposer. So it is run again at once, under its
 * own id, up to {@link #ATTEMPTS} times; each failed attempt's calls are recorded as a block of
 * {@link dev.ratchet.log.event.InterruptedCalls} (they reached the provider), never as a score.
 * An episode that still fails stops the campaign resumably: the decision waits, and a resume runs
 * it again. Replay, whose recorded calls answer at the first attempt, copies the blocks where they
 * stand, so a run with faults replays strictly and decides as the fault-free run does.
 */
final class InfraReruns {

    /** Attempts per episode in one run, the first included. */
    static final int ATTEMPTS = 3;

    private final Map<String, EpisodeRequest> requests;
    private final Function<EpisodeRequest, EpisodeResult> rerun;
    private final Function<EpisodeRequest, Integer> maxCalls;
    private long room;

    /**
     * @param room calls the budget still allows beyond the worst case of the episodes already
     *     started: a rerun that might not fit stops the campaign instead of overspending
     */
    InfraReruns(
            List<EpisodeRequest> requests,
            Function<EpisodeRequest, EpisodeResult> rerun,
            Function<EpisodeRequest, Integer> maxCalls,
            long room) {
        this.requests = new java.util.HashMap<>();
        requests.forEach(r -> this.requests.put(r.episodeId(), r));
        this.rerun = rerun;
        this.maxCalls = maxCalls;
        this.room = room;
    }

    /**
     * A batch with every infrastructure failure run again: the results to record in order, then,
     * if an episode could not be settled, the calls of the results after it (to record as
     * interrupted), the stop to throw once the settled ones are written and the episode's last attempt.
     */
    record Settled(
            List<EpisodeResult> results, List<ModelCallRecorded> rest, ModelStopException stop, EpisodeResult failed) {}

    /** @param failedAttempt records one failed attempt's calls as a block of their own */
    Settled settle(List<EpisodeResult> batch, Consumer<List<ModelCallRecorded>> failedAttempt) {
        List<EpisodeResult> out = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            EpisodeResult result = batch.get(i);
            for (int attempt = 1; infra(result); attempt++) {
                failedAttempt.accept(result.calls());
                EpisodeRequest request = requests.get(result.scored().episodeId());
                String why = whyNotAgain(result, attempt, request);
                if (why != null) {
                    List<ModelCallRecorded> rest = new ArrayList<>();
                    batch.subList(i + 1, batch.size()).forEach(r -> rest.addAll(r.calls()));
                    return new Settled(out, rest, new UnsettledException(why), result);
                }
                room -= maxCalls.apply(request);
                result = rerun.apply(request);
            }
            out.add(result);
        }
        return new Settled(out, List.of(), null, null);
    }

    private String whyNotAgain(EpisodeResult result, int attempt, EpisodeRequest request) {
        String episode = "episode " + result.scored().episodeId();
        String failure =
                result.failure() == null ? "" : " (last: " + result.failure().describe() + ")";
        if (attempt >= ATTEMPTS) {
            return episode + " failed for infrastructure reasons " + attempt + " times in a row" + failure
                    + "; no decision uses it until it runs";
        }
        if (request == null || maxCalls.apply(request) > room) {
            return episode + " failed for infrastructure reasons" + failure
                    + " and the call budget leaves no room to run it again now";
        }
        return null;
    }

    /**
     * A proposer call, called again while it fails for the provider's reasons: each failed attempt's
     * record goes to {@code failedAttempt} (to be kept as interrupted calls), and after {@link
     * #ATTEMPTS} the campaign stops resumably. A failed proposer call would otherwise become a failed
     * proposal, and the campaign would propose differently than without the fault.
     */
    static ModelCall settleCall(
            ModelCall call, Supplier<ModelCall> again, Consumer<ModelCallRecorded> failedAttempt, boolean roomLeft) {
        ModelCall result = call;
        for (int attempt = 1; !result.succeeded(); attempt++) {
            failedAttempt.accept(result.record());
            String failure = result.failure() == null
                    ? ""
                    : " (last: " + result.failure().describe() + ")";
            if (attempt >= ATTEMPTS || !roomLeft) {
                throw new UnsettledException("proposer call " + result.record().callId()
                        + " failed for infrastructure reasons " + attempt + (attempt == 1 ? " time" : " times in a row")
                        + failure + (roomLeft ? "" : " and the call budget leaves no room to call it again now")
                        + "; no proposal is made from it until it is answered");
            }
            result = again.get();
        }
        return result;
    }

    static boolean infra(EpisodeResult result) {
        return "infra".equals(result.scored().outcome());
    }

    /** Stops a campaign, resumably, on an episode or proposer call the provider kept failing. */
    static final class UnsettledException extends ModelStopException {

        private static final long serialVersionUID = 1L;

        UnsettledException(String message) {
            super(message, null);
        }
    }
}
