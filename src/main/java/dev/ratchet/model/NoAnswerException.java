package dev.ratchet.model;

/**
 * The agent's model has not answered one call of a run, and a whole round of episodes failed: the
 * run stops (exit 3) rather than go on to report a campaign or an evaluation made of nothing but
 * infrastructure failures as if it had succeeded.
 */
public final class NoAnswerException extends ModelStopException {

    private static final long serialVersionUID = 1L;

    public NoAnswerException(String message) {
        super(message, null);
    }
}
