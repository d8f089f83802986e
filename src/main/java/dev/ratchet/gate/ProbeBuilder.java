package dev.ratchet.gate;

import dev.ratchet.log.event.ProbeBuilt;
import dev.ratchet.log.event.ProbeBuilt.ProbeItem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws the held-out probe for one decision from the probe pool: items disjoint from the proposing
 * batch (and anything else excluded), half currently failing and half currently passing, spread
 * evenly over environments, preferring items that served fewer earlier decisions so that each
 * probe is as fresh as the pool allows. Only items whose current state is definite (pass or fail)
 * are drawn. When one half runs short, the other fills the probe.
 */
public final class ProbeBuilder {

    private ProbeBuilder() {}

    /** A pool item, its state under the current version, and how many decisions it has served. */
    public record PoolItem(String instanceId, String envId, ItemState state, int timesUsed) {
        public PoolItem {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(envId, "envId");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * @param decisionSeed derived from (campaign seed, iteration); it alone orders ties
     * @param decisionsOnSplit how many decisions the probe split has served, this one included
     */
    public static ProbeBuilt build(
            int iteration,
            long decisionSeed,
            int size,
            List<PoolItem> pool,
            Set<String> excluded,
            int decisionsOnSplit) {
        List<PoolItem> failing = eligible(pool, excluded, ItemState.FAIL);
        List<PoolItem> passing = eligible(pool, excluded, ItemState.PASS);
        int failTarget = Math.min((size + 1) / 2, failing.size());
        int passTarget = Math.min(size - failTarget, passing.size());
        failTarget = Math.min(size - passTarget, failing.size());
        List<ProbeItem> items = new ArrayList<>();
        for (PoolItem p : stratified(failing, failTarget, decisionSeed)) {
            items.add(new ProbeItem(p.instanceId(), p.envId(), true));
        }
        for (PoolItem p : stratified(passing, passTarget, decisionSeed)) {
            items.add(new ProbeItem(p.instanceId(), p.envId(), false));
        }
        return new ProbeBuilt(iteration, decisionSeed, items, decisionsOnSplit);
    }

    private static List<PoolItem> eligible(List<PoolItem> pool, Set<String> excluded, ItemState state) {
        return pool.stream()
                .filter(p -> p.state() == state && !excluded.contains(p.instanceId()))
                .toList();
    }

    /** Round-robin over environments (in seeded order), each yielding its least-used items first. */
    private static List<PoolItem> stratified(List<PoolItem> items, int n, long seed) {
        TreeMap<String, List<PoolItem>> byEnv = new TreeMap<>();
        for (PoolItem p : items) {
            byEnv.computeIfAbsent(p.envId(), k -> new ArrayList<>()).add(p);
        }
        Map<String, Long> keys = new HashMap<>();
        items.forEach(p -> keys.put(p.instanceId(), Seeds.derive(seed, "probe-item", p.instanceId())));
        Comparator<PoolItem> freshFirst = Comparator.comparingInt(PoolItem::timesUsed)
                .thenComparingLong(p -> keys.get(p.instanceId()))
                .thenComparing(PoolItem::instanceId);
        List<String> envOrder = new ArrayList<>(byEnv.keySet());
        Map<String, Long> envKeys = new HashMap<>();
        envOrder.forEach(env -> envKeys.put(env, Seeds.derive(seed, "probe-env", env)));
        envOrder.sort(Comparator.comparingLong((String env) -> envKeys.get(env)).thenComparing(env -> env));
        List<Deque<PoolItem>> queues = new ArrayList<>();
        for (String env : envOrder) {
            List<PoolItem> sorted = new ArrayList<>(byEnv.get(env));
            sorted.sort(freshFirst);
            queues.add(new ArrayDeque<>(sorted));
        }
        List<PoolItem> picked = new ArrayList<>();
        while (picked.size() < n) {
            for (Deque<PoolItem> q : queues) {
                if (picked.size() < n && !q.isEmpty()) {
                    picked.add(q.poll());
                }
            }
        }
        return picked;
    }
}
