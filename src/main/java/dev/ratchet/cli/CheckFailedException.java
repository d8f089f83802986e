package dev.ratchet.cli;

/** A check the user asked for did not hold (verify, replay). Exit code 1. */
public final class CheckFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CheckFailedException(String message) {
        super(message);
    }
}
