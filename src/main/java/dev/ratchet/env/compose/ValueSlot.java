package dev.ratchet.env.compose;

import dev.ratchet.env.AnswerFormat;
import dev.ratchet.env.Outcome;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Step;
import dev.ratchet.env.Value;
import dev.ratchet.env.ValueCheck;
import dev.ratchet.env.ValueFormat;
import dev.ratchet.env.WrongValues;

/** The result of one step, checked as a value of the step's output type. */
record ValueSlot(Value expectedValue, boolean caseSensitive, int bases) implements Slot {

    static ValueSlot of(Step step) {
        return new ValueSlot(step.output(), step.caseSensitive(), step.baseIds().size());
    }

    @Override
    public String expected() {
        return ValueFormat.render(expectedValue);
    }

    @Override
    public String placeholder() {
        return AnswerFormat.placeholder(expectedValue.type());
    }

    @Override
    public String note() {
        return AnswerFormat.explanation(expectedValue.type());
    }

    @Override
    public Outcome check(String answer) {
        return ValueCheck.check(expectedValue, answer, caseSensitive);
    }

    @Override
    public String wrong(Rng rng) {
        return ValueFormat.render(WrongValues.near(expectedValue, rng));
    }
}
