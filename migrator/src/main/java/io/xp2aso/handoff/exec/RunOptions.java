package io.xp2aso.handoff.exec;

import java.util.Set;

/** How to run a plan: dry run unless {@code execute}; {@code only} one unit ("" for all); units approved by a person. */
public record RunOptions(boolean execute, boolean resume, String only, boolean rollback, Set<String> approve) {
    public RunOptions {
        only = only == null ? "" : only;
        approve = Set.copyOf(approve);
    }
}
