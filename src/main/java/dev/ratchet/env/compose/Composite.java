package dev.ratchet.env.compose;

import dev.ratchet.env.Answers;
import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Outcome;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Seeds;
import dev.ratchet.env.Tool;
import dev.ratchet.env.ToolPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every composite shares: its id is the operator applied to its children's ids; its prompt
 * is a bound {@link Part} plus the answer format; its verifier checks each answer line and reports
 * the first failing base step. Difficulty 1..5 is spread over each child's own range.
 */
abstract class Composite implements Environment {

    static final int MIN_DIFFICULTY = 1;
    static final int MAX_DIFFICULTY = 5;
    /** How many draws a composite makes before concluding its steps never fit together. */
    static final int ATTEMPTS = 48;
    /** Extra rounds of {@link #ATTEMPTS} draws at the easiest level before giving up. */
    private static final int EASIEST_RETRIES = 8;

    private final Operator operator;
    private final List<Environment> children;
    private final String id;
    private final List<Tool> tools;

    Composite(Operator operator, List<? extends Environment> children) {
        this.operator = operator;
        this.children = List.copyOf(children);
        this.id = operator.label() + "("
                + String.join(",", this.children.stream().map(Environment::id).toList()) + ")";
        this.tools = tools(id, this.children);
    }

    /**
     * Every child's tools, once each: two steps of one environment (or two environments sharing a
     * calculator) offer the same tool, but two different tools under one name would be ambiguous.
     */
    private static List<Tool> tools(String id, List<Environment> children) {
        List<Tool> all = new ArrayList<>();
        for (Environment child : children) {
            for (Tool tool : child.tools()) {
                Tool same = all.stream()
                        .filter(t -> t.name().equals(tool.name()))
                        .findFirst()
                        .orElse(null);
                if (same == null) {
                    all.add(tool);
                } else if (!same.equals(tool)) {
                    throw new IllegalArgumentException(id + ": two different tools are named " + tool.name());
                }
            }
        }
        return List.copyOf(all);
    }

    /** The task drawn for a seed and difficulty; throws {@link NoInstanceException} when none fits. */
    abstract Part bind(long seed, int difficulty);

    /**
     * The task for a seed and difficulty, easing the steps' difficulty one level at a time when no
     * draw at the asked level fits, then drawing again at the easiest level from derived seeds: a
     * step with a wide output range (subtracting six-digit numbers) rarely feeds a step with a
     * narrow domain (choose k of n), and a composite that {@code envs compose} lists must draw at
     * every difficulty. The instance keeps the seed and difficulty it was asked for, so the same
     * pair always yields the same task.
     */
    final Part draw(long seed, int difficulty) {
        NoInstanceException last = null;
        for (int level = difficulty; level >= MIN_DIFFICULTY; level--) {
            try {
                return bind(seed, level);
            } catch (NoInstanceException e) {
                last = e;
            }
        }
        for (int retry = 1; retry <= EASIEST_RETRIES; retry++) {
            try {
                return bind(Seeds.derive(seed, "eased", Integer.toString(retry)), MIN_DIFFICULTY);
            } catch (NoInstanceException e) {
                last = e;
            }
        }
        throw last;
    }

    Operator operator() {
        return operator;
    }

