package dev.ratchet.log.event;

/**
 * Something that happened in a campaign: a closed union of past-tense records. {@link EventType}
 * gives each its stable JSON name and current schema version.
 */
public sealed interface Event
        permits CampaignStarted,
                CampaignStopped,
                IterationStarted,
                EpisodeScored,
                ModelCallRecorded,
                FailureClassified,
                CandidateProposed,
                ProposalFailed,
                StaticCheckPassed,
                StaticCheckFailed,
                ProbeBuilt,
                BaselineProbeScored,
                CandidateProbeScored,
                GateDecided,
                CandidatePromoted,
                CandidateDiscarded,
                ConfirmScored,
                LibrarySnapshotted,
                LibraryRolledBack,
                AuditStarted,
                AuditCompared,
                AuditFinished {

    default EventType type() {
        return EventType.of(getClass());
    }
}
