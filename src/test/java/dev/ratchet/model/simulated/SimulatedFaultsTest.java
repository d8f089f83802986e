package dev.ratchet.model.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.ModelConfigException;
import dev.ratchet.config.ModelConfigs;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.log.event.ModelCallRecorded.Attempt;
import dev.ratchet.model.CallContext;
import dev.ratchet.model.Redactor;
import dev.ratchet.model.ResilientModelClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Seeded provider faults: retried by the one retry layer, visible as attempts, the same on every run. */
class SimulatedFaultsTest {

    private static final ChatModel ANSWERS = new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
            return ChatResponse.builder()
                    .aiMessage(AiMessage.from("Answer: 4"))
                    .tokenUsage(new TokenUsage(10, 2))
                    .finishReason(FinishReason.STOP)
                    .build();
        }
    };

    private static ModelConfig flaky(double rate) {
        return ModelConfig.builder("flaky", ModelConfig.Provider.SIMULATED)
                .options(Json.parse("{\"role\":\"agent\",\"fault_rate\":" + rate + "}"))
                .build();
    }

    /** Forty distinct calls through a fresh client (as a fresh process would make them). */
    private static List<ModelCallRecorded> fortyCalls(ModelConfig config) {
        ResilientModelClient client = new ResilientModelClient(
                config,
                SimulatedFaults.wrap(config, ANSWERS),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                d -> {},
                Redactor.of(List.of()));
        return IntStream.range(0, 40)
                .mapToObj(i -> client.call(
                                new CallContext("call-" + i, "agent"),
                                ChatRequest.builder()
                                        .messages(UserMessage.from("task " + i))
                                        .build())
                        .record())
                .toList();
    }

    @Test
    void someAttemptsFailWithARetryableStatusAndAreRetried() {
        List<ModelCallRecorded> calls = fortyCalls(flaky(0.3));
        List<Attempt> failed = calls.stream()
                .flatMap(c -> c.attempts().stream())
                .filter(a -> !a.result().equals("ok"))
                .toList();
        assertTrue(failed.size() >= 5, failed.size() + " failed attempts");
        for (Attempt a : failed) {
            assertTrue(Set.of(429, 500, 503, 529).contains(a.httpStatus()), a.toString());
        }
        assertTrue(calls.stream().anyMatch(c -> c.attempts().size() > 1 && c.errorClass() == null), "retried, then ok");
    }

    @Test
    void aFaultIsTransientNoRequestFailsMoreThanFourAttemptsInARow() {
        // At a fault rate of 0.95 nearly every attempt would fail; the fifth of one request is answered.
        ModelConfig config = flaky(0.95);
        ChatModel faulty = SimulatedFaults.wrap(config, ANSWERS);
        ChatRequest request =
                ChatRequest.builder().messages(UserMessage.from("task 1")).build();
        int failures = 0;
        for (int attempt = 1; attempt <= SimulatedFaults.LONGEST_FAULT; attempt++) {
            try {
                faulty.chat(request);
            } catch (RuntimeException e) {
                failures++;
            }
        }
        assertTrue(failures >= 2, "the high rate shows: " + failures);
        assertEquals("Answer: 4", faulty.chat(request).aiMessage().text());
    }

    @Test
    void theSameRequestsMeetTheSameFaultsOnEveryRun() {
        assertEquals(fortyCalls(flaky(0.3)), fortyCalls(flaky(0.3)));
    }

    @Test
    void noFaultRateLeavesTheModelAlone() {
        ModelConfig plain =
                ModelConfig.builder("plain", ModelConfig.Provider.SIMULATED).build();
        assertSame(ANSWERS, SimulatedFaults.wrap(plain, ANSWERS));
    }

    @Test
    void aBadFaultRateIsRejectedWhenTheModelsFileLoads() {
        ModelConfigException e = assertThrows(
                ModelConfigException.class,
                () -> ModelConfigs.parse(
                        "models:\n  m:\n    provider: simulated\n    options: {role: agent, fault_rate: 1.5}\n",
                        "models.yaml"));
        assertTrue(e.getMessage().startsWith("models.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("models.m.options.fault_rate"), e.getMessage());
        assertTrue(e.getMessage().contains("[0, 1)"), e.getMessage());
        ModelConfigException real = assertThrows(
                ModelConfigException.class,
                () -> ModelConfigs.parse(
                        "models:\n  m:\n    provider: openai\n    model: x\n    options: {fault_rate: 0.1}\n",
                        "models.yaml"));
        assertTrue(real.getMessage().contains("only the simulated provider"), real.getMessage());
    }
}
