package dev.ratchet.model.simulated;

import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Outcome;
import dev.ratchet.env.Tool;
import dev.ratchet.env.ValueType;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Tiny environments with exact verifiers, enough to drive the simulator and the episode runner. */
public final class SmallEnvironments {

    public static final Environment ADD = new Arithmetic();
    public static final Environment REVERSE = new Reverse();
    public static final Environment SQUARE = new SquareWithTool();
    public static final Environment ADD_THEN_REVERSE = new AddThenReverse();

    private static final Map<String, Environment> ALL =
            Map.of(ADD.id(), ADD, REVERSE.id(), REVERSE, SQUARE.id(), SQUARE, ADD_THEN_REVERSE.id(), ADD_THEN_REVERSE);

    private SmallEnvironments() {}

    public static Function<String, Environment> lookup() {
        return id -> {
            Environment env = ALL.get(id);
            if (env == null) {
                throw new IllegalArgumentException("unknown environment: " + id);
            }
            return env;
        };
    }

    /** Sums two numbers whose length grows with difficulty. */
    static final class Arithmetic extends Base {
        Arithmetic() {
            super("arith.add", ValueType.INTEGER, 1, 4, "Add two integers");
        }

        @Override
        public Instance sample(long seed, int difficulty) {
            SplittableRandom random = new SplittableRandom(seed * 31 + difficulty);
            long bound = (long) Math.pow(10, difficulty + 1);
            long a = random.nextLong(bound);
            long b = random.nextLong(bound);
            String prompt = "Add " + a + " and " + b + ". Answer with the integer only.";
            return new Instance(id(), seed, difficulty, prompt, Long.toString(a + b));
        }
    }

    /** Reverses a lower-case word. */
    static final class Reverse extends Base {
        Reverse() {
            super("text.reverse", ValueType.STRING, 1, 3, "Reverse a word");
        }

        @Override
        public Instance sample(long seed, int difficulty) {
            SplittableRandom random = new SplittableRandom(seed * 17 + difficulty);
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < 3 + 2 * difficulty; i++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            String prompt = "Reverse the word '" + word + "'. Answer with the reversed word only.";
            return new Instance(id(), seed, difficulty, prompt, word.reverse().toString());
        }
    }

    /** Squares a number; offers a {@code square} tool that the agent may call. */
    static final class SquareWithTool extends Base {
        SquareWithTool() {
            super("math.square", ValueType.INTEGER, 1, 2, "Square an integer");
        }

        @Override
        public Instance sample(long seed, int difficulty) {
            long n = 2 + Math.floorMod(seed, 50L * difficulty);
            String prompt = "What is " + n + " squared? You may use the square tool. Answer with the integer only.";
            return new Instance(id(), seed, difficulty, prompt, Long.toString(n * n));
        }

        @Override
        public List<Tool> tools() {
            return List.of(new Tool("square", "an integer to square", arg -> {
                long n = Long.parseLong(arg.strip());
                return Long.toString(n * n);
            }));
        }
    }

    /** A two-step composite: add two numbers, then reverse the digits of the sum. */
    static final class AddThenReverse extends Base {
        AddThenReverse() {
            super("seq(arith.add,text.reverse)", ValueType.STRING, 1, 3, "Add, then reverse the digits");
        }

        @Override
        public List<String> baseIds() {
            return List.of(ADD.id(), REVERSE.id());
        }

        @Override
        public Instance sample(long seed, int difficulty) {
            Instance sum = ADD.sample(seed, difficulty);
            String expected = new StringBuilder(sum.expected()).reverse().toString();
            String prompt = "Step 1: " + sum.prompt() + " Step 2: reverse the digits of that sum. Answer with"
                    + " the reversed digits only.";
            return new Instance(id(), seed, difficulty, prompt, expected);
        }

        @Override
        public Outcome verify(Instance instance, String answerText) {
            Outcome outcome = super.verify(instance, answerText);
            return outcome.passed() || outcome.kind() != dev.ratchet.env.FailureKind.WRONG_VALUE
                    ? outcome
                    : Outcome.wrongStep(0, outcome.detail());
        }
    }

    /** Shared verifier: one token, compared exactly; several words are a format failure. */
    abstract static class Base implements Environment {
        private final String id;
        private final ValueType output;
        private final int min;
        private final int max;
        private final String description;

        Base(String id, ValueType output, int min, int max, String description) {
            this.id = id;
            this.output = output;
            this.min = min;
            this.max = max;
            this.description = description;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String domain() {
            return "test";
        }

        @Override
        public ValueType inputType() {
            return ValueType.STRING;
        }

        @Override
        public ValueType outputType() {
            return output;
        }

        @Override
        public int minDifficulty() {
            return min;
        }

        @Override
        public int maxDifficulty() {
            return max;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public Outcome verify(Instance instance, String answerText) {
            String answer = answerText.strip();
            if (answer.isEmpty() || answer.contains(" ") || answer.contains("\n")) {
                return Outcome.format("expected a single value, got '" + answerText + "'");
            }
            if (output == ValueType.INTEGER && !answer.matches("-?[0-9]+")) {
                return Outcome.format("not an integer: " + answer);
            }
            return answer.equals(instance.expected())
                    ? Outcome.pass()
                    : Outcome.wrongValue("expected " + instance.expected() + ", got " + answer);
        }

        @Override
        public String wrongAnswer(Instance instance, long seed) {
            String expected = instance.expected();
            if (output == ValueType.INTEGER) {
                return Long.toString(Long.parseLong(expected) + 1 + Math.floorMod(seed, 9));
            }
            return expected + (char) ('a' + Math.floorMod(seed, 26));
        }
    }
}
