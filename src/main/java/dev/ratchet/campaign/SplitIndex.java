package dev.ratchet.campaign;

import dev.ratchet.env.Instance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The campaign's three splits, checked disjoint by instance id when the campaign is set up, with
 * lookups by id. Lists keep the order they were given in; maps are only looked up.
 */
record SplitIndex(List<Instance> train, List<Instance> probe, List<Instance> confirm, Map<String, Instance> byId) {

    SplitIndex {
        train = List.copyOf(train);
        probe = List.copyOf(probe);
        confirm = List.copyOf(confirm);
        byId = Map.copyOf(byId);
    }

    static SplitIndex of(List<Instance> train, List<Instance> probe, List<Instance> confirm) {
        Map<String, Instance> byId = new HashMap<>();
        Map<String, String> splitOf = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        index(train, "train", byId, splitOf, clashes);
        index(probe, "probe", byId, splitOf, clashes);
        index(confirm, "confirm", byId, splitOf, clashes);
        if (!clashes.isEmpty()) {
            throw new IllegalArgumentException("the splits must be disjoint by instance id: "
                    + String.join(", ", clashes.subList(0, Math.min(5, clashes.size())))
                    + (clashes.size() > 5 ? " and " + (clashes.size() - 5) + " more" : ""));
        }
        if (train.isEmpty() || probe.isEmpty() || confirm.isEmpty()) {
            throw new IllegalArgumentException("every split needs at least one instance (train " + train.size()
                    + ", probe " + probe.size() + ", confirm " + confirm.size() + ")");
        }
        return new SplitIndex(train, probe, confirm, byId);
    }

    private static void index(
            List<Instance> split,
            String name,
            Map<String, Instance> byId,
            Map<String, String> splitOf,
            List<String> clashes) {
        Set<String> seen = new HashSet<>();
        for (Instance i : split) {
            String id = i.id();
            if (!seen.add(id)) {
                clashes.add(id + " (twice in " + name + ")");
            } else if (splitOf.containsKey(id)) {
                clashes.add(id + " (" + splitOf.get(id) + " and " + name + ")");
            } else {
                splitOf.put(id, name);
                byId.put(id, i);
            }
        }
    }

    Instance instance(String id) {
        Instance i = byId.get(id);
        if (i == null) {
            throw new IllegalStateException("the log names instance " + id + ", which is in no split of this campaign");
        }
        return i;
    }
}
