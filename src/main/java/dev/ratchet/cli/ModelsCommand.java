package dev.ratchet.cli;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.ratchet.campaign.CampaignSetup;
import dev.ratchet.config.CampaignConfig;
import dev.ratchet.config.CampaignConfigLoader;
import dev.ratchet.config.ModelConfig;
import dev.ratchet.config.ModelConfigException;
import dev.ratchet.config.ModelConfigs;
import dev.ratchet.config.RetrySettings;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.log.event.ModelCallRecorded;
import dev.ratchet.model.CallContext;
import dev.ratchet.model.ChatModelProvider;
import dev.ratchet.model.ModelCall;
import dev.ratchet.model.ModelFactory;
import dev.ratchet.model.ModelStopException;
import dev.ratchet.model.ProviderRejectedException;
import dev.ratchet.model.Redactor;
import dev.ratchet.model.ResilientModelClient;
import dev.ratchet.model.Sleeper;
import dev.ratchet.model.simulated.SimulatedWorld;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ratchet models check}: one tiny request to a configured model, through the full client path. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Work with the models named in a models file (--models, default config/models.yaml).",
        subcommands = {ModelsCommand.Check.class})
public final class ModelsCommand implements Callable<Integer> {

    private final Function<String, String> env;
    private final Map<String, ChatModelProvider> providers;

    @Spec
    CommandSpec spec;

    public ModelsCommand() {
        this(System::getenv, Map.of());
    }

    /**
     * @param providers chat models for {@code simulated} and {@code replay}, by provider id; the
     *     simulator is wired in unless {@code providers} names another
     */
    public ModelsCommand(Function<String, String> env, Map<String, ChatModelProvider> providers) {
        this.env = env;
        Map<String, ChatModelProvider> all = new HashMap<>(providers);
        all.putIfAbsent(ModelConfig.Provider.SIMULATED.id(), ModelsCommand::simulator);
        this.providers = Map.copyOf(all);
    }

    /**
     * The simulated world a campaign would build for this model (its seed, the built-in
     * environments), answering as the role its options name, as {@code CampaignSetup.live} wires it.
     */
    private static ChatModel simulator(ModelConfig config) {
        SimulatedWorld world = new SimulatedWorld(
                config.seed(), EnvironmentCatalog.builtIn()::resolve, SimulatedWorld.Settings.defaults());
        return CampaignSetup.simulator(world).create(config);
    }

