package dev.ratchet.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.ProbeBuilt;
import dev.ratchet.log.event.ProbeBuilt.ProbeItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProbeBuilderTest {

    /** 3 environments x 20 items; items 0-5 of each fail, item 6 is flaky, item 7 infra. */
    private static List<ProbeBuilder.PoolItem> pool(Function<String, Integer> used) {
        List<ProbeBuilder.PoolItem> pool = new ArrayList<>();
        for (String env : List.of("a", "b", "c")) {
            for (int i = 0; i < 20; i++) {
                String id = env + "@" + i + "/d1";
                ItemState s =
                        i < 6 ? ItemState.FAIL : i == 6 ? ItemState.FLAKY : i == 7 ? ItemState.INFRA : ItemState.PASS;
                pool.add(new ProbeBuilder.PoolItem(id, env, s, used.apply(id)));
            }
        }
        return pool;
    }

    @Test
    void halfFailingHalfPassingSpreadEvenlyOverEnvironments() {
        ProbeBuilt probe = ProbeBuilder.build(3, 42L, 12, pool(id -> 0), Set.of(), 1);

        assertEquals(12, probe.items().size());
        assertEquals(6, probe.items().stream().filter(ProbeItem::failingBefore).count());
        Map<String, Long> perEnv =
                probe.items().stream().collect(Collectors.groupingBy(ProbeItem::envId, Collectors.counting()));
        assertEquals(Map.of("a", 4L, "b", 4L, "c", 4L), perEnv);
        assertEquals(3, probe.iteration());
        assertEquals(42L, probe.decisionSeed());
    }

    @Test
    void excludedFlakyAndInfraItemsAreNeverDrawn() {
        Set<String> batch = Set.of("a@0/d1", "a@1/d1", "b@8/d1");

        ProbeBuilt probe = ProbeBuilder.build(1, 7L, 40, pool(id -> 0), batch, 1);

        Set<String> ids = probe.items().stream().map(ProbeItem::instanceId).collect(Collectors.toSet());
        assertTrue(ids.stream().noneMatch(batch::contains));
        assertTrue(ids.stream().noneMatch(id -> id.contains("@6/") || id.contains("@7/")));
    }

    @Test
    void whenFailingItemsRunShortPassingOnesFillTheProbe() {
        ProbeBuilt probe = ProbeBuilder.build(1, 7L, 40, pool(id -> 0), Set.of(), 1);

        assertEquals(40, probe.items().size());
        assertEquals(18, probe.items().stream().filter(ProbeItem::failingBefore).count(), "all 18 failing items");
    }

    @Test
    void lessUsedItemsArePreferred() {
        ProbeBuilt probe = ProbeBuilder.build(
                2, 9L, 6, pool(id -> id.matches("[abc]@[0-2]/d1|[abc]@(8|9|10)/d1") ? 3 : 0), Set.of(), 2);

        assertTrue(
                probe.items().stream().noneMatch(i -> i.instanceId().matches("[abc]@([0-2]|8|9|10)/d1")),
                probe.items().toString());
    }

    @Test
    void theDrawDependsOnTheSeedAndNothingElse() {
        List<ProbeBuilder.PoolItem> pool = pool(id -> 0);
        List<ProbeBuilder.PoolItem> reversed = new ArrayList<>(pool);
        java.util.Collections.reverse(reversed);

        ProbeBuilt one = ProbeBuilder.build(1, 5L, 10, pool, Set.of(), 1);
        ProbeBuilt same = ProbeBuilder.build(1, 5L, 10, reversed, Set.of(), 1);
        ProbeBuilt other = ProbeBuilder.build(1, 6L, 10, pool, Set.of(), 1);

        assertEquals(one, same, "the pool's order does not matter");
        assertNotEquals(
                one.items().stream().map(ProbeItem::instanceId).collect(Collectors.toSet()),
                other.items().stream().map(ProbeItem::instanceId).collect(Collectors.toSet()));
    }

    @Test
    void seedsAreStableAcrossRuns() {
        assertEquals(Seeds.derive(1, "probe", "3"), Seeds.derive(1, "probe", "3"));
        assertNotEquals(Seeds.derive(1, "probe", "3"), Seeds.derive(1, "probe3"));
        assertNotEquals(Seeds.derive(1, "probe", "3"), Seeds.derive(2, "probe", "3"));
    }
}
