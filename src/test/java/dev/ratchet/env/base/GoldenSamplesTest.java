package dev.ratchet.env.base;

import dev.ratchet.env.Composable;
import dev.ratchet.env.GoldenFiles;
import dev.ratchet.env.Instance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins the bytes of every base environment's instances (seeds 1-3, lowest and highest difficulty). */
class GoldenSamplesTest {

    @Test
    void baseSamplesMatchTheApprovedFile() {
        Map<String, List<Map<String, Object>>> samples = new LinkedHashMap<>();
        for (Composable env : BuiltIns.environments()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int difficulty : new int[] {env.minDifficulty(), env.maxDifficulty()}) {
                for (long seed = 1; seed <= 3; seed++) {
                    rows.add(row(env.sample(seed, difficulty)));
                }
            }
            samples.put(env.id(), rows);
        }
        GoldenFiles.check("base-samples.json", samples);
    }

    static Map<String, Object> row(Instance instance) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("instance", instance.id());
        row.put("prompt", instance.prompt());
        row.put("expected", instance.expected());
        return row;
    }
}
