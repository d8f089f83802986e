package dev.ratchet.env.compose;

import dev.ratchet.env.Answers;
import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Outcome;
import dev.ratchet.env.Rng;

/**
 * The answer to a part that is not one of ours (a suite task, a plugin environment): its own
 * verifier decides, and its own wrong answer is reused.
 */
record OpaqueSlot(Environment environment, Instance instance) implements Slot {

    @Override
    public int bases() {
        return environment.baseIds().size();
    }

    @Override
    public String expected() {
        return instance.expected().replace('\n', ' ');
    }

    @Override
    public String placeholder() {
        return "<answer>";
    }

    @Override
    public String note() {
        return "the answer to a task that states its own format is written in that format";
    }

    @Override
    public Outcome check(String answer) {
        return environment.verify(instance, answer);
    }

    @Override
    public String wrong(Rng rng) {
        return Answers.extract(environment.wrongAnswer(instance, rng.nextLong()))
                .replace('\n', ' ');
    }
}