    @Override
    public Integer call() {
        throw new UsageException(
                "name a subcommand: ratchet models check [--models FILE] [--model NAME | --config FILE]");
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Sends one tiny request to a model and prints its latency and token usage, or why it failed.",
                "Which model: --model NAME; or, with --config, the campaign's agent and proposer; or the only model"
                        + " the models file defines.",
                "Exit codes: 0 every model answered; 2 bad config, missing key or a rejected key/model;"
                        + " 3 a provider is unavailable."
            })
    static final class Check implements Callable<Integer> {

        /** A short check: a flaky provider gets one more try, an absent one fails fast. */
        private static final RetrySettings CHECK_RETRY =
                new RetrySettings(2, Duration.ofSeconds(1), Duration.ofSeconds(5), 2.0, 0.5, Duration.ofSeconds(30));

        @ParentCommand
        ModelsCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        ModelsFile modelsFile = new ModelsFile();

        @Option(
                names = "--config",
                paramLabel = "FILE",
                description = "A campaign config: check the models it names as agent and proposer.")
        Path campaign;

        @Option(
                names = "--model",
                paramLabel = "NAME",
                description = "The model to check; needed when the models file names more than one and no --config"
                        + " is given.")
        String name;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            List<ModelConfig> configs;
            try {
                configs = pick(modelsFile.models());
            } catch (IllegalArgumentException e) {
                // A models file or campaign config that does not load: ModelConfigException and
                // CampaignConfigException both name the file, line and key.
                err.println("ratchet: " + e.getMessage());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            int code = ExitCodes.OK;
            for (ModelConfig config : configs) {
                code = Math.max(code, checkOne(config));
            }
            return code;
        }

        private int checkOne(ModelConfig config) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ModelFactory factory = new ModelFactory(parent.env, parent.providers);
            Redactor redactor = factory.redactor(config);
            out.println("model " + config.name() + ": " + describe(config));
            out.flush();
            try {
                return check(factory, config.toBuilder().retry(CHECK_RETRY).build(), out, err);
            } catch (ModelConfigException e) {
                err.println("ratchet: " + redactor.redactMessage(e.getMessage()));
                return ExitCodes.BAD_INPUT;
            } catch (ProviderRejectedException e) {
                err.println("ratchet: " + redactor.redactMessage(e.getMessage()));
                return ExitCodes.BAD_INPUT;
            } catch (ModelStopException e) {
                err.println("ratchet: " + redactor.redactMessage(e.getMessage()));
                return ExitCodes.RUNTIME_FAILURE;
            } finally {
                err.flush();
                out.flush();
            }
        }

        private List<ModelConfig> pick(ModelConfigs configs) {
            if (name != null) {
                return List.of(configs.get(name));
            }
            if (campaign != null) {
                CampaignConfig.Models named =
                        CampaignConfigLoader.load(campaign).models();
                List<ModelConfig> picked = new ArrayList<>(List.of(configs.get(named.agent())));
                if (named.proposer() != null && !named.proposer().equals(named.agent())) {
                    picked.add(configs.get(named.proposer()));
                }
                return picked;
            }
            if (configs.models().size() == 1) {
                return List.of(configs.models().values().iterator().next());
            }
            throw new ModelConfigException(
                    configs.source() + " names " + configs.models().size() + " models; choose one with --model ("
                            + String.join(", ", configs.names()) + ") or a campaign's with --config FILE");
        }

        private int check(ModelFactory factory, ModelConfig config, PrintWriter out, PrintWriter err) {
            ChatModel model = factory.chatModel(config);
            try {
                ResilientModelClient client = new ResilientModelClient(
                        config, model, Clock.systemUTC(), Sleeper.system(), factory.redactor(config));
                ChatRequest request = ChatRequest.builder()
                        .messages(UserMessage.from("Reply with the single word OK."))
                        .maxOutputTokens(Math.min(16, config.maxTokens()))
                        .build();
                ModelCall call = client.call(new CallContext("models-check", "check"), request);
                boolean simulated = config.provider() == ModelConfig.Provider.SIMULATED;
                return report(call, factory.redactor(config), simulated, out, err);
            } finally {
                if (model instanceof AutoCloseable) {
                    closeQuietly((AutoCloseable) model);
                }
            }
        }

        private static int report(
                ModelCall call, Redactor redactor, boolean simulated, PrintWriter out, PrintWriter err) {
            ModelCallRecorded r = call.record();
            String attempts =
                    r.attempts().stream().map(ModelCallRecorded.Attempt::result).collect(Collectors.joining(", "));
            if (!call.succeeded()) {
                err.println("ratchet: the provider is unavailable: " + r.errorClass() + " after "
                        + r.attempts().size() + " attempt(s) (" + attempts + ")");
                return ExitCodes.RUNTIME_FAILURE;
            }
            String reply = call.response().aiMessage().text();
            out.printf(
                    Locale.ROOT,
                    "  ok in %d ms after %d attempt(s) (%s); usage %d input + %d output tokens; cost $%.6f%n",
                    r.latencyMillis(),
                    r.attempts().size(),
                    attempts,
                    r.usage().inputTokens(),
                    r.usage().outputTokens(),
                    r.costUsd());
            out.println("  reply: " + shorten(redactor.redact(reply == null ? "(no text)" : reply)));
            if (simulated) {
                out.println("  simulated world (simulator): a deterministic stand-in answered, not a real model;"
                        + " it answers tasks it recognises and says so otherwise");
            }
            return ExitCodes.OK;
        }

        private static String describe(ModelConfig c) {
            if (c.provider() == ModelConfig.Provider.SIMULATED) {
                String role =
                        c.options() == null ? "agent" : c.options().path("role").asText("agent");
                return "simulated world (simulator) as the " + role + ", seed " + c.seed();
            }
            String where = c.provider().remote() ? " at " + c.baseUrl() : c.path() == null ? "" : " from " + c.path();
            return c.provider().id() + " " + c.model() + where;
        }

        private static String shorten(String text) {
            String flat = text.strip().replaceAll("\\s+", " ");
            return flat.length() <= 120 ? flat : flat.substring(0, 120) + "...";
        }

        private static void closeQuietly(AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // Closing a model after the check cannot change its result.
            }
        }
    }
}
