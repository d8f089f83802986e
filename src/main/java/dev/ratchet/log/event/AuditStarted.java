package dev.ratchet.log.event;

import java.util.List;
import java.util.Objects;

/**
 * An audit of a finished campaign began. {@code kind} says which:
 *
 * <ul>
 *   <li>{@code recheck}: every promotion against its predecessor;
 *   <li>{@code bisect}: the promotion chain from {@code good} to {@code bad}, on the whole mix or on
 *       one environment ({@code env}, null for the mix);
 *   <li>{@code ablate}: every learned part of library {@code version} left out in turn;
 *   <li>{@code transfer}: library {@code bad} (the final one) against {@code good} (the initial
 *       one) on each of {@code envs}, environments the campaign did not train on.
 * </ul>
 *
 * {@code audit} names it in the events that follow ({@code recheck-1}, {@code ablate-2}) and in its
 * items' seeds, so every audit draws instances of its own. It is the audit's input: replay copies it
 * and regenerates the rest. Fields a kind does not use are null (and absent from the JSON).
 */
public record AuditStarted(
        String audit, String kind, String good, String bad, String env, String version, List<String> envs)
        implements Event {

    public static final String RECHECK = "recheck";
    public static final String BISECT = "bisect";
    public static final String ABLATE = "ablate";
    public static final String TRANSFER = "transfer";

    public AuditStarted {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(kind, "kind");
        if (!List.of(RECHECK, BISECT, ABLATE, TRANSFER).contains(kind)) {
            throw new IllegalArgumentException("an audit is a recheck, bisect, ablate or transfer, not " + kind);
        }
        envs = envs == null ? null : List.copyOf(envs);
    }

    /** A re-check or a bisection. */
    public AuditStarted(String audit, String kind, String good, String bad, String env) {
        this(audit, kind, good, bad, env, null, null);
    }

    /** An ablation of {@code version}. */
    public static AuditStarted ablate(String audit, String version) {
        return new AuditStarted(audit, ABLATE, null, null, null, Objects.requireNonNull(version, "version"), null);
    }

    /** A transfer measurement of {@code finalVersion} against {@code initial} on {@code envs}. */
    public static AuditStarted transfer(String audit, String initial, String finalVersion, List<String> envs) {
        return new AuditStarted(audit, TRANSFER, initial, finalVersion, null, null, envs);
    }
}
