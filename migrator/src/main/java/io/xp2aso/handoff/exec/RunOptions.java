package io.xp2aso.handoff.exec;

import java.time.Duration;
import java.util.Set;

/**
 * How to run a plan: dry run unless {@code execute}; {@code only} one unit ("" for all); units approved by a person;
 * field managers the operator acknowledged ({@code --ack-manager}); the settle period after retire.
 */
public record RunOptions(boolean execute, boolean resume, String only, boolean rollback, Set<String> approve,
                         Set<String> ackManagers, Duration settle) {
    /** Argo CD's default reconciliation period (timeout.reconciliation); Flux intervals are usually longer. */
    public static final Duration RECONCILE_INTERVAL = Duration.ofSeconds(180);

    public RunOptions {
        only = only == null ? "" : only;
        approve = Set.copyOf(approve);
        ackManagers = Set.copyOf(ackManagers);
    }

    /** With no acknowledged managers and the default settle period: two reconcile intervals. */
    public RunOptions(boolean execute, boolean resume, String only, boolean rollback, Set<String> approve) {
        this(execute, resume, only, rollback, approve, Set.of(), RECONCILE_INTERVAL.multipliedBy(2));
    }
}
