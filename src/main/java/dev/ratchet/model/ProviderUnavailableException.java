package dev.ratchet.model;

/**
 * The circuit breaker stayed open for longer than the configured maximum outage: the campaign
 * stops, resumably, rather than wait for ever or fail every episode as infrastructure.
 */
public final class ProviderUnavailableException extends ModelStopException {

    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String message) {
        super(message, null);
    }
}
