package dev.ratchet.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.EventSamples;
import org.junit.jupiter.api.Test;

class CampaignStateTest {

    @Test
    void foldsStatusVersionCountsAndSpendFromTheCatalogue() {
        CampaignState s = CampaignState.initial();
        for (Event e : EventSamples.all()) {
            s = s.evolve(e);
        }
        assertEquals("demo-0001", s.campaignId());
        assertEquals("stopped", s.status());
        assertEquals("consecutive-discards", s.stopReason());
        assertEquals(EventSamples.LIB1, s.libraryVersion(), "promotion moves the current version");
        assertEquals(1, s.iteration());
        assertEquals(new CampaignState.Counts(1, 0, 0, 1, 1, 1, 1, 1, 1), s.counts());
        assertEquals(1, s.spend().calls());
        assertEquals(15, s.spend().inputTokens() + s.spend().outputTokens());
    }

    @Test
    void anEmptyLogHasNotStarted() {
        assertEquals("not-started", CampaignState.initial().status());
    }
}
