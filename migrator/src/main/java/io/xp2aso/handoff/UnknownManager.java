package io.xp2aso.handoff;

/**
 * A writer of one of a unit's objects that xp2aso does not know, seen in the live objects the plan was made from:
 * {@code object} as displayed (Kind/namespace/name), {@code manager} the field manager in metadata.managedFields.
 * The unit stays blocked until the operator acknowledges the manager by name ({@code handoff --ack-manager}).
 */
public record UnknownManager(String object, String manager) {
    /** plan.json leaves out empty values: read back, they are empty again. */
    public UnknownManager {
        object = object == null ? "" : object;
        manager = manager == null ? "" : manager;
    }

    public String describe() {
        return object + " is written by field manager '" + manager + "', which xp2aso does not know: it could change or "
                + "re-create what the handoff hands over. After checking that it will not write this object during the "
                + "handoff, run the handoff with --ack-manager " + manager;
    }
}
