package dev.ratchet.model;

import dev.ratchet.log.event.ModelCallRecorded;

/**
 * The provider says the account's quota or balance is used up (a 429 with {@code
 * insufficient_quota}, a 402, or a Retry-After longer than the configured maximum). Never retried:
 * waiting will not help, and the campaign resumes once the quota is raised.
 */
public final class QuotaExhaustedException extends ModelStopException {

    private static final long serialVersionUID = 1L;

    public QuotaExhaustedException(String message, ModelCallRecorded record) {
        super(message, record);
    }
}
