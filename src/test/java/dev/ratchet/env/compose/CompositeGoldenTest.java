package dev.ratchet.env.compose;

import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.GoldenFiles;
import dev.ratchet.env.Instance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins the bytes of a few composites of every operator, nested ones included. */
class CompositeGoldenTest {

    private static final List<String> IDS = List.of(
            "seq(arith.add,nt.divisors)",
            "seq(dates.add-days,dates.weekday,strings.vowel-count)",
            "par(dates.weekday,strings.reverse,tables.top)",
            "sort(arith.add,arith.multiply,nt.is-prime)",
            "select(lists.sort,lists.rotate,lists.sum)",
            "par(seq(dates.add-days,dates.weekday),sort(strings.reverse,strings.caesar))",
            "sort(seq(arith.add,arith.multiply),arith.subtract)");

    @Test
    void compositeSamplesMatchTheApprovedFile() {
        EnvironmentCatalog catalog = EnvironmentCatalog.builtIn();
        Map<String, List<Map<String, Object>>> samples = new LinkedHashMap<>();
        for (String id : IDS) {
            Environment composite = catalog.resolve(id);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int difficulty : new int[] {1, 5}) {
                for (long seed = 1; seed <= 2; seed++) {
                    Instance instance = composite.sample(seed, difficulty);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("instance", instance.id());
                    row.put("prompt", instance.prompt());
                    row.put("expected", instance.expected());
                    rows.add(row);
                }
            }
            samples.put(id, rows);
        }
        GoldenFiles.check("composite-samples.json", samples);
    }
}
