package dev.ratchet.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentTrendsTest {

    private static EpisodeScored episode(int iteration, String phase, String split, String env, String outcome) {
        return new EpisodeScored(
                "ep-" + iteration + phase + env + outcome,
                iteration,
                phase,
                split,
                env + "@1/d1",
                env,
                "v1",
                0,
                outcome,
                "pass".equals(outcome) ? "none" : "wrong-value",
                null,
                "42",
                "stop",
                1,
                List.of());
    }

    @Test
    void each_environment_keeps_its_own_train_gate_and_confirm_counts() {
        List<Event> events = new ArrayList<>();
        events.add(episode(1, "batch", "train", "arith.add", "pass"));
        events.add(episode(1, "batch", "train", "arith.add", "fail"));
        events.add(episode(1, "batch", "train", "arith.add", "infra"));
        events.add(episode(1, "batch", "train", "units.roman", "pass"));
        events.add(episode(1, "baseline", "gate", "arith.add", "pass"));
        events.add(episode(1, "baseline", "gate", "units.roman", "fail"));
        events.add(episode(1, "baseline", "gate", "units.roman", "pass"));
        events.add(episode(1, "candidate", "gate", "units.roman", "pass"));
        events.add(episode(1, "baseline", "probe", "units.roman", "pass"));
        events.add(episode(2, "confirm", "confirm", "units.roman", "fail"));

        EnvironmentTrends trends = EnvironmentTrends.of(events);

        assertEquals(List.of("arith.add", "units.roman"), trends.envIds());
        EnvironmentTrends.Row add = trends.row("arith.add", 1).orElseThrow();
        assertEquals(new Rate(1, 2), add.train(), "infra is not an attempt");
        assertEquals(new Rate(1, 1), add.gate());
        EnvironmentTrends.Row roman = trends.row("units.roman", 1).orElseThrow();
        assertEquals(new Rate(1, 1), roman.train());
        assertEquals(new Rate(1, 2), roman.gate(), "candidates and the old probe are not the gate baseline");
        assertEquals(Rate.NONE, roman.confirm());
        assertEquals(new Rate(0, 1), trends.row("units.roman", 2).orElseThrow().confirm());
        assertEquals(new Rate(2, 3), trends.gate(1));
        assertEquals(Rate.NONE, trends.gate(2));
    }
}
