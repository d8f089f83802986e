package dev.ratchet.env.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Value;
import dev.ratchet.env.ValueType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BuiltInsTest {

    private static final List<Composable> ALL = BuiltIns.environments();

    @Test
    void atLeastFiftyEnvironmentsAcrossTheElevenDomains() {
        assertTrue(ALL.size() >= 50, "only " + ALL.size());
        Set<String> domains = new TreeSet<>();
        ALL.forEach(env -> domains.add(env.domain()));
        assertEquals(
                Set.of(
                        "arithmetic",
                        "number-theory",
                        "lists",
                        "strings",
                        "dates",
                        "units",
                        "graphs",
                        "logic",
                        "counting",
                        "tables",
                        "store"),
                domains);
    }

    @Test
    void idsAreUniqueAndNamedByDomain() {
        Set<String> ids = new HashSet<>();
        for (Composable env : ALL) {
            assertTrue(ids.add(env.id()), "duplicate " + env.id());
            assertTrue(env.id().matches("[a-z]+\\.[a-z-]+"), env.id());
        }
    }

    @Test
    void everyValueTypeIsConsumedAndProduced() {
        Set<ValueType> inputs = new HashSet<>();
        Set<ValueType> outputs = new HashSet<>();
        ALL.forEach(env -> {
            inputs.add(env.inputType());
            outputs.add(env.outputType());
        });
        assertEquals(Set.of(ValueType.values()), inputs);
        assertEquals(Set.of(ValueType.values()), outputs);
    }

    /**
     * Difficulty changes the instance itself: the inputs drawn at the extremes differ (a boolean
     * input cannot, so there the task must grow: the formula gets longer).
     */
    @Test
    void difficultyChangesTheInstance() {
        for (Composable env : ALL) {
            if (env.inputType() == ValueType.BOOLEAN) {
                int easy = env.sample(1, env.minDifficulty()).prompt().length();
                int hard = env.sample(1, env.maxDifficulty()).prompt().length();
                assertTrue(hard > easy, env.id() + " does not grow with difficulty");
                continue;
            }
            Set<Value> easy = new HashSet<>();
            Set<Value> hard = new HashSet<>();
            for (long seed = 1; seed <= 20; seed++) {
                easy.add(env.input(seed, env.minDifficulty()));
                hard.add(env.input(seed, env.maxDifficulty()));
            }
            assertTrue(!easy.equals(hard), env.id() + " draws the same inputs at every difficulty");
            String easyText = easy.toString();
            String hardText = hard.toString();
            assertTrue(
                    hardText.length() >= easyText.length()
                            || env.inputType() == ValueType.BOOLEAN
                            || env.inputType() == ValueType.DATE,
                    env.id() + " gets smaller with difficulty");
        }
    }

    @Test
    void difficultyOutsideTheRangeIsRejected() {
        Composable env = ALL.get(0);
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> env.sample(1, env.maxDifficulty() + 1));
    }
}
