package dev.ratchet.env.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.Composable;
import dev.ratchet.env.GoldenFiles;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Tool;
import dev.ratchet.env.ToolCall;
import dev.ratchet.env.ToolPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The built-ins whose tasks hide their state behind tools. */
class ToolEnvironmentsTest {

    private static final List<Composable> WITH_TOOLS =
            BuiltIns.environments().stream().filter(e -> !e.tools().isEmpty()).toList();

    private static Composable env(String id) {
        return WITH_TOOLS.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void atLeastSixAcrossAtLeastThreeDomains() {
        Set<String> domains = new TreeSet<>();
        WITH_TOOLS.forEach(e -> domains.add(e.domain()));
        assertTrue(WITH_TOOLS.size() >= 6, WITH_TOOLS.toString());
        assertTrue(domains.size() >= 3, domains.toString());
    }

    /**
     * Every instance comes with calls that run without error, use only offered tools named in the
     * prompt, and whose results never appear in the prompt: the answer needs them.
     */
    @Test
    void theReferenceCallsRunAndTheirResultsAreHiddenFromThePrompt() {
        for (Composable env : WITH_TOOLS) {
            Set<String> offered =
                    new TreeSet<>(env.tools().stream().map(Tool::name).toList());
            for (int d = env.minDifficulty(); d <= env.maxDifficulty(); d++) {
                for (long seed = 1; seed <= 15; seed++) {
                    Instance instance = env.sample(seed, d);
                    // The task without the shared answer-format note (its example `-17` is no result).
                    String task =
                            instance.prompt().substring(0, instance.prompt().indexOf("\n\nEnd your reply"));
                    ToolPlan plan = env.toolPlan(instance);
                    assertFalse(plan.isEmpty(), instance.id());
                    assertEquals(plan, env.toolPlan(env.sample(seed, d)), "deterministic: " + instance.id());
                    for (ToolCall call : plan.calls()) {
                        assertTrue(offered.contains(call.tool()), instance.id() + ": " + call);
                        assertTrue(instance.prompt().contains(call.tool()), instance.id() + " names " + call.tool());
                        String result = call.run(env.tools());
                        for (String line : result.split("\n")) {
                            assertFalse(
                                    Pattern.compile("(?<![\\w.-])" + Pattern.quote(line.strip()) + "(?![\\w.-])")
                                            .matcher(task)
                                            .find(),
                                    instance.id() + " shows the tool's result '" + line + "'");
                        }
                    }
                }
            }
        }
    }

    @Test
    void answersFollowFromTheToolResults() {
        for (long seed = 1; seed <= 30; seed++) {
            int d = 1 + (int) (seed % 5);
            Instance lookup = env("store.lookup").sample(seed, d);
            long sum = env("store.lookup").input(seed, d).asLong();
            for (ToolCall call : env("store.lookup").toolPlan(lookup).calls()) {
                sum += Long.parseLong(call.run(Stores.environments().get(0).tools()));
            }
            assertEquals(Long.toString(sum), lookup.expected(), lookup.id());

            Instance follow = env("store.follow").sample(seed, d);
            List<ToolCall> links = env("store.follow").toolPlan(follow).calls();
            assertEquals(env("store.follow").toolPlan(follow).rounds().size(), links.size(), "one link per round");
            for (int i = 1; i < links.size(); i++) {
                assertEquals(
                        links.get(i - 1).run(List.of(Stores.KV_GET)),
                        links.get(i).arguments().get("key"));
            }
            assertEquals(links.get(links.size() - 1).run(List.of(Stores.KV_GET)), follow.expected(), follow.id());

            Instance fx = env("units.fx").sample(seed, d);
            BigDecimal rate =
                    new BigDecimal(env("units.fx").toolPlan(fx).calls().get(0).run(List.of(Exchange.FX_RATE)));
            BigDecimal amount = env("units.fx").input(seed, d).asDecimal();
            assertEquals(amount.multiply(rate).setScale(2, RoundingMode.HALF_UP).toPlainString(), fx.expected());
        }
    }

    @Test
    void toolsAnswerWellTypedButWrongArgumentsWithAnErrorNamingThem() {
        Map<String, Tool> tools = new HashMap<>();
        WITH_TOOLS.forEach(e -> e.tools().forEach(t -> tools.put(t.name(), t)));
        Map<ToolCall, String> wrong = new LinkedHashMap<>();
        wrong.put(ToolCall.of("kv_get", "store", "vault-1", "key", "rent"), "no store named 'vault-1'");
        wrong.put(ToolCall.of("kv_get", "store", "ledger-1234", "key", "salary"), "no key 'salary'");
        wrong.put(ToolCall.of("kv_get", "store", "chain-1234", "key", "-4"), "has keys 0 to");
        wrong.put(ToolCall.of("inventory", "warehouse", "X-9"), "no warehouse 'X-9'");
        wrong.put(ToolCall.of("holidays", "calendar", "cal-1000", "month", "March"), "not a month");
        wrong.put(ToolCall.of("links", "network", "net-1000", "station", "Z"), "not 'Z'");
        wrong.put(ToolCall.of("fx_rate", "bank", "bank-1000", "from", "EUR", "to", "EUR"), "the same currency");
        wrong.put(ToolCall.of("calculator", "expression", "2 * (3"), "missing ')'");
        wrong.put(ToolCall.of("calculator", "expression", "1 / 0"), "division by zero");
        wrong.forEach((call, message) -> {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> call.run(List.copyOf(tools.values())));
            assertTrue(e.getMessage().contains(message), call + ": " + e.getMessage());
        });
    }

