package dev.ratchet.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.ratchet.env.FailureKind;
import dev.ratchet.env.Tool;
import dev.ratchet.log.event.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An environment's tools as the model sees them (a JSON object schema of the declared parameters,
 * all required, nothing else allowed) and as the runner executes them. Calling a tool that is not
 * offered is an unknown tool; arguments that do not fit the declaration are bad arguments; both end
 * the episode. A tool that rejects well-formed arguments answers with an error text the model can
 * react to, as real tool APIs do.
 *
 * <p>Arguments are read as loosely as common tool runtimes coerce them: a string parameter takes a
 * JSON string or number, an integer parameter a JSON integer or a string holding exactly one.
 */
final class ToolBox {

    // Looked up by name only; the specifications list keeps the declared order.
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
                    .parameters(schema(tool))
                    .build());
        }
    }

    private static JsonObjectSchema schema(Tool tool) {
        JsonObjectSchema.Builder schema = JsonObjectSchema.builder();
        for (Tool.Parameter p : tool.parameters()) {
            if (p.type() == Tool.Type.INTEGER) {
                schema.addIntegerProperty(p.name(), p.description());
            } else {
                schema.addStringProperty(p.name(), p.description());
            }
        }
        return schema.required(
                        tool.parameters().stream().map(Tool.Parameter::name).toList())
                .additionalProperties(false)
                .build();
    }

    List<ToolSpecification> specifications() {
        return List.copyOf(specifications);
    }

    /** What a tool call produced: the text for the model, or why (and how) the call was a misuse. */
    record Execution(String result, FailureKind misuse) {
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
            return misuse(FailureKind.UNKNOWN_TOOL, "unknown tool '" + call.name() + "'");
        }
        JsonNode arguments;
        try {
            arguments = Json.parse(call.arguments() == null ? "" : call.arguments());
        } catch (UncheckedIOException e) {
            return misuse(FailureKind.BAD_ARGUMENTS, "arguments of " + call.name() + " are not JSON");
        }
        if (arguments == null || !arguments.isObject()) {
            return misuse(FailureKind.BAD_ARGUMENTS, "arguments of " + call.name() + " are not a JSON object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Tool.Parameter p : tool.parameters()) {
            String problem = read(p, arguments.get(p.name()), values);
            if (problem != null) {
                return misuse(FailureKind.BAD_ARGUMENTS, call.name() + ": " + problem);
            }
        }
        for (Iterator<String> names = arguments.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!values.containsKey(name)) {
                return misuse(FailureKind.BAD_ARGUMENTS, call.name() + " has no parameter '" + name + "'");
            }
        }
        try {
            String result = tool.call(new Tool.Arguments(values));
            return new Execution(result == null ? "" : result, null);
        } catch (RuntimeException rejected) {
            return new Execution("error: " + rejected.getMessage(), null);
        }
    }

    /** Reads one parameter into {@code values}; the problem when it does not fit, else null. */
    private static String read(Tool.Parameter p, JsonNode value, Map<String, Object> values) {
        if (value == null || value.isNull()) {
            return "the " + p.type().label() + " parameter '" + p.name() + "' is missing";
        }
        if (p.type() == Tool.Type.STRING && (value.isTextual() || value.isNumber())) {
            values.put(p.name(), value.asText());
            return null;
        }
        if (p.type() == Tool.Type.INTEGER && value.canConvertToExactIntegral() && value.canConvertToLong()) {
            values.put(p.name(), value.asLong());
            return null;
        }
        if (p.type() == Tool.Type.INTEGER
                && value.isTextual()
                && value.asText().strip().matches("-?\\d{1,18}")) {
            values.put(p.name(), Long.parseLong(value.asText().strip()));
            return null;
        }
        return "'" + p.name() + "' must be " + (p.type() == Tool.Type.INTEGER ? "an integer" : "a string") + ", got "
                + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Execution misuse(FailureKind kind, String why) {
        return new Execution("error: " + why, kind);
    }
}
