package dev.ratchet.env.plugin.example;

import dev.ratchet.env.Environment;
import dev.ratchet.env.base.BaseEnvironment;
import dev.ratchet.env.base.Typed;
import dev.ratchet.env.plugin.EnvironmentPlugin;
import java.util.List;

/** The plugin the README shows: one environment, built with the same builder as the built-ins. */
public final class ExamplePlugin implements EnvironmentPlugin {

    @Override
    public String name() {
        return "example";
    }

    @Override
    public List<Environment> environments() {
        return List.of(BaseEnvironment.builder("example.triple", "example", Typed.INTEGER, Typed.INTEGER)
                .description("Multiply a number by three")
                .difficulty(1, 3)
                .input((rng, difficulty) -> rng.between(1, 100L * difficulty))
                .task((x, rng, difficulty) ->
                        BaseEnvironment.Op.of(ref -> "Multiply " + ref + " by three.", v -> 3 * v)));
    }
}
