package dev.ratchet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A campaign interrupted after every single transaction and resumed from its log decides alike. */
class ResumeTest {

    private static CampaignHarness small() {
        return CampaignHarness.of(
                "iterations: 2\ncandidates: 2\nbatch-size: 12\ngate: {min-env-items: 0, screen-items: 8, min-items: 16, max-items: 32, chunk-items: 16, samples-per-item: 2}\n",
                FakeWorld.standard(0.1, 0.03));
    }

    /**
     * Every boundary around a decision or a proposer call, and every fourth inside a run of
     * episodes (each resume reruns the rest of the campaign, so all of them would be slow).
     */
    @Test
    void resumingAtTransactionBoundariesGivesTheSameDecisionStream() {
        CampaignHarness uninterrupted = small();
        List<Event> full = uninterrupted.run();
        List<String> kinds = uninterrupted.boundaryKinds;
        assertTrue(uninterrupted.boundaries.size() > 100, "the campaign is long enough to be interesting");

        int resumes = 0;
        for (int i = 0; i < uninterrupted.boundaries.size(); i++) {
            boolean episodes = kinds.get(i).equals("episode")
                    && (i + 1 == kinds.size() || kinds.get(i + 1).equals("episode"));
            if (episodes && i % 4 != 0) {
                continue;
            }
            resumes++;
            int cut = uninterrupted.boundaries.get(i);
            CampaignHarness resumed = small().resumedFrom(full.subList(0, cut));
            CampaignHarness.assertSameStream(full, resumed.run(), "resumed after event " + cut);
        }
        assertTrue(resumes > 40, "resumed " + resumes + " times");
    }

    @Test
    void aRunInterruptedHalfWayAsksOnlyForTheEpisodesNotYetRecorded() {
        CampaignHarness uninterrupted = small();
        List<Event> full = uninterrupted.run();
        int firstGateEpisode = 0;
        while (!(full.get(firstGateEpisode) instanceof EpisodeScored e
                && e.split().equals("gate"))) {
            firstGateEpisode++;
        }
        int cut = firstGateEpisode + 2 * 5;

        CampaignHarness resumed = small().resumedFrom(full.subList(0, cut));
        Action next = resumed.decider.next(resumed.state());

        List<EpisodeRequest> requests =
                assertInstanceOf(Action.RunEpisodes.class, next).requests();
        int all = 8 * 2 * 4; // eight screening items: baseline, two candidates and a spare, two samples each
        assertTrue(requests.size() <= all - 2 * 5, requests.size() + " requested");
        for (EpisodeRequest r : requests) {
            assertTrue(resumed.state().current().episode(r.episodeId()).isEmpty(), r.episodeId());
        }
        List<EpisodeScored> recorded = CampaignHarness.ofType(full.subList(0, cut), EpisodeScored.class);
        EpisodeScored last = recorded.get(recorded.size() - 1);
        assertEquals(last.episodeId().replace("/s0", "/s1"), requests.get(0).episodeId(), "it continues in order");
    }
}
