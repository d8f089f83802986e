package dev.ratchet.env.suite;

import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Outcome;
import dev.ratchet.env.ValueType;
import java.util.List;
import java.util.Objects;

/**
 * One line of a suite: a fixed task. It has a single instance whatever the seed (seed 0,
 * difficulty 1), so its identity is its id, {@code <suite>/<task-id>}.
 */
final class SuiteTask implements Environment {

    private final String id;
    private final String prompt;
    private final Verifier verifier;
    private final Expected expected;
    private final List<String> tags;

    SuiteTask(String suite, String taskId, String prompt, Verifier verifier, Expected expected, List<String> tags) {
        this.id = suite + "/" + taskId;
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.expected = Objects.requireNonNull(expected, "expected");
        this.tags = List.copyOf(tags);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String domain() {
        return "suite";
    }

    @Override
    public ValueType inputType() {
        return ValueType.STRING;
    }

    @Override
    public ValueType outputType() {
        return verifier == Verifier.NUMERIC ? ValueType.DECIMAL : ValueType.STRING;
    }

    @Override
    public int minDifficulty() {
        return 1;
    }

    @Override
    public int maxDifficulty() {
        return 1;
    }

    @Override
    public String description() {
        String firstLine = prompt.strip().lines().findFirst().orElse("");
        String shown = firstLine.length() > 60 ? firstLine.substring(0, 57) + "..." : firstLine;
        return shown + " [" + verifier.label() + (tags.isEmpty() ? "" : "; " + String.join(", ", tags)) + "]";
    }

    public List<String> tags() {
        return tags;
    }

    public Verifier verifier() {
        return verifier;
    }

    /** The seed is ignored: a suite task has exactly one instance. */
    @Override
    public Instance sample(long seed, int difficulty) {
        if (difficulty != 1) {
            throw new IllegalArgumentException(id + " is a fixed task: its only difficulty is 1, not " + difficulty);
        }
        return new Instance(id, 0, 1, prompt, expected.shown());
    }

    @Override
    public Outcome verify(Instance instance, String answerText) {
        if (!instance.envId().equals(id)) {
            throw new IllegalArgumentException("instance " + instance.id() + " is not an instance of " + id);
        }
        return verifier.check(expected, answerText);
    }

    /** The first of a few non-answers the verifier rejects; loading guarantees there is one. */
    @Override
    public String wrongAnswer(Instance instance, long seed) {
        String wrong = firstRejected();
        if (wrong == null) {
            throw new IllegalStateException(id + " accepts every answer tried");
        }
        return "Answer: " + wrong;
    }

    String firstRejected() {
        for (String candidate : candidates()) {
            if (!verifier.check(expected, "Answer: " + candidate).passed()) {
                return candidate;
            }
        }
        return null;
    }

    private List<String> candidates() {
        if (verifier == Verifier.NUMERIC) {
            return List.of(expected.number()
                    .add(expected.tolerance())
                    .add(java.math.BigDecimal.ONE)
                    .toPlainString());
        }
        if (verifier == Verifier.JSON) {
            return List.of("{\"wrong\":true}", "null");
        }
        return Verifier.NON_ANSWERS;
    }

    @Override
    public boolean generated() {
        return false;
    }

    @Override
    public String toString() {
        return id;
    }
}
