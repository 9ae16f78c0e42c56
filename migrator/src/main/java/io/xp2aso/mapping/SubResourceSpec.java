package io.xp2aso.mapping;

import io.xp2aso.source.Origin;

/**
 * A rule's value names a part of another Azure resource that has no Kubernetes object of its own (a load balancer's
 * frontend IP configuration, by name): the rule writes a {@code ResourceReference} {@code {armId}} made of the ARM ID
 * of the resource {@code parent} names (always read in the MR itself, not in a list item) and {@code path}, in which
 * {@code {value}} is the rule's value. The parent's ARM ID is its observed ID, or is built as for {@code armIdPath}.
 * Without {@code parent} the part is one of the MR's own resource. {@code plain}: write the ARM ID itself (a string
 * field), not a reference.
 */
public record SubResourceSpec(RefSpec parent, String path, boolean plain, Origin origin) {
    /** A part of the MR's own resource (no {@code from}): its ARM ID is built from the file's {@code armIdPath}. */
    public boolean self() {
        return parent == null;
    }
}
