package dev.ratchet.env.base;

import dev.ratchet.env.Composable;
import java.util.ArrayList;
import java.util.List;

/** The built-in base environments, in a fixed order (domain by domain, those with tools last). */
public final class BuiltIns {

    private static final List<Composable> ALL = collect();

    private BuiltIns() {}

    public static List<Composable> environments() {
        return ALL;
    }

    /**
     * The environments whose tasks hide their state behind tools, listed after the others so that
     * adding them left the earlier listing order (and every draw keyed by it) as it was.
     */
    private static List<Composable> withTools() {
        List<Composable> all = new ArrayList<>(Stores.environments());
        all.add(Warehouses.stock());
        all.add(Calendars.workdays());
        all.add(Networks.reach());
        all.add(Exchange.fx());
        return all;
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
        all.addAll(withTools());
        return List.copyOf(all);
    }
}
