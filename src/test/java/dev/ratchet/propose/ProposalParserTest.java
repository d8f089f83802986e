package dev.ratchet.propose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.log.event.CandidateProposed.Edit;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalParserTest {

    private static final String ADD = "{\"op\":\"add-skill\",\"target\":\"carry\",\"description\":\"Carry digits.\","
            + "\"trigger\":\"adding multi-digit numbers\",\"tags\":[\"arith\"],\"content\":\"Carry the one.\","
            + "\"rationale\":\"The failures drop carries.\"}";

    private static ProposalParser.Parsed parsed(String answer) {
        return assertInstanceOf(ProposalParser.Parsed.class, ProposalParser.parse(answer));
    }

    private static String malformed(String answer) {
        return assertInstanceOf(ProposalParser.Malformed.class, ProposalParser.parse(answer))
                .problem();
    }

    @Test
    void aBareObjectParses() {
        ProposalParser.Parsed p = parsed(ADD);

        assertEquals(
                new Edit(
                        "add-skill",
                        "carry",
                        "Carry digits.",
                        "adding multi-digit numbers",
                        List.of("arith"),
                        "Carry the one."),
                p.edit());
        assertEquals("The failures drop carries.", p.rationale());
    }

    @Test
    void aFencedObjectWithProseAroundItParses() {
        assertEquals(
                "carry",
                parsed("Here is my edit:\n```json\n" + ADD + "\n```\nHope it helps {:}")
                        .edit()
                        .target());
        assertEquals("carry", parsed("Sure. " + ADD + " Done.").edit().target());
    }

    @Test
    void removeNeedsOnlyTargetAndRationale() {
        Edit e = parsed("{\"op\":\"remove-skill\",\"target\":\"carry\",\"rationale\":\"It regressed.\"}")
                .edit();

        assertEquals("remove-skill", e.op());
        assertEquals(List.of(), e.tags());
    }

    @Test
    void malformedAnswersSayWhatIsWrong() {
        assertEquals("the answer is empty", malformed("  "));
        assertEquals("no JSON object found in the answer", malformed("I would add a skill."));
        assertTrue(malformed("{\"op\": \"add-skill\",}").startsWith("the JSON does not parse"));
        assertTrue(malformed(ADD.replace("add-skill", "rename")).startsWith("'op' must be one of"));
        assertTrue(malformed(ADD.replace("\"target\"", "\"name\"")).startsWith("unknown field(s) name"));
        assertEquals("'rationale' is required", malformed(ADD.replace("The failures drop carries.", "")));
        assertEquals("'tags' must be a list of strings", malformed(ADD.replace("[\"arith\"]", "\"arith\"")));
        assertEquals("'content' must be a string", malformed(ADD.replace("\"Carry the one.\"", "42")));
        assertEquals(
                "add-skill needs description, trigger and content",
                malformed(ADD.replace("\"trigger\":\"adding multi-digit numbers\",", "")));
        assertEquals(
                "edit-section needs the new section text as content",
                malformed("{\"op\":\"edit-section\",\"target\":\"role\",\"rationale\":\"r\"}"));
        assertTrue(malformed("{\"op\":\"modify-skill\",\"target\":\"x\",\"rationale\":\"r\"}")
                .startsWith("modify-skill must change"));
    }
}