    List<Environment> children() {
        return children;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String domain() {
        return "composite";
    }

    @Override
    public int minDifficulty() {
        return MIN_DIFFICULTY;
    }

    @Override
    public int maxDifficulty() {
        return MAX_DIFFICULTY;
    }

    @Override
    public List<Tool> tools() {
        return tools;
    }

    @Override
    public ToolPlan toolPlan(Instance instance) {
        return tools.isEmpty() ? ToolPlan.NONE : bindFor(instance).plan();
    }

    @Override
    public List<String> baseIds() {
        List<String> ids = new ArrayList<>();
        children.forEach(child -> ids.addAll(child.baseIds()));
        return List.copyOf(ids);
    }

    @Override
    public Instance sample(long seed, int difficulty) {
        checkDifficulty(difficulty);
        Part part = draw(seed, difficulty);
        return new Instance(
                id, seed, difficulty, part.body(1) + "\n\n" + closing(part.slots()), expected(part.slots()));
    }

    @Override
    public Outcome verify(Instance instance, String answerText) {
        List<Slot> slots = bindFor(instance).slots();
        List<String> answers = new ArrayList<>();
        if (slots.size() == 1) {
            answers.add(Answers.extract(answerText));
        } else {
            Map<Integer, String> numbered = Answers.numbered(answerText);
            for (int k = 1; k <= slots.size(); k++) {
                if (!numbered.containsKey(k)) {
                    return Outcome.format(
                            "no line 'Answer " + k + ":' (expected " + slots.size() + " numbered answers)");
                }
                answers.add(numbered.get(k));
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int k = 0; k < slots.size(); k++) {
            Outcome outcome = slots.get(k).check(answers.get(k));
            if (outcome.kind() == dev.ratchet.env.FailureKind.FORMAT) {
                return Outcome.format(label(k, slots.size()) + outcome.detail());
            }
            outcomes.add(outcome);
        }
        int offset = 0;
        for (int k = 0; k < slots.size(); k++) {
            Outcome outcome = outcomes.get(k);
            if (!outcome.passed()) {
                int step = offset + (outcome.failedStep() == null ? 0 : outcome.failedStep());
                return Outcome.wrongStep(
                        step,
                        label(k, slots.size()) + "step " + (step + 1) + " ("
                                + baseIds().get(step) + "): " + outcome.detail());
            }
            offset += slots.get(k).bases();
        }
        return Outcome.pass();
    }

    @Override
    public String wrongAnswer(Instance instance, long seed) {
        List<Slot> slots = bindFor(instance).slots();
        Rng rng = Rng.derived(seed, "wrong", instance.id());
        int wrong = rng.nextInt(slots.size());
        if (slots.size() == 1) {
            return "Answer: " + slots.get(0).wrong(rng);
        }
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < slots.size(); k++) {
            Slot slot = slots.get(k);
            text.append("Answer ").append(k + 1).append(": ").append(k == wrong ? slot.wrong(rng) : slot.expected());
            text.append(k + 1 < slots.size() ? "\n" : "");
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return id;
    }

    /** Maps the composite's difficulty (1..5) onto a child's own range. */
    static int childDifficulty(Environment child, int difficulty) {
        int span = child.maxDifficulty() - child.minDifficulty();
        return child.minDifficulty() + ((difficulty - MIN_DIFFICULTY) * span + 2) / (MAX_DIFFICULTY - MIN_DIFFICULTY);
    }

    NoInstanceException noInstance(long seed, int difficulty) {
        return new NoInstanceException(id + " found no instance whose steps accept each other's results (seed "
                + Long.toUnsignedString(seed) + ", difficulty " + difficulty + ", " + ATTEMPTS + " draws)");
    }

    static String expected(List<Slot> slots) {
        if (slots.size() == 1) {
            return slots.get(0).expected();
        }
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < slots.size(); k++) {
            text.append(k == 0 ? "" : "\n")
                    .append("Answer ")
                    .append(k + 1)
                    .append(": ")
                    .append(slots.get(k).expected());
        }
        return text.toString();
    }

    private static String closing(List<Slot> slots) {
        if (slots.size() == 1) {
            Slot slot = slots.get(0);
            return "End your reply with the answer on its own last line as `Answer: " + slot.placeholder() + "`; "
                    + slot.note() + ".";
        }
        return dev.ratchet.env.AnswerFormat.numbered(
                slots.stream().map(Slot::placeholder).toList(),
                slots.stream().map(Slot::note).toList());
    }

    private Part bindFor(Instance instance) {
        if (!instance.envId().equals(id)) {
            throw new IllegalArgumentException("instance " + instance.id() + " is not an instance of " + id);
        }
        return draw(instance.seed(), instance.difficulty());
    }

    private static String label(int slot, int slots) {
        return slots == 1 ? "" : "answer " + (slot + 1) + ": ";
    }

    private void checkDifficulty(int difficulty) {
        if (difficulty < MIN_DIFFICULTY || difficulty > MAX_DIFFICULTY) {
            throw new IllegalArgumentException("difficulty " + difficulty + " is outside " + id + "'s range "
                    + MIN_DIFFICULTY + ".." + MAX_DIFFICULTY);
        }
    }
}
