package dev.ratchet.model;

import dev.langchain4j.model.chat.ChatModel;
import dev.ratchet.config.ModelConfig;

/**
 * Builds the chat model for a provider the {@link ModelFactory} does not know itself: the simulator
 * ({@code simulated}) and replay ({@code replay}) are supplied from outside this way, by name.
 */
@FunctionalInterface
public interface ChatModelProvider {

    ChatModel create(ModelConfig config);
}
