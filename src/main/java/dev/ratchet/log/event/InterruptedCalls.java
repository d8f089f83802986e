package dev.ratchet.log.event;

/**
 * The calls of a round of episodes (or proposer calls) cut short when the provider stopped a
 * campaign: a rejected key, an exhausted quota, an outage past its limit. Their requests reached the
 * provider, so they are recorded, under ids of their own: a resume reruns those
 * episodes under the original ids, and replay, which cannot regenerate what happened to be in flight,
 * takes them from the recording as it takes the wall time.
 */
public final class InterruptedCalls {

    private static final String MARK = "#interrupted@";

    private InterruptedCalls() {}

    /** {@code call} under the id it is recorded with when the block of interrupted calls starts at {@code seq}. */
    public static ModelCallRecorded at(ModelCallRecorded call, long seq) {
        return new ModelCallRecorded(
                call.callId() + MARK + seq,
                call.role(),
                call.model(),
                call.requestHash(),
                call.request(),
                call.response(),
                call.usage(),
                call.latencyMillis(),
                call.attempts(),
                call.errorClass(),
                call.costUsd(),
                call.cachedFrom());
    }

    /** Whether {@code event} is an interrupted call. */
    public static boolean is(Event event) {
        return event instanceof ModelCallRecorded call && call.callId().contains(MARK);
    }
}
