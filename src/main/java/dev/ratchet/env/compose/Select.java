package dev.ratchet.env.compose;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Seeds;
import dev.ratchet.env.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SELECT: the steps of a chain are shown among distractors (each step's environment again, with
 * other parameters); the agent picks the operations that reach the target and orders them.
 */
final class Select extends Ordering {

    Select(List<Composable> children) {
        super(Operator.SELECT, children);
    }

    @Override
    public String description() {
        return "Pick and order " + steps().size() + " operations among distractors: "
                + String.join(", ", children().stream().map(c -> c.id()).toList());
    }

    @Override
    Part bind(long seed, int difficulty) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Chain> chain = Chain.draw(steps(), seed, difficulty, attempt);
            if (chain.isPresent()) {
                List<Step> candidates = new ArrayList<>(chain.get().steps());
                candidates.addAll(distractors(chain.get(), seed, difficulty, attempt));
                return part(
                        chain.get(),
                        candidates,
                        false,
                        Rng.derived(seed, "labels", Integer.toString(attempt)),
                        "Choose some of the operations below, each at most once, and put them in an order so that,"
                                + " applied one after another and each to the result of the one before, they");
            }
        }
        throw noInstance(seed, difficulty);
    }

    /** One distractor per step: the same environment with freshly drawn parameters, when they differ. */
    private List<Step> distractors(Chain chain, long seed, int difficulty, int attempt) {
        List<Step> distractors = new ArrayList<>();
        Set<String> shown = OrderSlot.instructions(chain.steps());
        for (int i = 0; i < steps().size(); i++) {
            Composable step = steps().get(i);
            long distractorSeed = Seeds.derive(seed, "distractor", Integer.toString(i), Integer.toString(attempt));
            Optional<Step> other = step.apply(chain.inputs().get(i), distractorSeed, childDifficulty(step, difficulty));
            if (other.isPresent() && shown.add(other.get().instruction(CURRENT))) {
                distractors.add(other.get());
            }
        }
        return distractors;
    }
}
