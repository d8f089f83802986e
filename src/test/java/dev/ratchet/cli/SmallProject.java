package dev.ratchet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A project folder with every input a campaign reads (config, models, one skill, one prompt
 * section, one suite), small enough that a whole campaign runs in about a second.
 */
record SmallProject(Path dir, Path config, Path models, Path skills, Path prompts, Path eval) {

    static SmallProject create(Path dir) throws IOException {
        Path config = Files.writeString(
                dir.resolve("small.yaml"),
                """
                name: small
                models: {agent: simulated-agent, proposer: simulated-proposer}
                environments: [{id: arith.add}]
                suites: [{name: quiz}]
                splits: {train: 8, probe: 8, confirm: 8}
                batch-size: 4
                candidates: 1
                gate: {min-env-items: 0, screen-items: 4, min-items: 8, max-items: 16, chunk-items: 8, suite-reuse-limit: 3}
                iterations: 1
                """);
        Path models = Files.writeString(
                dir.resolve("models.yaml"),
                """
                models:
                  simulated-agent: {provider: simulated, seed: 7, options: {role: agent}}
                  simulated-proposer: {provider: simulated, seed: 7, options: {role: proposer}}
                """);
        Path skills = Files.createDirectories(dir.resolve("skills"));
        Files.writeString(skills.resolve("dates.md"), skill("Write dates as YYYY-MM-DD."));
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(prompts.resolve("10-role.md"), "You solve small tasks.\n");
        Path eval = Files.createDirectories(dir.resolve("eval"));
        // Enough tasks that every split, the probe the gate draws from included, holds one.
        StringBuilder quiz = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            quiz.append("{\"id\":\"q")
                    .append(i)
                    .append("\",\"prompt\":\"")
                    .append(i)
                    .append("+2?\",\"expected\":\"")
                    .append(i + 2)
                    .append("\",\"verifier\":\"exact\"}\n");
        }
        Files.writeString(eval.resolve("quiz.jsonl"), quiz.toString());
        return new SmallProject(dir, config, models, skills, prompts, eval);
    }

    /** The text of skill {@code dates.md} with this body. */
    static String skill(String body) {
        return "---\nname: dates\ndescription: Dates\ntrigger: a date\n---\n\n" + body + "\n";
    }

    /** Replaces {@code from} by {@code to} in the campaign config. */
    void editConfig(String from, String to) throws IOException {
        String text = Files.readString(config);
        if (!text.contains(from)) {
            throw new IllegalArgumentException("the config holds no " + from);
        }
        Files.writeString(config, text.replace(from, to));
    }

    Path runs() {
        return dir.resolve("runs");
    }

    SmallProject withSkills(Path other) {
        return new SmallProject(dir, config, models, other, prompts, eval);
    }

    /** {@code ratchet run} of campaign {@code c} on these inputs, plus {@code more} options. */
    Cli run(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "run",
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
                runs().toString(),
                "--campaign",
                "c"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }
}
