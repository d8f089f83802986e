package dev.ratchet.projection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.skill.Library;
import java.util.List;
import java.util.Map;

/** Model call records for {@link SyntheticCampaign}, shaped like the recorder's request and response JSON. */
final class Calls {

    static final double INPUT_PRICE = 0.15e-6;
    static final double OUTPUT_PRICE = 0.60e-6;

    private final SyntheticCampaign campaign;
    private int count;

    Calls(SyntheticCampaign campaign) {
        this.campaign = campaign;
    }

    ModelCallRecorded agent(String episodeId, String instanceId, String answer) {
        return agent(episodeId, instanceId, answer, campaign.library);
    }

    /** An agent call whose system prompt is {@code library}'s, as the prompt assembler renders it. */
    ModelCallRecorded agent(String episodeId, String instanceId, String answer, Library library) {
        String user = "Task id: " + instanceId + "\nEpisode: " + episodeId + "\n\nCompute the value of the task "
                + instanceId + ".";
        return call(
                "call-" + episodeId,
                "agent",
                campaign.agentModel,
                system(library),
                user,
                answer,
                400 + (count % 7) * 10,
                12);
    }

    ModelCallRecorded proposer(int iteration, String candidateId, String answer) {
        String user = "Propose one edit for the failures of iteration " + iteration
                + ".\n```json\n{\"cluster\":\"wrong-value\"}\n```";
        return call(
                "call-" + candidateId,
                "proposer",
                campaign.proposerModel,
                "You improve an agent's skills.",
                user,
                answer,
                1500,
                180);
    }

    ModelCallRecorded failedAgent(String episodeId) {
        count++;
        JsonNode request = request(system(campaign.library), "Task id: x\nEpisode: " + episodeId);
        List<ModelCallRecorded.Attempt> attempts = List.of(
                new ModelCallRecorded.Attempt(1, "error", 503, "ProviderUnavailable", 0),
                new ModelCallRecorded.Attempt(2, "error", 503, "ProviderUnavailable", 500),
                new ModelCallRecorded.Attempt(3, "error", 503, "ProviderUnavailable", 1000));
        return new ModelCallRecorded(
                "call-" + episodeId,
                "agent",
                campaign.agentModel,
                "h" + count,
                request,
                null,
                new ModelCallRecorded.Usage(0, 0),
                2600,
                attempts,
                "ProviderUnavailable",
                0.0);
    }

    private ModelCallRecorded call(
            String callId, String role, String model, String system, String user, String answer, long in, long out) {
        count++;
        JsonNode response = Json.object(Map.of(
                "text",
                answer,
                "toolCalls",
                List.of(),
                "finishReason",
                "stop",
                "usage",
                Map.of("inputTokens", in, "outputTokens", out)));
        return new ModelCallRecorded(
                callId,
                role,
                model,
                "h" + count,
                request(system, user),
                response,
                new ModelCallRecorded.Usage(in, out),
                700 + (count * 37L) % 400,
                List.of(new ModelCallRecorded.Attempt(1, "ok", 200, null, 0)),
                null,
                in * INPUT_PRICE + out * OUTPUT_PRICE);
    }

    private static String system(Library library) {
        StringBuilder sb = new StringBuilder();
        library.sections().forEach(s -> sb.append("## ")
                .append(s.name())
                .append('\n')
                .append(s.text())
                .append('\n'));
        sb.append("## Skills\n");
        library.skills().forEach(s -> sb.append("### Skill: ")
                .append(s.name())
                .append("\nWhen: ")
                .append(s.trigger())
                .append('\n')
                .append(s.body())
                .append('\n'));
        return sb.toString();
    }

    private static JsonNode request(String system, String user) {
        return Json.object(Map.of(
                "messages", List.of(Map.of("role", "system", "text", system), Map.of("role", "user", "text", user))));
    }
}
