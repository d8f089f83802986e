package dev.ratchet.torture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A project folder with every input a campaign reads (config, models, a skill, a prompt section, a
 * suite), written by the checks themselves so that the shipped jar needs nothing else. Its campaign
 * runs on the simulator in about a second and reaches a gate decision.
 */
public record Project(Path dir, Path config, Path models, Path skills, Path prompts, Path eval) {

    /** The campaign: two environments, one of them a suite, and two small iterations. */
    static final String CONFIG =
            """
            name: tiny
            models: {agent: sim-agent, proposer: sim-proposer}
            environments: [{id: arith.add}, units.roman]
            suites: [{name: quiz}]
            splits: {train: 8, probe: 16, confirm: 8}
            batch-size: 4
            candidates: 2
            gate: {min-env-items: 0, screen-items: 4, min-items: 8, max-items: 16, chunk-items: 8, suite-reuse-limit: 3}
            iterations: 2
            concurrency: 2
            seed: %d
            """;

    static final String MODELS =
            """
            models:
              sim-agent: {provider: simulated, seed: 11, options: {role: agent}}
              sim-proposer: {provider: simulated, seed: 11, options: {role: proposer}}
            """;

    static final String SKILL =
            "---\nname: dates\ndescription: Dates\ntrigger: a date\n---\n\nWrite dates as YYYY-MM-DD.\n";

    /** Writes the project into {@code dir} with campaign seed {@code seed}. */
    public static Project create(Path dir, long seed) {
        try {
            Files.createDirectories(dir);
            Path skills = Files.createDirectories(dir.resolve("skills"));
            Files.writeString(skills.resolve("dates.md"), SKILL);
            Path prompts = Files.createDirectories(dir.resolve("prompts"));
            Files.writeString(prompts.resolve("10-role.md"), "You solve small tasks.\n");
            Path eval = Files.createDirectories(dir.resolve("eval"));
            StringBuilder quiz = new StringBuilder();
            for (int i = 1; i <= 6; i++) {
                quiz.append("{\"id\":\"q%d\",\"prompt\":\"%d+2?\",\"expected\":\"%d\",\"verifier\":\"exact\"}\n"
                        .formatted(i, i, i + 2));
            }
            Files.writeString(eval.resolve("quiz.jsonl"), quiz.toString());
            return new Project(
                    dir,
                    Files.writeString(dir.resolve("tiny.yaml"), CONFIG.formatted(seed)),
                    Files.writeString(dir.resolve("models.yaml"), MODELS),
                    skills,
                    prompts,
                    eval);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code command} (run or eval) on these inputs into {@code runs}, plus {@code more}. */
    public List<String> args(String command, Path runs, String... more) {
        List<String> args = new ArrayList<>(List.of(
                command,
                "--config",
                config.toString(),
                "--models",
                models.toString(),
                "--skills",
                skills.toString(),
                "--prompts",
                prompts.toString(),
                "--eval-dir",
                eval.toString(),
                "--runs-dir",
                runs.toString()));
        args.addAll(List.of(more));
        return args;
    }

    /** {@code ratchet run --resume id} into {@code runs}: the inputs come from the log. */
    public List<String> resume(Path runs, String id) {
        return args("run", runs, "--resume", id);
    }
}
