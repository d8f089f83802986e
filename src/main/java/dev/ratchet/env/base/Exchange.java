package dev.ratchet.env.base;

import static dev.ratchet.env.base.Typed.DECIMAL;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Rng;
import dev.ratchet.env.Tool;
import dev.ratchet.env.ToolCall;
import dev.ratchet.env.ToolPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Currency conversion at a named bank's rate, which only the {@code fx_rate} tool quotes (unlike
 * {@code units.currency}, whose prompt states the rate). A bank's rate for a pair is a pure function
 * of the bank, the pair's order included: 0.0500 to 9.9999, four decimals.
 */
final class Exchange {

    private static final long WORLD = 0xF0L;
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "SEK", "NOK", "JPY", "CAD");

    static final Tool FX_RATE = new Tool(
            "fx_rate",
            "Quotes a bank's exchange rate: how many units of 'to' one unit of 'from' buys.",
            List.of(
                    Tool.Parameter.string("bank", "the bank's name, e.g. bank-1234"),
                    Tool.Parameter.string("from", "a currency code, e.g. EUR"),
                    Tool.Parameter.string("to", "a currency code, e.g. GBP")),
            arguments -> rate(arguments.string("bank"), arguments.string("from"), arguments.string("to"))
                    .toPlainString());

    private Exchange() {}

    static Composable fx() {
        return BaseEnvironment.builder("units.fx", "units", DECIMAL, DECIMAL)
                .description("Convert money at a bank's rate that only a tool quotes")
                .tools(FX_RATE, Calculator.TOOL)
                .input(Units::quantity)
                .task((x, rng, d) -> {
                    String bank = "bank-" + rng.between(1000, 9999);
                    List<String> pair = rng.shuffled(CURRENCIES).subList(0, 2);
                    BigDecimal rate = rate(bank, pair.get(0), pair.get(1));
                    ToolPlan plan = ToolPlan.parallel(
                            List.of(ToolCall.of(FX_RATE.name(), "bank", bank, "from", pair.get(0), "to", pair.get(1))));
                    return BaseEnvironment.Op.withTools(
                            ref -> "Convert " + ref + " " + pair.get(0) + " to " + pair.get(1) + " at the rate " + bank
                                    + " quotes, and round to 2 decimal places, halves away from zero. The rate is not"
                                    + " shown here; the fx_rate tool quotes it.",
                            v -> v.multiply(rate).setScale(2, RoundingMode.HALF_UP),
                            v -> plan);
                });
    }

    /** The rate {@code bank} quotes from one currency to another; throws naming what it does not know. */
    static BigDecimal rate(String bank, String from, String to) {
        String name = bank.strip();
        String f = from.strip().toUpperCase(Locale.ROOT);
        String t = to.strip().toUpperCase(Locale.ROOT);
        if (!name.matches("bank-\\d{4}")) {
            throw new IllegalArgumentException("no bank named '" + name + "'");
        }
        for (String code : List.of(f, t)) {
            if (!CURRENCIES.contains(code)) {
                throw new IllegalArgumentException(
                        name + " quotes " + String.join(", ", CURRENCIES) + ", not '" + code + "'");
            }
        }
        if (f.equals(t)) {
            throw new IllegalArgumentException("'from' and 'to' are the same currency");
        }
        return BigDecimal.valueOf(Rng.derived(WORLD, name, f, t).between(500, 99_999), 4);
    }
}
