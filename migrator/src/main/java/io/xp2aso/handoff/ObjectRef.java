package io.xp2aso.handoff;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Names one Kubernetes object. {@code namespace} is "" for cluster-scoped objects; {@code name} may be "" when only the cluster knows it. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {
    /**
     * Kubectl types by kind and apiVersion, remembered: an estate has a few dozen, and every command of every unit in
     * the handoff plan names one (a lookup is cheaper than lower-casing and joining the strings again).
     */
    private static final Map<String, Map<String, String>> KUBECTL_TYPES = new ConcurrentHashMap<>();
    /** Far more kinds than any estate has; past it types are computed each time rather than remembered. */
    private static final int REMEMBERED_KINDS = 1024;

    public ObjectRef {
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
    }

    public static ObjectRef of(JsonNode obj) {
        JsonNode md = obj.path("metadata");
        return new ObjectRef(obj.path("apiVersion").asText(""), obj.path("kind").asText(""),
                md.path("namespace").asText(""), md.path("name").asText(""));
    }

    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public String version() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    public ObjectRef withName(String newName) {
        return new ObjectRef(apiVersion, kind, namespace, newName);
    }

    /** The kubectl resource type: lower-case kind qualified by group (kubectl resolves singular names). */
    public String kubectlType() {
        Map<String, String> byApiVersion = KUBECTL_TYPES.get(kind);
        String type = byApiVersion == null ? null : byApiVersion.get(apiVersion);
        if (type == null) {
            String k = kind.toLowerCase(Locale.ROOT);
            type = group().isEmpty() ? k : k + "." + group();
            if (KUBECTL_TYPES.size() < REMEMBERED_KINDS) {
                KUBECTL_TYPES.computeIfAbsent(kind, x -> new ConcurrentHashMap<>()).put(apiVersion, type);
            }
        }
        return type;
    }

    /** kubectl arguments naming the object: {@code type/name [-n ns]}. */
    public String kubectlArgs() {
        return kubectlType() + "/" + name + (namespace.isEmpty() ? "" : " -n " + namespace);
    }

    /** kind/namespace/name; a claim's XR whose name Crossplane generated (known live only) says so. */
    public String display() {
        if (name.isEmpty()) {
            return kind + (namespace.isEmpty() ? "" : " in " + namespace) + " (generated name, read from the claim)";
        }
        return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    @Override
    public String toString() {
        return display();
    }
}
