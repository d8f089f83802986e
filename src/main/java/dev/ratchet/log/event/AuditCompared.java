package dev.ratchet.log.event;

import java.util.Objects;

/**
 * One paired, sequential comparison of an audit: {@code version} against {@code baseVersion} on
 * fresh items (of {@code env} only, when not null), with the measured gain of {@code version} over
 * the base and its 95% interval. {@code status} is {@code better} or {@code worse} (shown at the
 * gate's alpha), {@code no-effect} (shown smaller than the gate's min-effect either way) or {@code
 * undecided} (the item cap). For a re-check, {@code iteration}, {@code candidateId} and {@code
 * claimed} name the promotion and the gain its gate reported; they are null in a bisection. In an
 * ablation, {@code part} names the learned part left out ({@code skill:NAME} or {@code
 * section:NAME}), {@code baseVersion} is the library without it and {@code version} the full one, so
 * the gain is the part's contribution. A transfer names its environment in {@code env}.
 */
public record AuditCompared(
        String audit,
        int step,
        String baseVersion,
        String version,
        String env,
        Integer iteration,
        String candidateId,
        GateDecided.Gain claimed,
        GateDecided.Gain gain,
        String status,
        String part)
        implements Event {

    public static final String BETTER = "better";
    public static final String WORSE = "worse";
    public static final String NO_EFFECT = "no-effect";
    public static final String UNDECIDED = "undecided";

    public AuditCompared {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(baseVersion, "baseVersion");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(gain, "gain");
        Objects.requireNonNull(status, "status");
    }

    /** A comparison of a re-check or a bisection: no part. */
    public AuditCompared(
            String audit,
            int step,
            String baseVersion,
            String version,
            String env,
            Integer iteration,
            String candidateId,
            GateDecided.Gain claimed,
            GateDecided.Gain gain,
            String status) {
        this(audit, step, baseVersion, version, env, iteration, candidateId, claimed, gain, status, null);
    }

    /** Whether {@code version} was shown better than its base with confidence. */
    public boolean better() {
        return BETTER.equals(status);
    }

    /** Whether {@code version} was shown worse than its base with confidence. */
    public boolean worse() {
        return WORSE.equals(status);
    }
}
