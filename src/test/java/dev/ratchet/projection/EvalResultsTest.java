package dev.ratchet.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalResultsTest {

    private static EpisodeScored scored(String envId, int n, String outcome, String kind) {
        return new EpisodeScored(
                "eval/" + envId + "@" + n + "/d1/s0",
                0,
                "eval",
                "confirm",
                envId + "@" + n + "/d1",
                envId,
                "v1",
                0,
                outcome,
                kind,
                null,
                "",
                "stop",
                1,
                List.of());
    }

    private static EvalResults results(List<Event> events) {
        return Fold.over(events, EvalResults.fold(id -> id.startsWith("suite/") ? "suite" : id));
    }

    @Test
    void rowsFollowTheLogAndSuiteTasksShareTheirSuitesRow() {
        EvalResults r = results(List.of(
                scored("units.roman", 1, "pass", "none"),
                scored("suite/a", 2, "fail", "format"),
                scored("suite/b", 3, "pass", "none"),
                scored("units.roman", 4, "fail", "wrong-value"),
                new CampaignStopped("eval-complete", "evaluated 4 episodes", 0)));
        assertEquals(
                List.of("units.roman", "suite"),
                r.groups().stream().map(EvalResults.Group::id).toList());
        assertEquals(new Rate(1, 2), r.groups().get(1).rate());
        assertEquals(Map.of("format", 1, "wrong-value", 1), r.total().failureKinds());
        assertEquals("eval-complete", r.stopReason());
    }

    @Test
    void infrastructureErrorsAreCountedApartAndLeftOutOfAccuracy() {
        EvalResults r = results(List.of(
                scored("units.roman", 1, "pass", "none"),
                scored("units.roman", 2, "infra", "infrastructure"),
                scored("units.roman", 3, "infra", "infrastructure")));
        EvalResults.Group row = r.groups().get(0);
        assertEquals(3, row.episodes());
        assertEquals(2, row.infra());
        assertEquals(new Rate(1, 1), row.rate());
        assertEquals(Map.of("infrastructure", 2), row.failureKinds());
        assertNull(r.stopReason(), "not stopped yet");
    }
}
