package dev.ratchet.cli;

import dev.ratchet.campaign.Candidates;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.LibrarySnapshotted;
import dev.ratchet.projection.Fold;
import dev.ratchet.projection.LibraryVersions;
import dev.ratchet.skill.EditResult;
import dev.ratchet.skill.LibrarySnapshots;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every proposed candidate's library, for {@code diff}: the iteration's library with the candidate's
 * edit applied. A promoted or gated candidate's library was snapshotted, and the recomputed one is
 * that snapshot; a candidate the static gate rejected was never snapshotted, and is recomputed.
 */
final class CandidateLibraries implements Fold<CandidateLibraries> {

    // Looked up by id only, never iterated.
    private final Map<Integer, String> iterationVersions = new HashMap<>();
    private final Map<String, CandidateProposed> proposals = new HashMap<>();

    @Override
    public void accept(Event e) {
        if (e instanceof IterationStarted i) {
            iterationVersions.put(i.iteration(), i.libraryVersion());
        } else if (e instanceof CandidateProposed p) {
            proposals.put(p.candidateId(), p);
        }
    }

    @Override
    public CandidateLibraries result() {
        return this;
    }

    /**
     * The library of candidate {@code candidateId}; empty when no candidate has that id.
     *
     * @throws UsageException when the candidate's edit does not apply to its iteration's library
     */
    Optional<LibrarySnapshotted> library(String candidateId, LibraryVersions versions) {
        CandidateProposed p = proposals.get(candidateId);
        if (p == null) {
            return Optional.empty();
        }
        String parent = iterationVersions.get(p.iteration());
        LibrarySnapshotted base =
                parent == null ? null : versions.version(parent).orElse(null);
        if (base == null) {
            throw new UsageException("candidate " + candidateId + ": its iteration's library is not in the log");
        }
        EditResult r = Candidates.library(LibrarySnapshots.library(base), p);
        if (r instanceof EditResult.Rejected rejected) {
            throw new UsageException("candidate " + candidateId + " has no library: its edit does not apply to"
                    + " iteration " + p.iteration() + "'s library (" + rejected.reason() + ")");
        }
        LibrarySnapshotted computed = LibrarySnapshots.snapshot(((EditResult.Applied) r).library(), parent);
        return Optional.of(versions.version(computed.version()).orElse(computed));
    }
}
