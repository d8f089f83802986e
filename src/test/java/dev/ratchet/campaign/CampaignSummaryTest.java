package dev.ratchet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.CandidateDiscarded;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.CandidateProposed;
import dev.ratchet.log.event.ConfirmScored;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.ProposalFailed;
import dev.ratchet.projection.Rate;
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
        ConfirmScored first = confirms.get(0);
        ConfirmScored last = confirms.get(confirms.size() - 1);
        String confirm = lines.stream()
                .filter(l -> l.startsWith("  confirm:"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                confirm.endsWith(new Rate(first.passed(), first.total()).describe() + " -> "
                        + new Rate(last.passed(), last.total()).describe()),
                "each accuracy with its count and 95% interval: " + confirm);
        assertTrue(confirm.matches(".*\\d+/\\d+ = \\d+\\.\\d% \\[\\d+\\.\\d, \\d+\\.\\d\\] -> .*"), confirm);
    }

    @Test
    void aProposerThatNeverGivesAnEditSaysSoInTheStopAndTheSummary() {
        List<Event> events = CampaignHarness.of(
                        "iterations: 6\nstop-after-discards: 2\n",
                        FakeWorld.clean(callId -> "I would add a skill about carrying digits."))
                .run();
        int failed = CampaignHarness.ofType(events, ProposalFailed.class).size();
        assertTrue(failed >= 2, "every iteration asked the proposer: " + failed);

        CampaignSummary summary = CampaignSummary.of(events);

        assertEquals("proposer-failed", summary.stopReason(), "not merely consecutive-discards");
        String expected = "0 of " + failed + " proposals parsed: malformed twice: no JSON object found in the answer";
        assertTrue(summary.stopDetail().startsWith(expected), summary.stopDetail());
        assertTrue(summary.stopDetail().endsWith("2 consecutive iterations without a promotion"), summary.stopDetail());
        List<String> lines = summary.lines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("proposals: " + expected)), lines.toString());
    }

    @Test
    void aProposerThatGivesSomeEditsKeepsTheUsualStopAndCountsThem() {
        List<Event> events = CampaignHarness.of("iterations: 3\n", FakeWorld.standard(0.03, 0.02))
                .run();
        int parsed = CampaignHarness.ofType(events, CandidateProposed.class).size();
        int failed = CampaignHarness.ofType(events, ProposalFailed.class).size();

        CampaignSummary summary = CampaignSummary.of(events);

        assertTrue(parsed > 0);
        assertEquals("iterations", summary.stopReason());
        assertTrue(
                summary.lines().contains("proposals: " + parsed + " of " + (parsed + failed) + " proposals parsed"),
                summary.lines().toString());
    }

    private static int countInfra(List<Event> events) {
        return (int) CampaignHarness.ofType(events, dev.ratchet.log.event.EpisodeScored.class).stream()
                .filter(e -> e.iteration() == 1
                        && e.phase().equals("batch")
                        && e.outcome().equals("infra"))
                .count();
    }
}
