package dev.ratchet.log.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one registry of event types: stable JSON name (never a class name) and current schema
 * version. Bump {@code schemaVersion} when a payload changes shape and register the upgrade in
 * {@link Upcasters}.
 */
public enum EventType {
    CAMPAIGN_STARTED("campaign.started", 1, CampaignStarted.class),
    CAMPAIGN_STOPPED("campaign.stopped", 1, CampaignStopped.class),
    ITERATION_STARTED("iteration.started", 1, IterationStarted.class),
    EPISODE_SCORED("episode.scored", 1, EpisodeScored.class),
    MODEL_CALL_RECORDED("model.call-recorded", 1, ModelCallRecorded.class),
    FAILURE_CLASSIFIED("failure.classified", 1, FailureClassified.class),
    CANDIDATE_PROPOSED("candidate.proposed", 1, CandidateProposed.class),
    PROPOSAL_FAILED("candidate.proposal-failed", 1, ProposalFailed.class),
    STATIC_CHECK_PASSED("gate.static-passed", 1, StaticCheckPassed.class),
    STATIC_CHECK_FAILED("gate.static-failed", 1, StaticCheckFailed.class),
    PROBE_BUILT("gate.probe-built", 1, ProbeBuilt.class),
    BASELINE_PROBE_SCORED("gate.baseline-scored", 1, BaselineProbeScored.class),
    CANDIDATE_PROBE_SCORED("gate.candidate-scored", 1, CandidateProbeScored.class),
    GATE_DECIDED("gate.decided", 1, GateDecided.class),
    CANDIDATE_PROMOTED("candidate.promoted", 1, CandidatePromoted.class),
    CANDIDATE_DISCARDED("candidate.discarded", 1, CandidateDiscarded.class),
    CONFIRM_SCORED("confirm.scored", 1, ConfirmScored.class),
    LIBRARY_SNAPSHOTTED("library.snapshotted", 1, LibrarySnapshotted.class),
    LIBRARY_ROLLED_BACK("library.rolled-back", 1, LibraryRolledBack.class),
    AUDIT_STARTED("audit.started", 1, AuditStarted.class),
    AUDIT_COMPARED("audit.compared", 1, AuditCompared.class),
    AUDIT_FINISHED("audit.finished", 1, AuditFinished.class);

    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.recordClass, Function.identity()));
    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.typeName, Function.identity()));

    private final String typeName;
    private final int schemaVersion;
    private final Class<? extends Event> recordClass;

    EventType(String typeName, int schemaVersion, Class<? extends Event> recordClass) {
        this.typeName = typeName;
        this.schemaVersion = schemaVersion;
        this.recordClass = recordClass;
    }

    public String typeName() {
        return typeName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<? extends Event> recordClass() {
        return recordClass;
    }

    public static EventType of(Class<?> recordClass) {
        EventType type = BY_CLASS.get(recordClass);
        if (type == null) {
            throw new IllegalArgumentException("not a registered event class: " + recordClass.getName());
        }
        return type;
    }

    public static Optional<EventType> named(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }
}
