package io.xp2aso.handoff.exec;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How to run a plan: dry run unless {@code execute}; {@code only} one unit ("" for all); units approved by a person;
 * field managers the operator acknowledged ({@code --ack-manager}); the settle period after retire; the wave
 * ({@code --select}), how many of its units run at once, and the write budget they share ({@link WriteBudget}).
 */
public record RunOptions(boolean execute, boolean resume, String only, boolean rollback, Set<String> approve,
                         Set<String> ackManagers, Duration settle, Selection select, int parallel,
                         int apiWritesPerSecond, int armWritesPerHour) {
    /** Argo CD's default reconciliation period (timeout.reconciliation); Flux intervals are usually longer. */
    public static final Duration RECONCILE_INTERVAL = Duration.ofSeconds(180);
    /** Units at once unless --parallel says otherwise: few, so a first wave stays easy to follow. */
    public static final int PARALLEL = 4;

    public RunOptions {
        only = only == null ? "" : only;
        approve = Set.copyOf(approve);
        ackManagers = Set.copyOf(ackManagers);
        select = select == null ? Selection.parse(List.of()) : select;
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
    }

    /** One unit at a time, every unit of the plan, the default write budget. */
    public RunOptions(boolean execute, boolean resume, String only, boolean rollback, Set<String> approve,
                      Set<String> ackManagers, Duration settle) {
        this(execute, resume, only, rollback, approve, ackManagers, settle, null, 1, WriteBudget.API_WRITES_PER_SECOND,
                WriteBudget.ARM_WRITES_PER_HOUR);
    }

    /** With no acknowledged managers and the default settle period: two reconcile intervals. */
    public RunOptions(boolean execute, boolean resume, String only, boolean rollback, Set<String> approve) {
        this(execute, resume, only, rollback, approve, Set.of(), RECONCILE_INTERVAL.multipliedBy(2));
    }

    /** The same run over the units {@code select} picks, {@code parallel} at a time, within the given budget. */
    public RunOptions inWaves(Selection select, int parallel, int apiWritesPerSecond, int armWritesPerHour) {
        return new RunOptions(execute, resume, only, rollback, approve, ackManagers, settle, select, parallel,
                apiWritesPerSecond, armWritesPerHour);
    }
}
