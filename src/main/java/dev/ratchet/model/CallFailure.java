package dev.ratchet.model;

/**
 * Why one attempt at a provider failed, and what the retry layer does about it. The label is what
 * an attempt records as its result; {@link #errorClass()} is what a failed call records.
 */
public enum CallFailure {
    RATE_LIMITED("rate-limited", Action.RETRY, false),
    SERVER_ERROR("server-error", Action.RETRY, true),
    OVERLOADED("overloaded", Action.RETRY, true),
    TIMEOUT("timeout", Action.RETRY, true),
    CONNECTION_RESET("connection-reset", Action.RETRY, true),
    CONNECTION_REFUSED("connection-refused", Action.RETRY, true),
    // An outage too: a provider that keeps answering bodies no adapter can read is down for us.
    MALFORMED_RESPONSE("malformed-response", Action.RETRY, true),
    BAD_REQUEST("bad-request", Action.RECORD, false),
    PROVIDER_ERROR("provider-error", Action.RECORD, false),
    UNAUTHORIZED("unauthorized", Action.REJECT, false),
    FORBIDDEN("forbidden", Action.REJECT, false),
    NOT_FOUND("not-found", Action.REJECT, false),
    REDIRECTED("redirected", Action.REJECT, false),
    QUOTA_EXHAUSTED("quota-exhausted", Action.STOP, false);

    /** A failed call's error class when its attempts were retried and ran out: not the agent's fault. */
    public static final String INFRASTRUCTURE = "infrastructure";
    /** The provider refused this one request (400, 413, 422...): it was not retried. */
    public static final String REQUEST_REJECTED = "request-rejected";
    /** The provider failed in a way the harness does not know to retry. */
    public static final String PROVIDER_FAILED = "provider-error";
    /** The call stopped the campaign because the account's quota is exhausted. */
    public static final String QUOTA = "quota-exhausted";
    /** The call stopped the campaign because the provider refused the configuration (401, 403, 404, 3xx). */
    public static final String REJECTED = "provider-rejected";

    /** What the retry layer does with a failure. */
    public enum Action {
        /** Back off and try again while attempts remain. */
        RETRY,
        /** Give up on this call and record it as failed. */
        RECORD,
        /** Throw {@link ProviderRejectedException}: no call can succeed with this configuration. */
        REJECT,
        /** Throw {@link QuotaExhaustedException}: the campaign must stop until the quota is raised. */
        STOP
    }

    private final String label;
    private final Action action;
    private final boolean outage;

    CallFailure(String label, Action action, boolean outage) {
        this.label = label;
        this.action = action;
        this.outage = outage;
    }

    public String label() {
        return label;
    }

    public Action action() {
        return action;
    }

    /** Whether it counts towards opening the circuit breaker (the provider looks down). */
    public boolean outage() {
        return outage;
    }

    public String errorClass() {
        switch (action) {
            case RETRY:
                return INFRASTRUCTURE;
            case REJECT:
                return REJECTED;
            case STOP:
                return QUOTA;
            default:
                return this == BAD_REQUEST ? REQUEST_REJECTED : PROVIDER_FAILED;
        }
    }
}
