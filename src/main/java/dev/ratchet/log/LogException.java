package dev.ratchet.log;

/** The log's storage failed or refused access (I/O, corruption, another writer holds the lock). */
public final class LogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LogException(String message) {
        super(message);
    }

    public LogException(String message, Throwable cause) {
        super(message, cause);
    }
}
