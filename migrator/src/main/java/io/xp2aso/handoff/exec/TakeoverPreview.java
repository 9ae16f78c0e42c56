package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.preview.PropertyChange;
import io.xp2aso.preview.PropertyDiff;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The live takeover preview of one ASO resource: its spec against the status ASO filled from Azure in skip mode
 * (same property names; references read back as IDs), compared as {@link PropertyDiff} says. References to other ASO
 * objects are resolved to the ARM ID those objects report.
 */
public final class TakeoverPreview {
    private TakeoverPreview() {
    }

    /** Without a cluster: references resolve only when they carry an armId. */
    public static List<String> compute(JsonNode spec, JsonNode status, JsonNode crd, String version) {
        return PropertyDiff.lines(changes(spec, status, crd, version, PropertyDiff::directArmId));
    }

    static List<PropertyChange> changes(JsonNode spec, JsonNode status, JsonNode crd, String version,
                                        Function<JsonNode, Optional<String>> refs) {
        return PropertyDiff.compare(spec, status, schema(crd, version, "spec"), schema(crd, version, "status"),
                PropertyDiff.Shape.STATUS, refs);
    }

    /** The preview of a live ASO object; {group, kind, name} references are looked up in its namespace. */
    static List<PropertyChange> live(Cluster cluster, ObjectRef ref, JsonNode obj) {
        JsonNode crd = cluster.crd(ref.group(), ref.kind()).orElse(null);
        return changes(obj.path("spec"), obj.path("status"), crd, ref.version(), r -> resolve(cluster, ref.namespace(), r));
    }

    /** The ARM ID a ResourceReference names: its armId, else the ID the referenced ASO object reports. */
    static Optional<String> resolve(Cluster cluster, String namespace, JsonNode r) {
        Optional<String> direct = PropertyDiff.directArmId(r);
        if (direct.isPresent() || !r.hasNonNull("kind") || !r.hasNonNull("name")) {
            return direct;
        }
        String group = r.path("group").asText("");
        Optional<? extends JsonNode> crd = cluster.crd(group, r.path("kind").asText());
        if (crd.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode v : crd.get().path("spec").path("versions")) {
            if (!v.path("served").asBoolean(true)) {
                continue;
            }
            ObjectRef target = new ObjectRef(group + "/" + v.path("name").asText(), r.path("kind").asText(), namespace,
                    r.path("name").asText());
            Optional<String> id = cluster.get(target).map(Kube::reportedAzureId).filter(s -> !s.isEmpty());
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /** The openAPI schema of spec or status for the object's version, from its CRD (null when not available). */
    public static JsonNode schema(JsonNode crd, String version, String part) {
        if (crd == null) {
            return null;
        }
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (version.equals(v.path("name").asText())) {
                JsonNode s = v.path("schema").path("openAPIV3Schema").path("properties").path(part);
                return s.isMissingNode() ? null : s;
            }
        }
        return null;
    }
}
