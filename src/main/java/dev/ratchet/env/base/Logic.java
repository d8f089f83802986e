package dev.ratchet.env.base;

import static dev.ratchet.env.base.BaseEnvironment.Op.of;
import static dev.ratchet.env.base.Typed.BOOLEAN;
import static dev.ratchet.env.base.Typed.INT_LIST;
import static dev.ratchet.env.base.Typed.STRING_LIST;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.LongPredicate;

/** Logic and sets: boolean formulas, set algebra and quantifiers. */
final class Logic {

    private static final String DOMAIN = "logic";

    private Logic() {}

    static List<Composable> environments() {
        return List.of(
                formula(),
                setOperation("union", "union", (a, b) -> a.addAll(b)),
                setOperation("intersection", "intersection", (a, b) -> a.retainAll(b)),
                setOperation(
                        "difference",
                        "difference (its numbers that are not in the other set)",
                        (a, b) -> a.removeAll(b)),
                subset(),
                quantifier(),
                wordSet());
    }

    private static <I, O> BaseEnvironment.Builder<I, O> env(String name, Typed<I> in, Typed<O> out) {
        return BaseEnvironment.builder("logic." + name, DOMAIN, in, out);
    }

    private static Composable formula() {
        return env("formula", BOOLEAN, BOOLEAN)
                .description("Evaluate a boolean formula in p")
                .input((rng, d) -> rng.nextBoolean())
                .task((x, rng, d) -> {
                    boolean q = rng.nextBoolean();
                    boolean r = rng.nextBoolean();
                    Formula formula = Formula.draw(rng, d + 1, d >= 3, true);
                    return of(
                            ref -> "Let p be " + ref + ", q be " + q + " and r be " + r + ". Evaluate " + formula.text()
                                    + " (true or false).",
                            p -> formula.value(p, q, r));
                });
    }

    /** A formula over p, q and r; the leftmost leaf is p so the input always matters. */
    private record Formula(String op, Formula left, Formula right, String variable) {

        static Formula draw(Rng rng, int operators, boolean extended, boolean leftmost) {
            if (operators == 0) {
                return new Formula(null, null, null, leftmost ? "p" : rng.pick(List.of("q", "r", "q", "r", "p")));
            }
            List<String> ops = extended ? List.of("AND", "OR", "NOT", "XOR", "IMPLIES") : List.of("AND", "OR", "NOT");
            String op = rng.pick(ops);
            if (op.equals("NOT")) {
                return new Formula(op, draw(rng, operators - 1, extended, leftmost), null, null);
            }
            int leftCount = rng.nextInt(operators);
            return new Formula(
                    op,
                    draw(rng, leftCount, extended, leftmost),
                    draw(rng, operators - 1 - leftCount, extended, false),
                    null);
        }

        String text() {
            if (variable != null) {
                return variable;
            }
            return op.equals("NOT")
                    ? "(NOT " + left.text() + ")"
                    : "(" + left.text() + " " + op + " " + right.text() + ")";
        }

        boolean value(boolean p, boolean q, boolean r) {
            if (variable != null) {
                return variable.equals("p") ? p : variable.equals("q") ? q : r;
            }
            boolean a = left.value(p, q, r);
            return switch (op) {
                case "NOT" -> !a;
                case "AND" -> a && right.value(p, q, r);
                case "OR" -> a || right.value(p, q, r);
                case "XOR" -> a ^ right.value(p, q, r);
                default -> !a || right.value(p, q, r);
            };
        }
    }

    static List<Long> numbers(Rng rng, int d) {
        return Draw.ints(rng, 3 + d, 0, 5 + 5L * d);
    }

    private static Composable setOperation(String name, String phrase, BiConsumer<Set<Long>, Set<Long>> op) {
        return env(name, INT_LIST, INT_LIST)
                .description("Set " + name + " with a given set, in increasing order")
                .input(Logic::numbers)
                .task((x, rng, d) -> {
                    List<Long> other = List.copyOf(new TreeSet<>(numbers(rng, d).subList(0, 2 + d)));
                    return of(
                            ref -> "Treat " + ref + " as a set. List its " + phrase + " with the set " + Draw.set(other)
                                    + " in increasing order, without repeats.",
                            v -> {
                                TreeSet<Long> result = new TreeSet<>(v);
                                op.accept(result, new TreeSet<>(other));
                                return List.copyOf(result);
                            });
                });
    }

    private static Composable subset() {
        return env("subset", INT_LIST, BOOLEAN)
                .description("Decide whether every element belongs to a given set")
                .input(Logic::numbers)
                .task((x, rng, d) -> {
                    TreeSet<Long> other = new TreeSet<>(numbers(rng, d));
                    if (rng.nextBoolean()) {
                        other.addAll(x);
                        if (d >= 3 && rng.nextBoolean() && !x.isEmpty()) {
                            other.remove(x.get(rng.nextInt(x.size())));
                        }
                    }
                    List<Long> shown = List.copyOf(other);
                    return of(
                            ref -> "Is every number in " + ref + " also in the set " + Draw.set(shown) + "?",
                            v -> shown.containsAll(v));
                });
    }

    private record Predicate(String text, LongPredicate test) {}

    private static Composable quantifier() {
        return env("quantifier", INT_LIST, BOOLEAN)
                .description("Decide an every/some/no statement about a list")
                .input((rng, d) -> Draw.ints(rng, 3 + d, d == 1 ? 0 : -20L * d, 20L * d))
                .task((x, rng, d) -> {
                    long t = rng.between(-5, 10L * d);
                    long m = rng.between(2, 5);
                    List<Predicate> predicates = new ArrayList<>(List.of(
                            new Predicate("even", n -> n % 2 == 0),
                            new Predicate("odd", n -> n % 2 != 0),
                            new Predicate("greater than " + t, n -> n > t)));
                    if (d >= 2) {
                        predicates.add(new Predicate("divisible by " + m, n -> n % m == 0));
                        predicates.add(new Predicate("negative", n -> n < 0));
                    }
                    Predicate predicate = rng.pick(predicates);
                    String quantifier = rng.pick(d == 1 ? List.of("every", "some") : List.of("every", "some", "no"));
                    return of(
                            ref -> "Is it true that " + quantifier + " number in " + ref + " is " + predicate.text()
                                    + "?",
                            v -> switch (quantifier) {
                                case "every" -> v.stream().allMatch(predicate.test()::test);
                                case "some" -> v.stream().anyMatch(predicate.test()::test);
                                default -> v.stream().noneMatch(predicate.test()::test);
                            });
                });
    }

    private static Composable wordSet() {
        return env("word-set", STRING_LIST, STRING_LIST)
                .description("Symmetric difference of two sets of words")
                .input((rng, d) -> Draw.words(rng, 2 + d))
                .task((x, rng, d) -> {
                    TreeSet<String> other = new TreeSet<>(Draw.words(rng, 1 + d));
                    if (!x.isEmpty() && rng.nextBoolean()) {
                        other.add(x.get(rng.nextInt(x.size())));
                    }
                    List<String> shown = List.copyOf(other);
                    return of(
                            ref -> "Treat " + ref + " and " + Draw.set(shown) + " as sets of words. List the words that"
                                    + " are in exactly one of the two sets, in alphabetical order.",
                            v -> {
                                TreeSet<String> result = new TreeSet<>(v);
                                result.addAll(shown);
                                TreeSet<String> both = new TreeSet<>(v);
                                both.retainAll(shown);
                                result.removeAll(both);
                                return List.copyOf(result);
                            });
                });
    }
}
