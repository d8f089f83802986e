package dev.ratchet.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswersTest {

    @Test
    void takesTheLastAnswerLine() {
        assertEquals("42", Answers.extract("First I thought Answer: 41.\nThen:\nAnswer: 42"));
    }

    @Test
    void findsALabelAfterReasoningOnTheSameLine() {
        assertEquals("1.414", Answers.extract("It is about 1.4142, so Answer: 1.414"));
    }

    @Test
    void withoutALabelTheWholeReplyIsTheAnswer() {
        assertEquals("Paris", Answers.extract("  Paris \n"));
    }

    @Test
    void removesFencesBackticksAndBold() {
        assertEquals("[1, 2]", Answers.extract("Answer:\n```\n[1, 2]\n```"));
        assertEquals("7", Answers.extract("**Answer:** `7`"));
        assertEquals("7", Answers.extract("**Answer: 7**"));
    }

    @Test
    void aWordContainingAnswerIsNotALabel() {
        assertEquals("reanswer: 3", Answers.extract("reanswer: 3"));
    }

    @Test
    void numberedAnswersKeepTheLastLinePerNumber() {
        Map<Integer, String> answers = Answers.numbered("Answer 1: 3\nAnswer 2: x\n- Answer 1: 4\nAnswer 3) [B, A]");
        assertEquals(Map.of(1, "4", 2, "x", 3, "[B, A]"), answers);
    }

    @Test
    void readingsTryWithoutATrailingPeriod() {
        assertEquals(List.of("Paris.", "Paris"), Answers.readings("Paris."));
        assertEquals(List.of("42"), Answers.readings("42"));
    }
}
