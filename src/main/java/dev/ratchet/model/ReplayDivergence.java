package dev.ratchet.model;

/**
 * Replay met a model call the log cannot answer: no call was recorded under this id, or the request
 * the code makes now hashes differently from the recorded one. Replay stops here and names the call.
 */
public final class ReplayDivergence extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String callId;
    private final String expectedHash;
    private final String actualHash;

    public ReplayDivergence(String callId, String expectedHash, String actualHash) {
        super(
                expectedHash == null
                        ? "replay diverged at model call " + callId + ": the log records no such call (request "
                                + actualHash + ")"
                        : "replay diverged at model call " + callId + ": recorded request " + expectedHash
                                + ", replayed request " + actualHash);
        this.callId = callId;
        this.expectedHash = expectedHash;
        this.actualHash = actualHash;
    }

    public String callId() {
        return callId;
    }

    /** The recorded request hash, or {@code null} when no call was recorded under this id. */
    public String expectedHash() {
        return expectedHash;
    }

    public String actualHash() {
        return actualHash;
    }
}
