package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ObjectRef;

import java.util.List;
import java.util.Optional;

/** The few API calls the executor makes, on objects as Jackson trees. Writes are optimistic (resourceVersion). */
public interface Cluster {
    Optional<ObjectNode> get(ObjectRef ref);

    ObjectNode create(ObjectNode object);

    /** PUT of the whole object; CONFLICT when its resourceVersion is stale. */
    ObjectNode update(ObjectNode object);

    /**
     * Requests deletion with {@code propagationPolicy: Orphan}; absent objects are fine. Orphan, always: garbage
     * collection must never delete what the object owns (an XR's MRs would delete their Azure resources).
     */
    void delete(ObjectRef ref);

    /** Objects of a kind, in one namespace or ("" ) in all. */
    default List<ObjectNode> list(String apiVersion, String kind, String namespace) {
        return list(apiVersion, kind, namespace, "");
    }

    /** Objects of a kind carrying the labels of {@code labelSelector} ("k=v,..."; "" for all). */
    List<ObjectNode> list(String apiVersion, String kind, String namespace, String labelSelector);

    /** The CRD that serves group/kind, when installed. */
    Optional<ObjectNode> crd(String group, String kind);
}
