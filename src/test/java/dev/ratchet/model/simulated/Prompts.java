package dev.ratchet.model.simulated;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.env.Instance;
import dev.ratchet.skill.Library;
import dev.ratchet.skill.PromptSection;
import dev.ratchet.skill.Skill;
import java.util.ArrayList;
import java.util.List;

/** Agent requests written by hand in the shared prompt layout, independent of the assembler. */
final class Prompts {

    private Prompts() {}

    static ChatRequest agentRequest(Library library, Instance instance, String episodeId) {
        List<ChatMessage> messages = new ArrayList<>();
        StringBuilder system = new StringBuilder();
        for (PromptSection s : library.sections()) {
            system.append("## ").append(s.name()).append('\n').append(s.text()).append("\n\n");
        }
        if (!library.skills().isEmpty()) {
            system.append("## Skills\n\n");
            for (Skill s : library.skills()) {
                system.append("### Skill: ").append(s.name()).append("\nWhen: ").append(s.trigger());
                system.append('\n').append(s.body()).append("\n\n");
            }
        }
        if (!system.isEmpty()) {
            messages.add(SystemMessage.from(system.toString()));
        }
        messages.add(
                UserMessage.from("Task id: " + instance.id() + "\nEpisode: " + episodeId + "\n\n" + instance.prompt()));
        return ChatRequest.builder().messages(messages).build();
    }

    static Library withSkill(Skill skill) {
        return new Library(List.of(), List.of(skill));
    }
}
