package dev.ratchet.propose;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.ratchet.skill.Edits;

/**
 * The proposer's answer as a JSON schema, for providers that can hold an answer to one: the same
 * object the system prompt describes and {@link ProposalParser} validates. Only op, target and
 * rationale are required, as in the parser: which other fields an edit needs depends on its op.
 * The schema is a constant, so a request that carries it hashes the same on every run.
 */
public final class ProposalSchema {

    /** The schema's name, and the tool's name when a provider takes the schema as a forced tool call. */
    public static final String NAME = "propose_edit";

    /** What the tool does, for providers that take the schema as a tool. */
    public static final String DESCRIPTION =
            "Propose one edit to the agent's skill library or to one named" + " section of its system prompt.";

    public static final JsonSchema SCHEMA = JsonSchema.builder()
            .name(NAME)
            .rootElement(JsonObjectSchema.builder()
                    .addEnumProperty("op", Edits.OPS)
                    .addStringProperty("target", "skill name, lower-case-with-dashes, or section name")
                    .addStringProperty("description", "one line: what the skill does")
                    .addStringProperty("trigger", "when the skill applies")
                    .addProperty(
                            "tags",
                            JsonArraySchema.builder()
                                    .items(JsonStringSchema.builder().build())
                                    .build())
                    .addStringProperty("content", "the skill body in Markdown, or the complete new text of the section")
                    .addStringProperty("rationale", "why this fixes the cluster without regressing the passing tasks")
                    .required("op", "target", "rationale")
                    .additionalProperties(false)
                    .build())
            .build();

    private ProposalSchema() {}
}
