package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Live objects as migrate's sources (--from-cluster without SOURCE): each object as it would be written in a
 * repository, i.e. without status and server bookkeeping, so that neither is mapped as if it were desired state.
 * What only the cluster knows (uid, atProvider, IDs) stays available through the whole objects, the observed state.
 */
public final class LiveSource {
    /** Set by the API server, not by whoever wrote the object. */
    private static final Set<String> SERVER_METADATA = Set.of("uid", "resourceVersion", "generation",
            "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink",
            "finalizers");

    private LiveSource() {
    }

    public static SourceSet of(List<Manifest> live) {
        List<Manifest> out = new ArrayList<>(live.size());
        for (Manifest m : live) {
            out.add(clean(m));
        }
        return new SourceSet(out, List.of());
    }

    /** A copy without status and server-set metadata (external-name and other annotations are kept). */
    public static Manifest clean(Manifest m) {
        ObjectNode node = m.node().deepCopy();
        node.remove("status");
        JsonNode md = node.get("metadata");
        if (md instanceof ObjectNode o) {
            o.remove(SERVER_METADATA);
            if (o.get("annotations") instanceof ObjectNode a) {
                a.remove("kubectl.kubernetes.io/last-applied-configuration");
            }
        }
        return new Manifest(node, m.origin());
    }
}
