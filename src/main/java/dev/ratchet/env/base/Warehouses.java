package dev.ratchet.env.base;

import static dev.ratchet.env.base.Typed.INTEGER;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Table;
import dev.ratchet.env.Tool;
import dev.ratchet.env.ToolCall;
import dev.ratchet.env.ToolPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A warehouse's stock list, reached only through the {@code inventory} tool: the prompt names the
 * warehouse, the tool returns its table (item, units, price). The table is a pure function of the
 * warehouse code, and larger warehouses are drawn at higher difficulty.
 */
final class Warehouses {

    private static final long WORLD = 0x5700CL;
    private static final List<String> ITEMS = List.of(
            "bolts",
            "nuts",
            "hinges",
            "brackets",
            "washers",
            "rivets",
            "cables",
            "fuses",
            "valves",
            "pumps",
            "gaskets",
            "filters",
            "springs",
            "clamps",
            "pulleys",
            "gears",
            "bearings",
            "sensors",
            "relays",
            "switches",
            "hoses",
            "nozzles",
            "rollers",
            "chains");
    private static final int MIN_ROWS = 3;
    private static final int ROW_CHOICES = 10;

    static final Tool INVENTORY = new Tool(
            "inventory",
            "Returns a warehouse's stock list as a table: item | units | price (per unit, whole euros).",
            List.of(Tool.Parameter.string("warehouse", "the warehouse code, e.g. W-1234")),
            arguments -> render(stock(arguments.string("warehouse"))));

    private Warehouses() {}

    static Composable stock() {
        return BaseEnvironment.builder("tables.stock", "tables", INTEGER, INTEGER)
                .description("Units in stock priced at most a limit, in a warehouse only a tool shows")
                .tools(INVENTORY, Calculator.TOOL)
                .input((rng, d) -> rng.between(5L * d, 20L * d))
                .task((x, rng, d) -> {
                    String code = code(rng, 2 + 2 * d);
                    Table table = stock(code);
                    ToolPlan plan = ToolPlan.parallel(List.of(ToolCall.of(INVENTORY.name(), "warehouse", code)));
                    return BaseEnvironment.Op.withTools(
                            ref -> "How many units in total does warehouse " + code + " hold of the items whose price"
                                    + " is at most " + ref + " euros each? Its stock list is not shown here; the"
                                    + " inventory tool returns it.",
                            limit -> table.rows().stream()
                                    .filter(row -> Long.parseLong(row.get(2)) <= limit)
                                    .mapToLong(row -> Long.parseLong(row.get(1)))
                                    .sum(),
                            limit -> plan);
                });
    }

    /** A warehouse code whose stock list has {@code rows} rows, drawn from {@code rng}. */
    private static String code(Rng rng, int rows) {
        while (true) {
            String code = "W-" + rng.between(1000, 9999);
            if (rows(code) == rows) {
                return code;
            }
        }
    }

    private static int rows(String code) {
        return MIN_ROWS + Rng.derived(WORLD, "rows", code).nextInt(ROW_CHOICES);
    }

    /** The stock list of warehouse {@code code}; throws when no warehouse has that code. */
    static Table stock(String code) {
        String name = code.strip();
        if (!name.matches("W-\\d{4}")) {
            throw new IllegalArgumentException("no warehouse '" + name + "' (codes look like W-1234)");
        }
        Rng rng = Rng.derived(WORLD, "stock", name);
        List<List<String>> rows = new ArrayList<>();
        for (String item : rng.shuffled(ITEMS).subList(0, rows(name))) {
            rows.add(List.of(item, Long.toString(rng.between(0, 500)), Long.toString(rng.between(1, 120))));
        }
        return new Table(List.of("item", "units", "price"), rows);
    }

    private static String render(Table table) {
        StringBuilder text = new StringBuilder(String.join(" | ", table.columns()));
        table.rows().forEach(row -> text.append('\n').append(String.join(" | ", row)));
        return text.toString();
    }
}
