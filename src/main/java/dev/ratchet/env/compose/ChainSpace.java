package dev.ratchet.env.compose;

import dev.ratchet.env.Rng;
import dev.ratchet.env.ValueType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts and draws type-directed chains without listing them. Items with the same signature
 * (input type, output type) are interchangeable for typing, so chains are counted over signature
 * groups: a group holds {@code base} items and {@code extra} items (sequences, when chains of
 * steps that may themselves be sequences are counted).
 *
 * <p>Chains with repeated items are counted by dynamic programming over types; chains of distinct
 * items by a depth-first walk over group sequences, multiplying the items still unused.
 */
final class ChainSpace {

    record Signature(ValueType in, ValueType out) {
        static final Comparator<Signature> ORDER =
                Comparator.comparing(Signature::in).thenComparing(Signature::out);
    }

    record Group(Signature signature, BigInteger base, BigInteger extra) {
        BigInteger all() {
            return base.add(extra);
        }
    }

    private final List<Group> groups;
    // Memoised counts keyed by their arguments; only looked up, never iterated.
    private final Map<String, BigInteger> memo = new HashMap<>();

    ChainSpace(List<Group> groups) {
        List<Group> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparing(Group::signature, Signature.ORDER));
        this.groups = List.copyOf(sorted);
    }

    /** Chains of {@code length} items, repeats allowed, from type {@code from} to {@code to} (null: any). */
    synchronized BigInteger repeats(int length, ValueType from, ValueType to) {
        String key = "r/" + length + "/" + from + "/" + to;
        BigInteger cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        BigInteger total = BigInteger.ZERO;
        for (ValueType start : ValueType.values()) {
            if (from == null || from == start) {
                total = total.add(completions(length, start, to));
            }
        }
        memo.put(key, total);
        return total;
    }

    /** Chains of {@code length} pairwise-distinct items; with {@code requireExtra}, only those using an extra item. */
    synchronized BigInteger distinct(int length, boolean requireExtra) {
        String key = "d/" + length + "/" + requireExtra;
        BigInteger cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        BigInteger[] totals = {BigInteger.ZERO, BigInteger.ZERO};
        walk(null, length, new int[groups.size()], BigInteger.ONE, BigInteger.ONE, totals);
        BigInteger result = requireExtra ? totals[0].subtract(totals[1]) : totals[0];
        memo.put(key, result);
        return result;
    }

    /**
     * Draws the groups of one chain with repeats allowed, each chain equally likely (a group is
     * chosen in proportion to its size times the chains that can follow it); null when there is none.
     */
    synchronized List<Group> draw(int length, ValueType from, ValueType to, Rng rng) {
        BigInteger total = repeats(length, from, to);
        if (total.signum() == 0) {
            return null;
        }
        List<Group> chosen = new ArrayList<>();
        ValueType current = from;
        for (int remaining = length; remaining > 0; remaining--) {
            BigInteger draw = rng.below(current == null ? total : completions(remaining, current, to));
            for (Group group : groups) {
                if (current != null && group.signature().in() != current) {
                    continue;
                }
                BigInteger weight = group.all()
                        .multiply(completions(remaining - 1, group.signature().out(), to));
                if (draw.compareTo(weight) < 0) {
                    chosen.add(group);
                    current = group.signature().out();
                    break;
                }
                draw = draw.subtract(weight);
            }
        }
        return chosen;
    }

    /** Chains of {@code length} items starting at type {@code start} and ending at {@code to} (null: any). */
    private BigInteger completions(int length, ValueType start, ValueType to) {
        if (length == 0) {
            return to == null || to == start ? BigInteger.ONE : BigInteger.ZERO;
        }
        String key = "c/" + length + "/" + start + "/" + to;
        BigInteger cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        BigInteger total = BigInteger.ZERO;
        for (Group group : groups) {
            if (group.signature().in() == start) {
                total = total.add(group.all()
                        .multiply(completions(length - 1, group.signature().out(), to)));
            }
        }
        memo.put(key, total);
        return total;
    }

    /** Depth-first over group sequences; {@code totals} collects [all items, base items only]. */
    private void walk(
            ValueType current, int remaining, int[] used, BigInteger all, BigInteger base, BigInteger[] totals) {
        if (remaining == 0) {
            totals[0] = totals[0].add(all);
            totals[1] = totals[1].add(base);
            return;
        }
        for (int i = 0; i < groups.size(); i++) {
            Group group = groups.get(i);
            if (current != null && group.signature().in() != current) {
                continue;
            }
            BigInteger free = group.all().subtract(BigInteger.valueOf(used[i]));
            if (free.signum() <= 0) {
                continue;
            }
            BigInteger freeBase =
                    group.base().subtract(BigInteger.valueOf(used[i])).max(BigInteger.ZERO);
            used[i]++;
            walk(group.signature().out(), remaining - 1, used, all.multiply(free), base.multiply(freeBase), totals);
            used[i]--;
        }
    }
}
