package dev.ratchet.config;

import dev.ratchet.config.ModelConfig.Provider;

/**
 * How a model answers when a campaign names it as the proposer. An edit carries a whole skill body
 * or prompt section, far longer than an agent's answer, so the proposer has its own output-token
 * limit rather than the model's {@code max_tokens} (256 tokens cut an edit off mid-string). And
 * where the provider can hold its answer to a JSON schema (OpenAI-compatible {@code response_format},
 * Ollama's {@code format}, an Anthropic tool call) the edit is asked for that way; otherwise, or
 * when {@code structuredOutput} is off, the prompt alone describes the JSON and the parser copes.
 */
public record ProposerSettings(int maxTokens, boolean structuredOutput) {

    /** The least a proposer gets unless {@code proposer.max_tokens} says otherwise. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    public ProposerSettings {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("proposer.max_tokens must be at least 1: " + maxTokens);
        }
    }

    /**
     * At least {@link #DEFAULT_MAX_TOKENS} and never fewer than the model's own {@code max_tokens};
     * structured output where the provider has it. The simulator writes its answers whatever the
     * limit, so for it the limit stays the model's own: its proposer requests, and so the campaigns
     * recorded on it, are what they were before the proposer had a limit of its own.
     */
    public static ProposerSettings defaults(Provider provider, int modelMaxTokens) {
        boolean generates = provider != Provider.SIMULATED && provider != Provider.REPLAY;
        int maxTokens = generates ? Math.max(DEFAULT_MAX_TOKENS, modelMaxTokens) : modelMaxTokens;
        return new ProposerSettings(maxTokens, provider.structuredOutput());
    }
}
