package dev.ratchet.env.compose;

import dev.ratchet.env.Answers;
import dev.ratchet.env.Outcome;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Step;
import dev.ratchet.env.Value;
import dev.ratchet.env.ValueFormat;
import dev.ratchet.env.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The answer of SORT and SELECT: labels of operations in order. It is checked by running the
 * operations, so any order that really turns the input into the target passes; a failure is
 * attributed to the first position where the answer departs from the reference order.
 *
 * @param candidates the operations as shown, labelled A, B, C, ...
 * @param reference indices of the candidates in their correct order
 * @param useAll SORT: every operation exactly once; SELECT: a non-empty subset
 * @param offsets the base-step offset of each reference position
 */
record OrderSlot(
        List<Step> candidates,
        Value input,
        Value target,
        List<Integer> reference,
        boolean useAll,
        List<Integer> offsets,
        boolean caseSensitive)
        implements Slot {

    OrderSlot {
        candidates = List.copyOf(candidates);
        reference = List.copyOf(reference);
        offsets = List.copyOf(offsets);
    }

    static String label(int index) {
        return String.valueOf((char) ('A' + index));
    }

    @Override
    public int bases() {
        return reference.stream()
                .mapToInt(i -> candidates.get(i).baseIds().size())
                .sum();
    }

    @Override
    public String expected() {
        return render(reference);
    }

    @Override
    public String placeholder() {
        return "<labels>";
    }

    @Override
    public String note() {
        return "an order of operations is written as their labels in square brackets, e.g. `[B, A, C]`";
    }

    @Override
    public Outcome check(String answer) {
        Optional<List<Integer>> order = Optional.empty();
        for (String reading : Answers.readings(answer)) {
            order = order.or(() -> labels(reading));
        }
        if (order.isEmpty()) {
            return Outcome.format("expected labels " + label(0) + " to " + label(candidates.size() - 1)
                    + " in square brackets, got " + dev.ratchet.env.ValueCheck.quoted(answer));
        }
        List<Integer> chosen = order.get();
        String problem = problem(chosen);
        return problem == null ? Outcome.pass() : Outcome.wrongStep(offsets.get(divergence(chosen)), problem);
    }

    /** Why an order fails, or null when it turns the input into the target. */
    private String problem(List<Integer> chosen) {
        if (new HashSet<>(chosen).size() != chosen.size()) {
            return "an operation is used twice in " + render(chosen);
        }
        if (useAll && chosen.size() != candidates.size()) {
            return "every operation must be used once, got " + render(chosen);
        }
        List<Step> steps = chosen.stream().map(candidates::get).toList();
        Optional<Value> result = Chain.run(steps, input);
        if (result.isEmpty()) {
            return "the operations in the order " + render(chosen) + " cannot all be applied";
        }
        if (!ValueFormat.matches(target, result.get(), caseSensitive)) {
            return "the order " + render(chosen) + " gives " + ValueFormat.render(result.get()) + ", not "
                    + ValueFormat.render(target) + "; one order that works is " + expected();
        }
        return null;
    }

    /** The first position at which {@code chosen} departs from the reference, clamped to a step. */
    private int divergence(List<Integer> chosen) {
        int position = 0;
        while (position < chosen.size()
                && position < reference.size()
                && chosen.get(position).equals(reference.get(position))) {
            position++;
        }
        return Math.min(position, reference.size() - 1);
    }

    @Override
    public String wrong(Rng rng) {
        for (int attempt = 0; attempt < 24; attempt++) {
            List<Integer> candidate = useAll ? rng.shuffled(reference) : variant(rng);
            if (!candidate.isEmpty() && problem(candidate) != null) {
                return render(candidate);
            }
        }
        List<Integer> repeated = new ArrayList<>(reference);
        repeated.add(reference.get(0));
        return render(repeated);
    }

    /** The reference with one operation swapped for another candidate, or one dropped. */
    private List<Integer> variant(Rng rng) {
        List<Integer> changed = new ArrayList<>(reference);
        int at = rng.nextInt(changed.size());
        if (rng.nextBoolean() && changed.size() > 1) {
            changed.remove(at);
        } else {
            changed.set(at, rng.nextInt(candidates.size()));
        }
        return changed;
    }

    private Optional<List<Integer>> labels(String text) {
        Optional<Value> items = ValueFormat.parse(ValueType.STRING_LIST, text);
        if (items.isEmpty() || items.get().asStrings().isEmpty()) {
            return Optional.empty();
        }
        List<Integer> order = new ArrayList<>();
        for (String item : items.get().asStrings()) {
            String label = item.strip().toUpperCase(Locale.ROOT);
            if (label.length() != 1 || label.charAt(0) < 'A' || label.charAt(0) >= 'A' + candidates.size()) {
                return Optional.empty();
            }
            order.add(label.charAt(0) - 'A');
        }
        return Optional.of(order);
    }

    private static String render(List<Integer> order) {
        List<String> labels = new ArrayList<>();
        order.forEach(i -> labels.add(label(i)));
        return "[" + String.join(", ", labels) + "]";
    }

    /** Indices 0..n-1, used when labels are shuffled. */
    static List<Integer> indices(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    static Set<String> instructions(List<Step> steps) {
        Set<String> texts = new HashSet<>();
        steps.forEach(step -> texts.add(step.instruction(Ordering.CURRENT)));
        return texts;
    }
}
