package dev.ratchet.propose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratchet.log.event.FailureClassified;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureClustersTest {

    private static FailureClassified f(String instanceId, String regime) {
        String env = instanceId.substring(0, instanceId.indexOf('@'));
        return new FailureClassified("e-" + instanceId, 1, instanceId, env, regime, "d", "x");
    }

    @Test
    void clustersAreRankedBySizeThenLabelAndInfrastructureIsLeftOut() {
        List<FailureClassified> failures = List.of(
                f("b@1/d1", "format"),
                f("a@1/d1", "wrong-value"),
                f("a@2/d1", "wrong-value"),
                f("a@3/d1", "format"),
                f("c@1/d1", "infrastructure"),
                f("c@2/d1", "infrastructure"),
                f("c@3/d1", "infrastructure"));

        List<FailureClusters.Cluster> ranked = FailureClusters.rank(failures);

        assertEquals(
                List.of("wrong-value in a", "format in a", "format in b"),
                ranked.stream().map(FailureClusters.Cluster::label).toList());
        assertEquals(2, ranked.get(0).failures().size());
        assertEquals(2, FailureClusters.top(failures, 2).size());
        assertEquals(3, FailureClusters.top(failures, 10).size());
    }
}
