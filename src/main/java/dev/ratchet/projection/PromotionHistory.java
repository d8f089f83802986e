package dev.ratchet.projection;

import dev.ratchet.log.event.Event;
import java.util.List;
import java.util.Optional;

/**
 * The promotion timeline: every candidate edit of the campaign in the order it was proposed, with
 * its gate evidence and what became of it, plus the iteration steps that produced no candidate.
 */
public record PromotionHistory(List<Decision> decisions, Placebo placebo) {

    public PromotionHistory {
        decisions = List.copyOf(decisions);
    }

    public PromotionHistory(List<Decision> decisions) {
        this(decisions, new Placebo(0, 0));
    }

    /**
     * The placebo (a null edit run through the gate as if it were real, never promoted): in how many
     * decisions it ran, and in how many it would have passed: the false-promotion rate measured on
     * this campaign's own model.
     */
    public record Placebo(int decisions, int passed) {}

    public static PromotionHistory of(Iterable<? extends Event> events) {
        return Fold.over(events, fold());
    }

    public static Fold<PromotionHistory> fold() {
        return new PromotionHistoryFold();
    }

    public List<Decision> promotions() {
        return decisions.stream()
                .filter(d -> d.status() == Decision.Status.PROMOTED)
                .toList();
    }

    public List<Decision> iteration(int iteration) {
        return decisions.stream().filter(d -> d.iteration() == iteration).toList();
    }

    public Optional<Decision> candidate(String candidateId) {
        return decisions.stream()
                .filter(d -> candidateId.equals(d.candidateId()))
                .findFirst();
    }
}
