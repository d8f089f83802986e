package dev.ratchet.env.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.Environment;
import dev.ratchet.env.EnvironmentCatalog;
import dev.ratchet.env.Instance;
import dev.ratchet.env.Tool;
import dev.ratchet.env.ToolCall;
import dev.ratchet.env.ToolPlan;
import dev.ratchet.env.base.BaseEnvironment;
import dev.ratchet.env.base.Typed;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Composites that mix steps needing tools with plain ones. */
class ToolCompositesTest {

    private static final EnvironmentCatalog CATALOG = EnvironmentCatalog.builtIn();

    private static List<String> toolNames(Environment env) {
        return env.tools().stream().map(Tool::name).toList();
    }

    /** Every call of the plan runs, and the composite's own expected answer verifies. */
    private static void solvable(Environment env, long seed, int difficulty) {
        Instance instance = env.sample(seed, difficulty);
        ToolPlan plan = env.toolPlan(instance);
        assertFalse(plan.isEmpty(), instance.id());
        for (ToolCall call : plan.calls()) {
            call.run(env.tools());
        }
        assertTrue(env.verify(instance, instance.expected()).passed(), instance.id());
    }

    @Test
    void aSequenceOffersItsToolStepsToolsAndPlansThemInStepOrder() {
        Environment seq = CATALOG.resolve("seq(arith.add,store.follow,nt.digit-sum)");
        assertEquals(List.of("kv_get"), toolNames(seq));
        for (long seed = 1; seed <= 10; seed++) {
            Instance instance = seq.sample(seed, 3);
            List<ToolCall> calls = seq.toolPlan(instance).calls();
            // Step 1's result (the first answer line) is where the chain of keys starts.
            String start = instance.expected().lines().findFirst().orElseThrow().replace("Answer 1: ", "");
            assertEquals(start, calls.get(0).arguments().get("key"), instance.id());
            String reached = instance.expected().lines().toList().get(1).replace("Answer 2: ", "");
            assertEquals(reached, calls.get(calls.size() - 1).run(seq.tools()), instance.id());
            solvable(seq, seed, 1 + (int) (seed % 5));
        }
    }

    @Test
    void parallelSortAndSelectMixToolAndPlainSteps() {
        Environment par = CATALOG.resolve("par(units.fx,tables.stock,strings.reverse)");
        assertEquals(List.of("fx_rate", "calculator", "inventory"), toolNames(par), "the calculator once");
        Environment sort = CATALOG.resolve("sort(store.lookup,arith.multiply)");
        Environment select = CATALOG.resolve("select(dates.add-days,dates.workdays)");
        Environment nested = CATALOG.resolve("par(seq(store.lookup,nt.digit-sum),units.roman)");
        for (Environment env : List.of(par, sort, select, nested)) {
            for (int d = 1; d <= 5; d++) {
                solvable(env, 40 + d, d);
            }
        }
        assertTrue(CATALOG.resolve("par(strings.reverse,units.roman)").tools().isEmpty());
    }

    @Test
    void typeDirectedEnumerationDrawsChainsThatMixToolAndPlainSteps() {
        Composer composer = CATALOG.composer();
        Set<String> toolIds = new TreeSet<>();
        CATALOG.bases().stream().filter(e -> !e.tools().isEmpty()).forEach(e -> toolIds.add(e.id()));
        int mixed = 0;
        for (Environment env : composer.sample(2, Operator.SEQUENTIAL, 300, 5)) {
            long withTools = env.baseIds().stream().filter(toolIds::contains).count();
            if (withTools > 0 && withTools < env.baseIds().size()) {
                mixed++;
                assertFalse(env.tools().isEmpty(), env.id());
                solvable(env, 7, 5);
            }
        }
        assertTrue(mixed >= 10, "only " + mixed + " of 300 drawn chains mix tool and plain steps");
    }

    @Test
    void twoDifferentToolsUnderOneNameCannotBeComposed() {
        Environment a = withTool("test.a", new Tool("lookup", "one", x -> "1"));
        Environment b = withTool("test.b", new Tool("lookup", "another", x -> "2"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Composites.of(Operator.PARALLEL, List.of(a, b)));
        assertEquals("par(test.a,test.b): two different tools are named lookup", e.getMessage());
    }

    private static Environment withTool(String id, Tool tool) {
        return BaseEnvironment.builder(id, "test", Typed.INTEGER, Typed.INTEGER)
                .description("adds one")
                .tools(tool)
                .input((rng, d) -> rng.between(1L, 9L))
                .task((x, rng, d) -> BaseEnvironment.Op.of(ref -> "Add 1 to " + ref + ".", v -> v + 1));
    }
}
