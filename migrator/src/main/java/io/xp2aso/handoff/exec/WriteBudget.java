package io.xp2aso.handoff.exec;

import io.xp2aso.handoff.AsoTarget;
import io.xp2aso.handoff.Keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The write budget every unit of a run shares: writes to the API server per second (a token bucket: the executor's own
 * writes) and Azure Resource Manager writes per hour and subscription (a sliding hour: ASO's first PUT of each resource
 * switched to manage or detach-on-delete is one ARM write). A unit reserves its ARM writes before its {@code manage}
 * step and waits, through the ticker, while the hour's budget of a subscription it writes is spent, so a wave never
 * stalls in ARM's 429s. ARM writes are remembered in the saved state, so a resumed run keeps counting the hour.
 */
public final class WriteBudget {
    /** ARM's documented limit is 1,200 writes per hour and subscription; the default stays under it. */
    public static final int ARM_WRITES_PER_HOUR = 1000;
    /** client-go's default is 5 requests per second with bursts of 10; kubectl's discovery allows more. */
    public static final int API_WRITES_PER_SECOND = 10;
    static final Duration HOUR = Duration.ofHours(1);
    /** ARM writes of an ASO object whose subscription the plan does not name (no ARM ID known). */
    static final String UNKNOWN_SUBSCRIPTION = "(subscription unknown)";

    private final int apiPerSecond;
    private final int armPerHour;
    private final Ticker ticker;
    private final Map<String, List<Long>> armWrites;
    private double tokens;
    private Instant refilled;

    /**
     * {@code armWrites}: the ARM writes made so far, by subscription, as epoch seconds (the saved state's list; it is
     * updated in place).
     */
    public WriteBudget(int apiPerSecond, int armPerHour, Ticker ticker, Map<String, List<Long>> armWrites) {
        if (apiPerSecond < 1 || armPerHour < 1) {
            throw new IllegalArgumentException("write budgets must be at least 1");
        }
        this.apiPerSecond = apiPerSecond;
        this.armPerHour = armPerHour;
        this.ticker = ticker;
        this.armWrites = armWrites;
        this.tokens = apiPerSecond;
        this.refilled = ticker.now();
    }

    public static WriteBudget defaults(Ticker ticker) {
        return new WriteBudget(API_WRITES_PER_SECOND, ARM_WRITES_PER_HOUR, ticker, new LinkedHashMap<>());
    }

    /**
     * Waits until one more write to the API server fits in the per-second budget, and takes it. The wait is outside the
     * lock: in a parallel run the ticker hands the turn to another unit, which must be able to take its own writes.
     */
    void apiWrite() {
        while (true) {
            long waitNanos;
            synchronized (this) {
                Instant now = ticker.now();
                tokens = Math.min(apiPerSecond, tokens + Duration.between(refilled, now).toNanos() / 1e9 * apiPerSecond);
                refilled = now;
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                waitNanos = (long) Math.ceil((1 - tokens) / apiPerSecond * 1e9);
            }
            ticker.sleep(Duration.ofNanos(Math.max(waitNanos, 1_000_000)));
        }
    }

    /** The ARM writes ASO makes when the unit's targets switch to manage, by subscription. */
    static Map<String, Integer> armWritesOf(UnitRun run) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (AsoTarget t : run.unit.aso()) {
            if (t.policyAfterHandover().equals(Keys.POLICY_SKIP)) {
                continue; // ASO only reads it
            }
            String id = t.azureId().isEmpty() ? run.state.azureIds.getOrDefault(UnitRun.key(t.source()), "") : t.azureId();
            out.merge(subscription(id), 1, Integer::sum);
        }
        return out;
    }

    static String subscription(String armId) {
        String lower = armId.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("/subscriptions/")) {
            return UNKNOWN_SUBSCRIPTION;
        }
        int end = lower.indexOf('/', "/subscriptions/".length());
        return lower.substring("/subscriptions/".length(), end < 0 ? lower.length() : end);
    }

    /**
     * Takes {@code writes} ARM writes per subscription from the hour's budget, waiting (ticker) until they fit; says
     * once why it waits. A unit that needs more than a whole hour's budget of one subscription can never fit: refused.
     */
    void reserveArm(Map<String, Integer> writes, Consumer<String> say, Runnable save) {
        for (Map.Entry<String, Integer> e : writes.entrySet()) {
            if (e.getValue() > armPerHour) {
                throw new StepFailed("the unit needs " + e.getValue() + " ARM writes in subscription " + e.getKey()
                        + ", more than the budget of " + armPerHour + " per hour: raise --arm-writes-per-hour");
            }
        }
        boolean said = false;
        while (true) {
            Instant wait = null;
            synchronized (this) {
                long now = ticker.now().getEpochSecond();
                for (Map.Entry<String, Integer> e : writes.entrySet()) {
                    List<Long> made = armWrites.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                    expire(made, now);
                    if (made.size() + e.getValue() > armPerHour) {
                        // the hour frees the writes needed once the oldest of them is an hour old
                        Instant free = Instant.ofEpochSecond(made.get(made.size() + e.getValue() - armPerHour - 1))
                                .plus(HOUR);
                        wait = wait == null || free.isAfter(wait) ? free : wait;
                    }
                }
                if (wait == null) {
                    for (Map.Entry<String, Integer> e : writes.entrySet()) {
                        List<Long> made = armWrites.get(e.getKey());
                        for (int i = 0; i < e.getValue(); i++) {
                            made.add(now);
                        }
                    }
                    save.run();
                    return;
                }
            }
            if (!said) {
                say.accept("waiting for the ARM write budget (" + armPerHour + " writes per hour and subscription): "
                        + writes + " needed, room again at " + wait);
                said = true;
            }
            Duration d = Duration.between(ticker.now(), wait);
            ticker.sleep(d.isNegative() || d.isZero() ? Duration.ofSeconds(1) : d.plusSeconds(1));
        }
    }

    /** The cluster with every write (create, update, delete) taken from the per-second budget first. */
    Cluster guard(Cluster c) {
        return WriteWatch.around(c, what -> apiWrite(), what -> { });
    }

    private static void expire(List<Long> made, long now) {
        for (Iterator<Long> it = made.iterator(); it.hasNext(); ) {
            if (it.next() <= now - HOUR.toSeconds()) {
                it.remove();
            }
        }
    }
}
