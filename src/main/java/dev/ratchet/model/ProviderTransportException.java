package dev.ratchet.model;

/**
 * The exchange with a provider failed below HTTP: a timeout, a reset or refused connection, or a
 * success status whose body is not JSON. Carries the {@link CallFailure} it was classified as where
 * the evidence was clearest, at the socket.
 */
public final class ProviderTransportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CallFailure kind;

    public ProviderTransportException(CallFailure kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public CallFailure kind() {
        return kind;
    }
}
