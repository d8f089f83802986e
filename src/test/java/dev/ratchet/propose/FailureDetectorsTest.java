package dev.ratchet.propose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.EpisodeScored;
import dev.ratchet.log.event.FailureClassified;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureDetectorsTest {

    private static FailureClassified classify(EpisodeScored e) {
        return FailureDetectors.classify(e).orElseThrow();
    }

    @Test
    void aPassingEpisodeIsNotClassified() {
        assertTrue(FailureDetectors.classify(Episodes.passed("a@1/d1", "3")).isEmpty());
    }

    @Test
    void eachFailureKindMapsToItsRegime() {
        assertEquals(
                "format",
                classify(Episodes.failed("a@1/d1", "format", "three", "stop")).regime());
        assertEquals(
                "wrong-value",
                classify(Episodes.failed("a@1/d1", "wrong-value", "4", "stop")).regime());
        assertEquals(
                "wrong-step",
                classify(Episodes.failed("a@1/d1", "wrong-step", "4", "stop")).regime());
        assertEquals(
                "tool-misuse",
                classify(Episodes.failed("a@1/d1", "tool-misuse", "", "tool")).regime());
        assertEquals(
                "tool-misuse",
                classify(Episodes.failed("a@1/d1", "step-limit", "", "tool")).regime());
        assertEquals("infrastructure", classify(Episodes.infra("a@1/d1")).regime());
    }

    @Test
    void unknownToolsAndBadArgumentsAreToolMisuseWithTheirOwnDetector() {
        FailureClassified unknown = classify(Episodes.failed("a@1/d1", "unknown-tool", "", "tool"));
        FailureClassified bad = classify(Episodes.failed("a@1/d1", "bad-arguments", "", "tool"));
        FailureClassified limit = classify(Episodes.failed("a@1/d1", "step-limit", "", "tool"));
        assertEquals(
                List.of("tool-misuse", "tool-misuse", "tool-misuse"),
                List.of(unknown.regime(), bad.regime(), limit.regime()));
        assertEquals(
                List.of("unknown-tool", "bad-arguments", "step-limit"),
                List.of(unknown.detector(), bad.detector(), limit.detector()));
        assertTrue(unknown.detail().contains("does not offer"), unknown.detail());
        assertTrue(bad.detail().contains("do not fit"), bad.detail());
    }

    @Test
    void truncationAndRefusalWinOverFormat() {
        FailureClassified cut = classify(Episodes.failed("a@1/d1", "format", "The sum of 3 and", "length"));
        FailureClassified refused =
                classify(Episodes.failed("a@1/d1", "format", "I'm sorry, I can't do that.", "stop"));
        FailureClassified filtered = classify(Episodes.failed("a@1/d1", "format", "", "content-filter"));

        assertEquals("truncation", cut.regime());
        assertEquals("finish-length", cut.detector());
        assertEquals("refusal", refused.regime());
        assertEquals("refusal-phrase", refused.detector());
        assertEquals("refusal", filtered.regime());
    }

    @Test
    void infrastructureWinsOverEverything() {
        assertEquals(
                "infrastructure",
                classify(Episodes.failed("a@1/d1", "format", "", "error")).regime());
    }

    @Test
    void theClassificationNamesTheEpisodeAndSaysWhy() {
        FailureClassified c = classify(Episodes.failed("seq(a,b)@7/d2", "wrong-step", "12", "stop"));

        assertEquals("i1/batch/seq(a,b)@7/d2/s0", c.episodeId());
        assertEquals("seq(a,b)", c.envId());
        assertEquals("wrong-step", c.detector());
        assertEquals("step 1 of the composite is wrong", c.detail());
    }

    @Test
    void anUnknownKindIsStillClassified() {
        FailureClassified c = classify(Episodes.failed("a@1/d1", "mystery", "x", "stop"));

        assertEquals("unrecognised-kind", c.detector());
        assertEquals(FailureDetectors.names().get(FailureDetectors.names().size() - 1), c.detector());
    }
}
