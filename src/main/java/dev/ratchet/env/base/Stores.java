package dev.ratchet.env.base;

import static dev.ratchet.env.base.Typed.INTEGER;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Tool;
import dev.ratchet.env.ToolCall;
import dev.ratchet.env.ToolPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A key-value store whose contents the prompt never shows: each task names a store, and only the
 * {@code kv_get} tool reads it. A store's contents are a pure function of its name, so a task is
 * verified exactly and replays alike, yet no two tasks share a store by design.
 *
 * <p>Ledger stores ({@code ledger-NNNN}) hold a signed amount under each of a few word keys; chain
 * stores ({@code chain-NNNN}) map every numeric key to a next key below 1000.
 */
final class Stores {

    private static final String DOMAIN = "store";
    private static final long WORLD = 0x5706E5L;
    private static final List<String> LEDGER_KEYS = List.of(
            "rent",
            "wages",
            "fees",
            "bonus",
            "refund",
            "tax",
            "interest",
            "stock",
            "travel",
            "grant",
            "rebate",
            "loan");
    static final long MAX_KEY = 999_999_999L;
    private static final int CHAIN_KEYS = 1000;

    static final Tool KV_GET = new Tool(
            "kv_get",
            "Reads the integer stored under a key in a named key-value store.",
            List.of(
                    Tool.Parameter.string("store", "the store's name, e.g. ledger-1234"),
                    Tool.Parameter.string("key", "the key to read")),
            arguments -> Long.toString(read(arguments.string("store"), arguments.string("key"))));

    private Stores() {}

    static List<Composable> environments() {
        return List.of(lookup(), follow());
    }

    /** The value under {@code key} in {@code store}; throws naming what does not exist. */
    static long read(String store, String key) {
        String name = store.strip();
        String k = key.strip();
        if (name.matches("ledger-\\d{4}")) {
            if (!LEDGER_KEYS.contains(k)) {
                throw new IllegalArgumentException("store " + name + " has no key '" + k + "'");
            }
            long amount = Rng.derived(WORLD, "ledger", name, k).between(1, 999);
            return Rng.derived(WORLD, "ledger-sign", name, k).chance(35) ? -amount : amount;
        }
        if (name.matches("chain-\\d{4}")) {
            if (!k.matches("\\d{1,9}")) {
                throw new IllegalArgumentException("store " + name + " has keys 0 to " + MAX_KEY + ", not '" + k + "'");
            }
            return Rng.derived(WORLD, "chain", name, Long.toString(Long.parseLong(k)))
                    .below(CHAIN_KEYS);
        }
        throw new IllegalArgumentException("no store named '" + name + "'");
    }

    private static String storeName(String kind, Rng rng) {
        return kind + "-" + rng.between(1000, 9999);
    }

    private static Composable lookup() {
        return BaseEnvironment.builder("store.lookup", DOMAIN, INTEGER, INTEGER)
                .description("Add values kept in a hidden key-value store to a number")
                .tools(KV_GET)
                .input((rng, d) -> Draw.signed(rng, Draw.pow10(d + 1)))
                .task((x, rng, d) -> {
                    String store = storeName("ledger", rng);
                    List<String> keys = rng.shuffled(LEDGER_KEYS).subList(0, 1 + (d - 1) / 2);
                    long total = 0;
                    List<ToolCall> calls = new ArrayList<>();
                    for (String key : keys) {
                        total += read(store, key);
                        calls.add(ToolCall.of(KV_GET.name(), "store", store, "key", key));
                    }
                    long added = total;
                    ToolPlan plan = ToolPlan.parallel(calls);
                    return BaseEnvironment.Op.withTools(
                            ref -> "Add to " + ref + " the " + (keys.size() == 1 ? "value" : "values")
                                    + " stored under the " + (keys.size() == 1 ? "key " : "keys ")
                                    + String.join(", ", keys) + " in the key-value store " + store
                                    + ". The store is not shown here; read it with the kv_get tool.",
                            v -> Math.addExact(v, added),
                            v -> plan);
                });
    }

    private static Composable follow() {
        return BaseEnvironment.builder("store.follow", DOMAIN, INTEGER, INTEGER)
                .description("Follow a chain of keys through a hidden key-value store")
                .tools(KV_GET)
                .input((rng, d) -> rng.between(0, Draw.pow10(d + 1)))
                .task((x, rng, d) -> {
                    String store = storeName("chain", rng);
                    int hops = 2 + (d - 1) / 2;
                    return BaseEnvironment.Op.withTools(
                            ref -> "In the key-value store " + store + " every key is a number and the value stored"
                                    + " under it is the next key. Start at key " + ref + " and follow " + hops
                                    + " links, reading each with the kv_get tool. Which key do you reach?",
                            v -> v < 0 || v > MAX_KEY ? null : walk(store, v, hops, null),
                            v -> {
                                List<ToolCall> calls = new ArrayList<>();
                                walk(store, v, hops, calls);
                                return ToolPlan.chained(calls);
                            });
                });
    }

    /** The key reached after {@code hops} links, recording each read in {@code calls} when given. */
    private static Long walk(String store, long start, int hops, List<ToolCall> calls) {
        long key = start;
        for (int i = 0; i < hops; i++) {
            if (calls != null) {
                calls.add(ToolCall.of(KV_GET.name(), "store", store, "key", Long.toString(key)));
            }
            key = read(store, Long.toString(key));
        }
        return key;
    }
}
