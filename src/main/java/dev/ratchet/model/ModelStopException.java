package dev.ratchet.model;

import dev.ratchet.log.event.ModelCallRecorded;
import java.util.Optional;

/**
 * No further call to this model can succeed now, so the campaign must stop, resumably, with this
 * message: the quota is exhausted, the provider refuses the configuration, or an outage outlasted
 * the breaker's patience. Everything else a model call meets is a recorded value, not an
 * exception. The message is redacted; {@link #record()} is the failed call's record when an attempt
 * was made, for the caller to append before stopping.
 */
public abstract class ModelStopException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ModelCallRecorded record;

    protected ModelStopException(String message, ModelCallRecorded record) {
        super(message);
        this.record = record;
    }

    public Optional<ModelCallRecorded> record() {
        return Optional.ofNullable(record);
    }
}
