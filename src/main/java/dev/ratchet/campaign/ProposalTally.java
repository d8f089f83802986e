package dev.ratchet.campaign;

/**
 * How the proposer's answers fared over a campaign: how many gave an edit (whatever the gates made
 * of it), how many gave none after their retry, and why the last of those failed. A proposer that
 * never gives an edit (a token limit that cuts every answer off, a model that cannot write the JSON)
 * makes a campaign that can only discard, and this is how it says so.
 */
public record ProposalTally(int parsed, int failed, String lastProblem) {

    static final ProposalTally NONE = new ProposalTally(0, 0, null);

    public ProposalTally {
        if (parsed < 0 || failed < 0) {
            throw new IllegalArgumentException("negative proposal counts");
        }
    }

    ProposalTally withParsed() {
        return new ProposalTally(parsed + 1, failed, lastProblem);
    }

    ProposalTally withFailure(String problem) {
        return new ProposalTally(parsed, failed + 1, problem);
    }

    /** True when proposals were asked for and not one gave an edit. */
    public boolean noneParsed() {
        return parsed == 0 && failed > 0;
    }

    /** E.g. {@code 0 of 8 proposals parsed: malformed twice: ...}; the problem only when none parsed. */
    public String describe() {
        String counts = parsed + " of " + (parsed + failed) + " proposals parsed";
        return noneParsed() ? counts + ": " + lastProblem : counts;
    }
}
