package dev.ratchet.env.base;

import dev.ratchet.env.Composable;
import java.util.ArrayList;
import java.util.List;

/** The built-in base environments, in a fixed order (domain by domain). */
public final class BuiltIns {

    private static final List<Composable> ALL = collect();

    private BuiltIns() {}

    public static List<Composable> environments() {
        return ALL;
    }

    private static List<Composable> collect() {
        List<Composable> all = new ArrayList<>();
        all.addAll(Arithmetic.environments());
        all.addAll(NumberTheory.environments());
        all.addAll(Lists.environments());
        all.addAll(Strings.environments());
        all.addAll(Dates.environments());
        all.addAll(Units.environments());
        all.addAll(Graphs.environments());
        all.addAll(Logic.environments());
        all.addAll(Counting.environments());
        all.addAll(Tables.environments());
        return List.copyOf(all);
    }
}
