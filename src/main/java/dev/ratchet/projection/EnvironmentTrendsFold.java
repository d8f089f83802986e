package dev.ratchet.projection;

import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds {@link EnvironmentTrends}: three counters per environment and iteration, nothing else kept. */
final class EnvironmentTrendsFold implements Fold<EnvironmentTrends> {

    private static final String INFRA = "infra";

    private final TreeMap<String, TreeMap<Integer, Rate[]>> cells = new TreeMap<>();

    @Override
    public void accept(Event e) {
        if (!(e instanceof EpisodeScored s) || INFRA.equals(s.outcome())) {
            return;
        }
        int slot = slot(s);
        if (slot >= 0) {
            Rate[] rates = cells.computeIfAbsent(s.envId(), k -> new TreeMap<>())
                    .computeIfAbsent(s.iteration(), k -> new Rate[] {Rate.NONE, Rate.NONE, Rate.NONE});
            rates[slot] = rates[slot].plus(s.passed());
        }
    }

    /** 0 train batch, 1 gate baseline on fresh items, 2 confirm; -1 for episodes the trends leave out. */
    private static int slot(EpisodeScored s) {
        if ("batch".equals(s.phase())) {
            return 0;
        }
        if ("baseline".equals(s.phase()) && "gate".equals(s.split())) {
            return 1;
        }
        return "confirm".equals(s.phase()) ? 2 : -1;
    }

    @Override
    public EnvironmentTrends result() {
        List<EnvironmentTrends.Row> rows = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Rate[]>> env : cells.entrySet()) {
            for (Map.Entry<Integer, Rate[]> it : env.getValue().entrySet()) {
                Rate[] r = it.getValue();
                rows.add(new EnvironmentTrends.Row(env.getKey(), it.getKey(), r[0], r[1], r[2]));
            }
        }
        return new EnvironmentTrends(rows);
    }
}
