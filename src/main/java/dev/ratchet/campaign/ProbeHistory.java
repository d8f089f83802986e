package dev.ratchet.campaign;

import dev.ratchet.gate.ItemState;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.ProbeBuilt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the log says about the probe split: each library version's screening outcomes (the state
 * an item is in when drawn), how many decisions each item has served, and how many decisions the
 * split has served in all. Immutable; maps are only looked up.
 */
public record ProbeHistory(Map<String, Map<String, String>> screens, Map<String, Integer> uses, int decisions) {

    public ProbeHistory {
        screens = Collections.unmodifiableMap(new LinkedHashMap<>(screens));
        uses = Collections.unmodifiableMap(new LinkedHashMap<>(uses));
    }

    static ProbeHistory empty() {
        return new ProbeHistory(Map.of(), Map.of(), 0);
    }

    /** The outcomes (pass, fail, infra) of screening {@code instanceId} under {@code version}, by sample. */
    public List<String> screenSamples(String version, String instanceId, int samples) {
        Map<String, String> byKey = screens.getOrDefault(version, Map.of());
        List<String> out = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            String outcome = byKey.get(key(instanceId, s));
            if (outcome != null) {
                out.add(outcome);
            }
        }
        return out;
    }

    /** The item's state under {@code version}; infra until every sample is screened. */
    public ItemState screenState(String version, String instanceId, int samples) {
        List<String> got = screenSamples(version, instanceId, samples);
        return got.size() < samples ? ItemState.INFRA : ItemState.of(got);
    }

    public boolean screened(String version, String instanceId, int sample) {
        return screens.getOrDefault(version, Map.of()).containsKey(key(instanceId, sample));
    }

    public int timesUsed(String instanceId) {
        return uses.getOrDefault(instanceId, 0);
    }

    ProbeHistory withScreen(EpisodeScored e) {
        Map<String, String> forVersion = new LinkedHashMap<>(screens.getOrDefault(e.libraryVersion(), Map.of()));
        forVersion.put(key(e.instanceId(), e.sample()), e.outcome());
        Map<String, Map<String, String>> all = new LinkedHashMap<>(screens);
        all.put(e.libraryVersion(), Collections.unmodifiableMap(forVersion));
        return new ProbeHistory(all, uses, decisions);
    }

    ProbeHistory withProbe(ProbeBuilt p) {
        Map<String, Integer> counted = new LinkedHashMap<>(uses);
        p.items().forEach(i -> counted.merge(i.instanceId(), 1, Integer::sum));
        return new ProbeHistory(screens, counted, decisions + 1);
    }

    private static String key(String instanceId, int sample) {
        return instanceId + "#s" + sample;
    }
}
