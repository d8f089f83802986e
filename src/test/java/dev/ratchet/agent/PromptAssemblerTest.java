package dev.ratchet.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.ratchet.env.Instance;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.PromptSection;
import dev.ratchet.skill.Skill;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptAssemblerTest {

    private static final Instance TASK = new Instance("arith.add", 42, 3, "Add 1 and 2.", "3");

    @Test
    void sectionsThenSkillsThenTheTaskWithItsIds() {
        Library library = new Library(
                List.of(new PromptSection("Role", "You solve tasks."), new PromptSection("Answer format", "Be exact.")),
                List.of(
                        new Skill("zeta-check", "d", "When adding", List.of(), "Add twice.", "hand"),
                        new Skill("alpha-rule", "d", "Always", List.of("x"), "Read twice.\n", "hand")));
        List<ChatMessage> messages = PromptAssembler.messages(library, TASK, "ep-9");
        assertEquals(2, messages.size());
        assertEquals(
                "## Role\nYou solve tasks.\n\n## Answer format\nBe exact.\n\n## Skills\n\n"
                        + "### Skill: alpha-rule\nWhen: Always\nRead twice.\n\n"
                        + "### Skill: zeta-check\nWhen: When adding\nAdd twice.",
                assertInstanceOf(SystemMessage.class, messages.get(0)).text());
        assertEquals(
                "Task id: arith.add@42/d3\nEpisode: ep-9\n\nAdd 1 and 2.",
                assertInstanceOf(UserMessage.class, messages.get(1)).singleText());
    }

    @Test
    void anEmptyLibrarySendsOnlyTheTask() {
        List<ChatMessage> messages = PromptAssembler.messages(Library.empty(), TASK, "ep-9");
        assertEquals(1, messages.size());
        assertInstanceOf(UserMessage.class, messages.get(0));
    }
}
