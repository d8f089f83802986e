package dev.ratchet.model;

import dev.ratchet.log.event.ModelCallRecorded;

/**
 * The provider refuses the configuration itself (401, 403, 404 or a redirect): a wrong key, a key without
 * access, a wrong model name or base URL. No retry can help and no other call would fare better.
 */
public final class ProviderRejectedException extends ModelStopException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    public ProviderRejectedException(String message, int httpStatus, ModelCallRecorded record) {
        super(message, record);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
