package dev.ratchet.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.IterationStarted;
import dev.ratchet.log.event.Json;
import dev.ratchet.log.event.ModelCallRecorded;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetTest {

    private static ModelCallRecorded call(String id, long in, long out, double cost) {
        return new ModelCallRecorded(
                id,
                "agent",
                "m",
                "h",
                Json.object(Map.of("messages", List.of())),
                null,
                new ModelCallRecorded.Usage(in, out),
                5,
                List.of(new ModelCallRecorded.Attempt(1, "ok", 200, null, 0)),
                null,
                cost);
    }

    @Test
    void theStopSaysByHowMuchTheRunEndedUnderOrOverItsBudget() {
        Budget b = Budget.unlimited()
                .withMaxCalls(253)
                .withMaxTokens(5000)
                .withMaxCostUsd(1.5)
                .withMaxWallTime(Duration.ofHours(1));
        Spend spent = new Spend(250, 4000, 1120, 1.62);
        assertEquals("250 model calls, 3 under the budget of 253", b.describe(Budget.CALLS, spent, Duration.ZERO));
        assertEquals(
                "253 model calls, exactly the budget of 253",
                b.describe(Budget.CALLS, new Spend(253, 0, 0, 0), Duration.ZERO));
        assertEquals("5120 tokens, 120 over the budget of 5000", b.describe(Budget.TOKENS, spent, Duration.ZERO));
        assertEquals(
                "USD 1.6200, USD 0.1200 over the budget of USD 1.5000", b.describe(Budget.COST, spent, Duration.ZERO));
        assertEquals(
                "ran 3607 s, 7 s over the wall-time budget of 3600 s",
                b.describe(Budget.WALL_TIME, spent, Duration.ofSeconds(3607)));
    }

    @Test
    void spendAccumulatesFromModelCallEventsOnly() {
        List<Event> events = List.of(call("a", 100, 20, 0.01), call("b", 50, 5, 0.002));
        Spend spend = Spend.ZERO.plusAll(events);
        assertEquals(new Spend(2, 150, 25, 0.012), spend);
        assertEquals(175, spend.tokens());
    }

    @Test
    void eachLimitHasItsStableLabel() {
        Spend spend = new Spend(10, 900, 100, 0.5);
        Duration elapsed = Duration.ofMinutes(30);
        assertEquals(Optional.empty(), Budget.unlimited().exceeded(spend, elapsed));
        assertEquals(
                Optional.of("budget-calls"), Budget.unlimited().withMaxCalls(10).exceeded(spend, elapsed));
        assertEquals(Optional.empty(), Budget.unlimited().withMaxCalls(11).exceeded(spend, elapsed));
        assertEquals(
                Optional.of("budget-tokens"),
                Budget.unlimited().withMaxTokens(1000).exceeded(spend, elapsed));
        assertEquals(
                Optional.of("budget-cost"),
                Budget.unlimited().withMaxCostUsd(0.25).exceeded(spend, elapsed));
        assertEquals(
                Optional.of("budget-wall-time"),
                Budget.unlimited().withMaxWallTime(Duration.ofMinutes(20)).exceeded(spend, elapsed));
    }

    @Test
    void theFirstLimitReachedIsReportedInAFixedOrder() {
        Budget all = new Budget(1, 1, 0.001, Duration.ofSeconds(1));
        assertEquals(Optional.of("budget-calls"), all.exceeded(new Spend(5, 500, 0, 1), Duration.ofHours(1)));
        assertEquals(Optional.of("budget-tokens"), all.exceeded(new Spend(0, 500, 0, 1), Duration.ofHours(1)));
        assertEquals(Optional.of("budget-cost"), all.exceeded(new Spend(0, 0, 0, 1), Duration.ofHours(1)));
        assertEquals(Optional.empty(), all.exceeded(Spend.ZERO, Duration.ZERO));
    }

    @Test
    void negativeLimitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Budget.unlimited().withMaxCalls(-1));
        assertThrows(IllegalArgumentException.class, () -> new Spend(0, -1, 0, 0));
    }

    @Test
    void otherEventsCostNothing() {
        Event other = new IterationStarted(1, "v1", List.of());
        assertEquals(Spend.ZERO, Spend.ZERO.plusAll(List.of(other)));
    }
}
