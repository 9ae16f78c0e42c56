package io.xp2aso.inventory;

import java.util.List;

/**
 * A node of the claim -> XR -> MR graph. {@code role} is claim, composite or managed; {@code state} is
 * healthy, unhealthy, drifting, paused or missing (a reference to an object the scan did not find);
 * {@code detail} says why when it is not healthy.
 */
public record GraphNode(ObjectRef ref, String role, String state, String detail, List<GraphNode> children) {
    public GraphNode {
        children = List.copyOf(children);
    }

    /** This node and all below it. */
    public long size() {
        long n = 1;
        for (GraphNode c : children) {
            n += c.size();
        }
        return n;
    }
}
