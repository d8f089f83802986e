package dev.ratchet.log;

/** An append lost an optimistic-concurrency or idempotency check; nothing was written. */
public final class ConcurrencyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConcurrencyException(String message) {
        super(message);
    }
}
