package io.xp2aso.handoff;

import java.util.List;

/**
 * One step of a unit's handoff. {@code commands} are the kubectl equivalent (also in handoff.sh),
 * {@code checks} what is verified by reading back, {@code rollback} the exact reverse. {@code gate} says why the
 * step may stop and wait for a person ("" when it never does).
 */
public record Step(String id, StepAction action, String title, List<String> detail, List<String> commands,
                   List<String> checks, List<String> rollback, String gate) {
    public Step {
        detail = List.copyOf(detail);
        commands = List.copyOf(commands);
        checks = List.copyOf(checks);
        rollback = List.copyOf(rollback);
        gate = gate == null ? "" : gate;
    }
}
