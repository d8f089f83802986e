package dev.ratchet.agent;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.ratchet.env.Instance;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.PromptSection;
import dev.ratchet.skill.Skill;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the agent's first messages from a library and a task, in the shared layout: the system
 * message holds each prompt section as {@code ## <name>} and then, under {@code ## Skills}, each
 * skill as {@code ### Skill: <name>} / {@code When: <trigger>} / body; the user message starts with
 * the task and episode ids so that repeated samples of one task are distinct requests.
 */
public final class PromptAssembler {

    private PromptAssembler() {}

    /** The system message, then the user message; no system message when the library is empty. */
    public static List<ChatMessage> messages(Library library, Instance instance, String episodeId) {
        List<ChatMessage> messages = new ArrayList<>();
        String system = systemPrompt(library);
        if (!system.isBlank()) {
            messages.add(SystemMessage.from(system));
        }
        messages.add(UserMessage.from(userMessage(instance, episodeId)));
        return List.copyOf(messages);
    }

    public static String systemPrompt(Library library) {
        List<String> blocks = new ArrayList<>();
        for (PromptSection section : library.sections()) {
            blocks.add("## " + section.name() + "\n" + section.text().strip());
        }
        if (!library.skills().isEmpty()) {
            blocks.add("## Skills");
            for (Skill skill : library.skills()) {
                blocks.add("### Skill: " + skill.name() + "\nWhen: "
                        + skill.trigger().strip() + "\n" + skill.body().strip());
            }
        }
        return String.join("\n\n", blocks);
    }

    public static String userMessage(Instance instance, String episodeId) {
        return "Task id: " + instance.id() + "\n" + "Episode: " + episodeId + "\n\n" + instance.prompt();
    }
}
