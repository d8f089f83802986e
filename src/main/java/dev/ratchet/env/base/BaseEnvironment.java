package dev.ratchet.env.base;

import dev.ratchet.env.AnswerFormat;
import dev.ratchet.env.Answers;
import dev.ratchet.env.Composable;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Outcome;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Step;
import dev.ratchet.env.Tool;
import dev.ratchet.env.ToolPlan;
import dev.ratchet.env.Value;
import dev.ratchet.env.ValueBounds;
import dev.ratchet.env.ValueCheck;
import dev.ratchet.env.ValueFormat;
import dev.ratchet.env.ValueType;
import dev.ratchet.env.WrongValues;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A base environment assembled from two small functions: a generator {@code (rng, difficulty) ->
 * input} and a binder {@code (input, rng, difficulty) -> operation}, where the operation is the
 * task's wording plus its reference function. Everything else (prompts, answer format, parsing,
 * verification, wrong answers, composition) is shared.
 *
 * <p>Randomness comes only from {@link Rng}s derived from {@code (seed, id, difficulty)}, so an
 * instance is a pure function of its id.
 */
public final class BaseEnvironment<I, O> implements Composable {

    /** Draws a fresh input. */
    @FunctionalInterface
    public interface Generator<I> {
        I generate(Rng rng, int difficulty);
    }

    /** Draws the task's parameters for an input; null when no task fits the input. */
    @FunctionalInterface
    public interface Binder<I, O> {
        Op<I, O> bind(I input, Rng rng, int difficulty);
    }

    /**
     * An operation with fixed parameters. {@code function} returns null when an input is outside
     * its domain; it may be applied to inputs other than the one it was drawn for. {@code plan}
     * gives the tool calls that solve it for an input (none for a task without tools).
     */
    public record Op<I, O>(Function<String, String> instruction, Function<I, O> function, Function<I, ToolPlan> plan) {

        public Op {
            Objects.requireNonNull(instruction, "instruction");
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(plan, "plan");
        }

        public static <I, O> Op<I, O> of(Function<String, String> instruction, Function<I, O> function) {
            return new Op<>(instruction, function, input -> ToolPlan.NONE);
        }

        /** An operation whose hidden state is reached through the environment's tools. */
        public static <I, O> Op<I, O> withTools(
                Function<String, String> instruction, Function<I, O> function, Function<I, ToolPlan> plan) {
            return new Op<>(instruction, function, plan);
        }
    }

    private final String id;
    private final String domain;
    private final String description;
    private final Typed<I> in;
    private final Typed<O> out;
    private final int minDifficulty;
    private final int maxDifficulty;
    private final boolean caseSensitive;
    private final Generator<I> generator;
    private final Binder<I, O> binder;
    private final List<Tool> tools;

    private BaseEnvironment(Builder<I, O> b, Binder<I, O> binder) {
        this.id = b.id;
        this.domain = b.domain;
        this.description = Objects.requireNonNull(b.description, "description of " + b.id);
        this.in = b.in;
        this.out = b.out;
        this.minDifficulty = b.minDifficulty;
        this.maxDifficulty = b.maxDifficulty;
        this.caseSensitive = b.caseSensitive;
        this.generator = Objects.requireNonNull(b.generator, "input generator of " + b.id);
        this.binder = Objects.requireNonNull(binder, "binder");
        this.tools = b.tools;
    }

