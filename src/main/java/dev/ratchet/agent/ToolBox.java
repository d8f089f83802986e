package dev.ratchet.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.ratchet.env.Tool;
import dev.ratchet.log.event.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An environment's tools as the model sees them (one string parameter named {@value #ARGUMENT})
 * and as the runner executes them. Calling a tool that is not offered, or with arguments that do
 * not fit its declaration, is tool misuse; a tool that rejects a well-formed argument answers with
 * an error text the model can react to, as real tool APIs do.
 */
final class ToolBox {

    static final String ARGUMENT = "input";

    private final Map<String, Tool> byName = new HashMap<>();
    private final List<ToolSpecification> specifications = new ArrayList<>();

    ToolBox(List<Tool> tools) {
        for (Tool tool : tools) {
            if (byName.putIfAbsent(tool.name(), tool) != null) {
                throw new IllegalArgumentException("duplicate tool name: " + tool.name());
            }
            specifications.add(ToolSpecification.builder()
                    .name(tool.name())
                    .description(tool.description())
                    .parameters(JsonObjectSchema.builder()
                            .addStringProperty(ARGUMENT, tool.description())
                            .required(ARGUMENT)
                            .build())
                    .build());
        }
    }

    List<ToolSpecification> specifications() {
        return List.copyOf(specifications);
    }

    /** What a tool call produced: the text for the model, or why the call was a misuse. */
    record Execution(String result, String misuse) {
        Execution {
            Objects.requireNonNull(result, "result");
        }

        boolean misused() {
            return misuse != null;
        }
    }

    Execution execute(ToolExecutionRequest call) {
        Tool tool = byName.get(call.name());
        if (tool == null) {
            return misuse("unknown tool '" + call.name() + "'");
        }
        JsonNode arguments;
        try {
            arguments = Json.parse(call.arguments() == null ? "" : call.arguments());
        } catch (UncheckedIOException e) {
            return misuse("arguments of " + call.name() + " are not JSON");
        }
        JsonNode value = arguments == null ? null : arguments.get(ARGUMENT);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return misuse("arguments of " + call.name() + " lack the string field '" + ARGUMENT + "'");
        }
        try {
            String result = tool.call(value.asText());
            return new Execution(result == null ? "" : result, null);
        } catch (RuntimeException rejected) {
            return new Execution("error: " + rejected.getMessage(), null);
        }
    }

    private static Execution misuse(String why) {
        return new Execution("error: " + why, why);
    }
}