    @Test
    void theCalculatorIsExact() {
        assertEquals("7.75", Calculator.evaluate("(12.5 + 3) * 4 / 8"));
        assertEquals("0.333333333333", Calculator.evaluate("1/3"));
        assertEquals("-6", Calculator.evaluate("-(2 + 4)"));
        assertEquals("100000000000000000000", Calculator.evaluate("10000000000 * 10000000000"));
        assertEquals("0.3", Calculator.evaluate("0.1 + 0.2"));
    }

    @Test
    @SuppressWarnings("ReferenceEquality") // the same tool object may serve several environments
    void aToolNameMeansOneToolAcrossTheBuiltIns() {
        Map<String, Tool> byName = new HashMap<>();
        for (Composable env : BuiltIns.environments()) {
            for (Tool tool : env.tools()) {
                Tool before = byName.putIfAbsent(tool.name(), tool);
                assertTrue(before == null || before == tool, tool.name() + " names two tools");
            }
        }
        assertEquals(Set.of("kv_get", "inventory", "calculator", "holidays", "links", "fx_rate"), byName.keySet());
    }

    /** Pins each tool environment's instances together with its calls and their results. */
    @Test
    void toolSamplesMatchTheApprovedFile() {
        Map<String, List<Map<String, Object>>> samples = new LinkedHashMap<>();
        for (Composable env : WITH_TOOLS) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int difficulty : new int[] {env.minDifficulty(), env.maxDifficulty()}) {
                for (long seed = 1; seed <= 2; seed++) {
                    Instance instance = env.sample(seed, difficulty);
                    Map<String, Object> row = GoldenSamplesTest.row(instance);
                    List<Map<String, Object>> calls = new ArrayList<>();
                    List<List<ToolCall>> rounds = env.toolPlan(instance).rounds();
                    for (int r = 0; r < rounds.size(); r++) {
                        for (ToolCall call : rounds.get(r)) {
                            Map<String, Object> c = new LinkedHashMap<>();
                            c.put("round", r + 1);
                            c.put("call", call.toString());
                            c.put("result", call.run(env.tools()));
                            calls.add(c);
                        }
                    }
                    row.put("calls", calls);
                    rows.add(row);
                }
            }
            samples.put(env.id(), rows);
        }
        GoldenFiles.check("tool-samples.json", samples);
    }
}
