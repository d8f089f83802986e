package dev.ratchet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.campaign.LoopState;
import dev.ratchet.log.event.CampaignStopped;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticCampaignTest {

    private static final List<Event> EVENTS = SyntheticCampaign.events(30_000);

    @Test
    void isACompleteCampaignOfTheAskedLength() {
        assertEquals(30_000, EVENTS.size());
        assertInstanceOf(CampaignStopped.class, EVENTS.get(EVENTS.size() - 1));
        LoopState state = LoopState.of(EVENTS);
        assertTrue(state.isStopped());
        assertNotEquals(state.startVersion(), state.currentVersion(), "some candidate was promoted");
        for (Event e : EVENTS) {
            if (e instanceof CandidatePromoted p) {
                assertTrue(state.library(p.toVersion()).isPresent(), p.toString());
            }
        }
    }

    /** Gate episodes dominate a real log; their ids are distinct, as the episode index expects. */
    @Test
    void mostEventsAreGateEpisodesWithDistinctIds() {
        List<EpisodeScored> episodes = EVENTS.stream()
                .filter(EpisodeScored.class::isInstance)
                .map(EpisodeScored.class::cast)
                .toList();
        long gate = episodes.stream().filter(e -> e.split().equals("gate")).count();
        assertTrue(gate * 2 > EVENTS.size() * 0.9, gate + " gate episodes of " + EVENTS.size() + " events");
        Set<String> ids = new HashSet<>();
        episodes.forEach(e -> assertTrue(ids.add(e.episodeId()), e.episodeId()));
    }
}
