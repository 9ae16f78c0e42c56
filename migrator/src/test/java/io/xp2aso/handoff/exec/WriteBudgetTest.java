package io.xp2aso.handoff.exec;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared write budget on a fake clock: API writes per second, ARM writes per sliding hour and subscription. */
class WriteBudgetTest {
    /** A clock that moves only when someone waits. */
    static final class FakeTicker implements Ticker {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            now = now.plus(d);
        }
    }

    @Test
    void apiWritesBeyondTheBurstWaitForTheirSecond() {
        FakeTicker t = new FakeTicker();
        WriteBudget b = new WriteBudget(10, 1000, t, new LinkedHashMap<>());
        for (int i = 0; i < 10; i++) {
            b.apiWrite();
        }
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), t.now, "a full bucket: ten at once");
        for (int i = 0; i < 15; i++) {
            b.apiWrite();
        }
        long ms = Duration.between(Instant.parse("2026-01-01T00:00:00Z"), t.now).toMillis();
        assertTrue(ms >= 1500 && ms < 1600, "15 more at 10 per second: " + ms + " ms");
    }

    @Test
    void armWritesWaitForTheHourAndAreRememberedInTheState() {
        FakeTicker t = new FakeTicker();
        Map<String, List<Long>> saved = new LinkedHashMap<>();
        List<String> said = new ArrayList<>();
        WriteBudget b = new WriteBudget(10, 6, t, saved);
        b.reserveArm(Map.of("sub-a", 4), said::add, () -> { });
        b.reserveArm(Map.of("sub-b", 6), said::add, () -> { });
        assertEquals(List.of(), said, "another subscription has its own hour");
        t.sleep(Duration.ofMinutes(10));
        // a later run (resumed) starts from the saved writes
        WriteBudget resumed = new WriteBudget(10, 6, t, saved);
        resumed.reserveArm(Map.of("sub-a", 3), said::add, () -> { });
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).contains("waiting for the ARM write budget (6 writes per hour and subscription)"));
        Duration waited = Duration.between(Instant.parse("2026-01-01T00:00:00Z"), t.now);
        assertTrue(waited.compareTo(Duration.ofHours(1)) > 0 && waited.compareTo(Duration.ofMinutes(61)) < 0,
                "room once the first writes are an hour old: " + waited);
        assertEquals(3, saved.get("sub-a").size(), "the first four expired, three new: " + saved);
        assertThrows(StepFailed.class, () -> resumed.reserveArm(Map.of("sub-c", 7), said::add, () -> { }),
                "more than an hour's budget can never fit");
    }

    @Test
    void subscriptionsComeFromArmIds() {
        assertEquals("8f2d6c3a", WriteBudget.subscription("/subscriptions/8F2D6C3A/resourceGroups/rg"));
        assertEquals(WriteBudget.UNKNOWN_SUBSCRIPTION, WriteBudget.subscription(""));
    }

    /**
     * Units of a parallel run share the budget and wait for it on the run's clock: a unit waiting for its second must
     * not keep the budget to itself, or the unit whose turn comes next blocks on it and never hands the turn back (seen
     * at 60 units, --parallel 20: every thread waiting, the run hung).
     */
    @Test
    void unitsWaitingForTheApiBudgetTakeTurnsWithoutBlockingEachOther() {
        FakeTicker t = new FakeTicker();
        List<String> order = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            WriteBudget[] budget = new WriteBudget[1];
            Lockstep ls = new Lockstep(t, 3, 3, i -> {
                for (int w = 0; w < 4; w++) {
                    budget[0].apiWrite();
                    synchronized (order) {
                        order.add(i + ":" + w);
                    }
                }
            });
            budget[0] = new WriteBudget(1, 1000, ls.ticker(), new LinkedHashMap<>());
            ls.run();
        });
        assertEquals(12, order.size(), order.toString());
        // one write per second after the first: twelve writes take eleven seconds of the shared clock
        assertEquals(Instant.parse("2026-01-01T00:00:11Z"), t.now);
    }
}
