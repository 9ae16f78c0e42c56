package io.xp2aso.handoff.world;

import io.xp2aso.handoff.exec.Cluster;
import io.xp2aso.handoff.exec.WriteWatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Acts between two of the executor's object writes, inside a step: after a write the server applied, a kill
 * ({@link Harness.Crash}) or a change by someone else (a controller, a person). Writes are described as
 * "create|update|delete Kind/[ns/]name" and counted from 1 over the world's life.
 */
public final class WriteHooks {
    private record Hook(Predicate<String> when, Runnable then) {
    }

    private final List<Hook> hooks = new ArrayList<>();
    private final List<String> writes = new ArrayList<>();
    private int crashAt;

    /** Runs {@code then} once, after the first write matching {@code when}. */
    public void after(Predicate<String> when, Runnable then) {
        hooks.add(new Hook(when, then));
    }

    /** Kills the executor right after its {@code n}-th write was applied (0: never). */
    public void crashAfterWrite(int n) {
        crashAt = n;
    }

    /** Every write so far, in order. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    Cluster wrap(Cluster c) {
        return WriteWatch.around(c, what -> { }, this::written);
    }

    private void written(String what) {
        writes.add(what);
        for (Hook h : new ArrayList<>(hooks)) {
            if (h.when().test(what)) {
                hooks.remove(h);
                h.then().run();
            }
        }
        if (writes.size() == crashAt) {
            throw new Harness.Crash("after write " + crashAt + " (" + what + ")");
        }
    }
}