    /** Starts an environment; ids look like {@code domain.name}. */
    public static <I, O> Builder<I, O> builder(String id, String domain, Typed<I> in, Typed<O> out) {
        return new Builder<>(id, domain, in, out);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public ValueType inputType() {
        return in.type();
    }

    @Override
    public ValueType outputType() {
        return out.type();
    }

    @Override
    public int minDifficulty() {
        return minDifficulty;
    }

    @Override
    public int maxDifficulty() {
        return maxDifficulty;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<Tool> tools() {
        return tools;
    }

    @Override
    public ToolPlan toolPlan(Instance instance) {
        if (tools.isEmpty()) {
            return ToolPlan.NONE;
        }
        expected(instance);
        Value input = input(instance.seed(), instance.difficulty());
        return apply(input, instance.seed(), instance.difficulty())
                .map(Step::plan)
                .orElse(ToolPlan.NONE);
    }

    /** Whether answers must match the expected text's letter case. */
    public boolean caseSensitive() {
        return caseSensitive;
    }

    @Override
    public Value input(long seed, int difficulty) {
        checkDifficulty(difficulty);
        return in.write(generator.generate(Rng.derived(seed, id, "input", Integer.toString(difficulty)), difficulty));
    }

    @Override
    public Optional<Step> apply(Value input, long seed, int difficulty) {
        checkDifficulty(difficulty);
        if (input.type() != in.type() || !ValueBounds.contains(input)) {
            return Optional.empty();
        }
        Op<I, O> op =
                binder.bind(in.read(input), Rng.derived(seed, id, "task", Integer.toString(difficulty)), difficulty);
        if (op == null) {
            return Optional.empty();
        }
        Function<Value, Optional<Value>> function = value -> run(op, value);
        return function.apply(input)
                .map(output -> new Step(
                        id,
                        op.instruction(),
                        function,
                        output,
                        caseSensitive,
                        List.of(id),
                        op.plan().apply(in.read(input))));
    }

    @Override
    public Instance sample(long seed, int difficulty) {
        Value input = input(seed, difficulty);
        Step step = apply(input, seed, difficulty)
                .orElseThrow(() -> new IllegalStateException(id + " declined its own input " + input + " (seed " + seed
                        + ", difficulty " + difficulty + ")"));
        String prompt = step.instruction(ValueFormat.describe(input)) + "\n\n" + AnswerFormat.single(out.type());
        return new Instance(id, seed, difficulty, prompt, ValueFormat.render(step.output()));
    }

    @Override
    public Outcome verify(Instance instance, String answerText) {
        return ValueCheck.check(expected(instance), Answers.extract(answerText), caseSensitive);
    }

    @Override
    public String wrongAnswer(Instance instance, long seed) {
        Value wrong = WrongValues.near(expected(instance), Rng.derived(seed, "wrong", instance.id()));
        return "Answer: " + ValueFormat.render(wrong);
    }

    @Override
    public String toString() {
        return id;
    }

    private Value expected(Instance instance) {
        if (!instance.envId().equals(id)) {
            throw new IllegalArgumentException("instance " + instance.id() + " is not an instance of " + id);
        }
        return ValueFormat.parse(out.type(), instance.expected())
                .orElseThrow(() -> new IllegalArgumentException(
                        "instance " + instance.id() + " has an unreadable expected answer: " + instance.expected()));
    }

    private Optional<Value> run(Op<I, O> op, Value value) {
        if (value.type() != in.type() || !ValueBounds.contains(value)) {
            return Optional.empty();
        }
        try {
            O result = op.function().apply(in.read(value));
            if (result == null) {
                return Optional.empty();
            }
            Value output = out.write(result);
            return ValueBounds.contains(output) ? Optional.of(output) : Optional.empty();
        } catch (ArithmeticException | IllegalArgumentException e) {
            // Overflow, a value that cannot be represented, a date out of range: the input is
            // outside this task's domain, which composites handle by drawing again.
            return Optional.empty();
        }
    }

    private void checkDifficulty(int difficulty) {
        if (difficulty < minDifficulty || difficulty > maxDifficulty) {
            throw new IllegalArgumentException("difficulty " + difficulty + " is outside " + id + "'s range "
                    + minDifficulty + ".." + maxDifficulty);
        }
    }

    /** Collects an environment's parts; {@link #task} finishes it. */
    public static final class Builder<I, O> {
        private final String id;
        private final String domain;
        private final Typed<I> in;
        private final Typed<O> out;
        private String description;
        private int minDifficulty = 1;
        private int maxDifficulty = 5;
        private boolean caseSensitive = true;
        private Generator<I> generator;
        private List<Tool> tools = List.of();

        private Builder(String id, String domain, Typed<I> in, Typed<O> out) {
            if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new IllegalArgumentException("environment ids use letters, digits, '.', '_' and '-': " + id);
            }
            this.id = id;
            this.domain = Objects.requireNonNull(domain, "domain");
            this.in = Objects.requireNonNull(in, "input type");
            this.out = Objects.requireNonNull(out, "output type");
        }

        public Builder<I, O> description(String text) {
            this.description = text;
            return this;
        }

        public Builder<I, O> difficulty(int min, int max) {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("difficulty range " + min + ".." + max);
            }
            this.minDifficulty = min;
            this.maxDifficulty = max;
            return this;
        }

        /** Answers may differ from the expected text in letter case (day names, Roman numerals). */
        public Builder<I, O> caseInsensitive() {
            this.caseSensitive = false;
            return this;
        }

        /** The tools through which the task's hidden state is reached. */
        public Builder<I, O> tools(Tool... offered) {
            this.tools = List.of(offered);
            return this;
        }

        public Builder<I, O> input(Generator<I> generator) {
            this.generator = generator;
            return this;
        }

        public BaseEnvironment<I, O> task(Binder<I, O> binder) {
            return new BaseEnvironment<>(this, binder);
        }
    }
}
