package dev.ratchet.torture;

import dev.ratchet.model.Redactor;
import dev.ratchet.model.SecretForms;
import dev.ratchet.model.bench.LoopbackOpenAiServer;
import dev.ratchet.model.bench.LoopbackOpenAiServer.Reply;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A seeded canary key, set only in the commands' environment, reaches a loopback provider that
 * echoes it back (raw, base64 or percent-encoded) in every answer, in a 401's body and in its
 * headers. Nothing else may hold it in any of those forms: not what {@code eval}, {@code report},
 * {@code log}, {@code status} print, not a byte of any file under the runs folder.
 */
final class CanaryCheck implements Check {

    private static final List<String> ENCODINGS = List.of("raw", "base64", "url-encoded");

    @Override
    public String id() {
        return "canary";
    }

    @Override
    public String name() {
        return "canary keys";
    }

    @Override
    public void run(Round round, Tally tally) throws Exception {
        SplittableRandom random = round.random(name());
        for (int trial = 0; trial < round.counts().canaries(); trial++) {
            String encoding = ENCODINGS.get(trial % ENCODINGS.size());
            String canary = "sk-canary+" + Long.toString(random.nextLong() >>> 1, 36) + "/"
                    + Long.toString(random.nextLong() >>> 1, 36) + "=";
            Path dir = round.folder("trial-" + trial);
            String wrong = trial(round.ratchet(), dir, canary, encoding);
            if (wrong == null) {
                tally.pass(encoding + " echo");
            } else {
                tally.fail(encoding + " echo", wrong);
            }
            Folders.delete(dir);
        }
    }

    private static String trial(Ratchet ratchet, Path dir, String canary, String encoding) throws IOException {
        Map<String, String> env = Map.of("RATCHET_CANARY_KEY", canary);
        List<Ratchet.Outcome> printed = new ArrayList<>();
        try (LoopbackOpenAiServer answering = LoopbackOpenAiServer.start(
                        r -> Reply.completion("Answer: 42 (authorized as " + echo(r, encoding) + ")", 30, 5), 2);
                LoopbackOpenAiServer refusing = LoopbackOpenAiServer.start(
                        r -> Reply.error(
                                401,
                                "{\"error\":{\"message\":\"Invalid key, you sent " + echo(r, encoding) + "\"}}",
                                Map.of("WWW-Authenticate", "Bearer realm=\"" + echo(r, encoding) + "\"")),
                        2)) {
            Path models = Files.writeString(dir.resolve("models.yaml"), models(answering, refusing));
            Path config = Files.writeString(
                    dir.resolve("canary.yaml"),
                    "models: {agent: hosted}\nenvironments: [units.roman, arith.add]\n"
                            + "splits: {train: 2, probe: 2, confirm: 6}\n"
                            + "gate: {min-env-items: 0, screen-items: 2, min-items: 4, max-items: 8, chunk-items: 4}\n");
            Path runs = dir.resolve("runs");
            for (String model : List.of("hosted", "rejected")) {
                printed.add(ratchet.run(
                        env,
                        List.of(
                                "eval",
                                "--config",
                                config.toString(),
                                "--models",
                                models.toString(),
                                "--runs-dir",
                                runs.toString(),
                                "--campaign",
                                model,
                                "--model",
                                model)));
                for (String reader : List.of("report", "log", "status")) {
                    printed.add(ratchet.run(env, List.of(reader, model, "--runs-dir", runs.toString())));
                }
            }
            if (printed.get(0).exitCode() != 0 || printed.get(4).exitCode() != 3) {
                return "eval exited " + printed.get(0).exitCode() + " and, refused, "
                        + printed.get(4).exitCode() + " (expected 0 and 3): "
                        + LogLines.shorten(printed.get(0).err() + printed.get(4).err());
            }
            return leaks(canary, printed, runs);
        }
    }

    private static String echo(LoopbackOpenAiServer.Request r, String encoding) {
        String header = r.header("authorization");
        return switch (encoding) {
            case "base64" -> Base64.getEncoder().encodeToString(header.getBytes(StandardCharsets.UTF_8));
            case "url-encoded" -> URLEncoder.encode(header, StandardCharsets.UTF_8);
            default -> header;
        };
    }

    private static String models(LoopbackOpenAiServer answering, LoopbackOpenAiServer refusing) {
        String hosted = "    provider: openai\n    model: gpt-canary\n    api_key_env: RATCHET_CANARY_KEY\n"
                + "    retry: {max_attempts: 1}\n";
        return "models:\n  hosted:\n" + hosted + "    base_url: " + answering.baseUrl() + "\n" + "  rejected:\n"
                + hosted + "    base_url: " + refusing.baseUrl() + "\n";
    }

    /** Where a form of the key shows, or null; also null-checks that the echo was recorded, masked. */
    private static String leaks(String canary, List<Ratchet.Outcome> printed, Path runs) throws IOException {
        List<String> forms = new ArrayList<>(SecretForms.of(canary));
        forms.add(canary.substring(3));
        for (Ratchet.Outcome o : printed) {
            for (String form : forms) {
                if (o.all().contains(form)) {
                    return "a command printed the key as " + form;
                }
            }
        }
        boolean masked = false;
        try (Stream<Path> walk = Files.walk(runs)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String form : forms) {
                    if (bytes.contains(form)) {
                        return runs.relativize(file) + " holds the key as " + form;
                    }
                }
                masked |= bytes.contains(Redactor.MASK);
            }
        }
        return masked ? null : "no file holds the masked echo: the trial saw nothing to leak";
    }
}
