package dev.ratchet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignSummaryTest {

    @Test
    void theSummaryCountsWhatTheLogSays() {
        List<Event> events = CampaignHarness.of("iterations: 4\n", FakeWorld.standard(0.03, 0.02))
                .run();

        CampaignSummary summary = CampaignSummary.of(events);

        assertEquals(4, summary.iterations());
        assertEquals("iterations", summary.stopReason());
        assertEquals(
                CampaignHarness.ofType(events, CandidatePromoted.class).size(),
                summary.promotions().size());
        assertTrue(summary.rejections().size()
                >= CampaignHarness.ofType(events, CandidateDiscarded.class).size());
        List<ConfirmScored> confirms = CampaignHarness.ofType(events, ConfirmScored.class);
        assertEquals(confirms.get(0).passed(), summary.confirm().passedBefore());
        assertEquals(
                confirms.get(confirms.size() - 1).total(), summary.confirm().totalAfter());
        assertEquals(24, summary.train().totalBefore() + countInfra(events));
        List<String> lines = summary.lines();
        assertTrue(lines.get(0).startsWith("iterations: 4, stopped: iterations"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  confirm:")), lines.toString());
    }

    private static int countInfra(List<Event> events) {
        return (int) CampaignHarness.ofType(events, dev.ratchet.log.event.EpisodeScored.class).stream()
                .filter(e -> e.iteration() == 1
                        && e.phase().equals("batch")
                        && e.outcome().equals("infra"))
                .count();
    }
}
