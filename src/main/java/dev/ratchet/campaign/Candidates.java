package dev.ratchet.campaign;

import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.skill.EditResult;
import dev.ratchet.skill.Edits;
import dev.ratchet.skill.Library;

/**
 * A candidate's library, recomputed from its iteration's library and its edit. Applying an edit is
 * pure, so every proposed candidate has a library, promoted or not, snapshotted or not; one whose
 * edit does not apply has the reason instead.
 */
public final class Candidates {

    private Candidates() {}

    public static EditResult library(Library iterationLibrary, CandidateProposed proposal) {
        return Edits.apply(
                iterationLibrary,
                proposal.edit(),
                ProposalStep.provenance(proposal.iteration(), proposal.candidateId()));
    }
}
