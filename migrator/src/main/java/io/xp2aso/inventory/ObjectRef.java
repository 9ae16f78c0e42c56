package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;

/** A reference to one object by apiVersion, kind, namespace ("" when cluster-scoped) and name. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) implements Comparable<ObjectRef> {
    public ObjectRef {
        apiVersion = apiVersion == null ? "" : apiVersion;
        kind = kind == null ? "" : kind;
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
    }

    /** Reads {apiVersion, kind, namespace, name} as Crossplane writes resourceRef(s); null when no name is set. */
    public static ObjectRef from(JsonNode ref, String defaultNamespace) {
        String name = ref.path("name").asText("");
        if (name.isEmpty()) {
            return null;
        }
        return new ObjectRef(ref.path("apiVersion").asText(""), ref.path("kind").asText(""),
                ref.path("namespace").asText(defaultNamespace), name);
    }

    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** Identity regardless of version: group, kind, namespace, name. */
    public String key() {
        return group() + "/" + kind + "/" + namespace + "/" + name;
    }

    /** "Kind/name" or "Kind/namespace/name". */
    public String display() {
        return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    @Override
    public int compareTo(ObjectRef o) {
        int c = kind.compareTo(o.kind);
        if (c == 0) {
            c = namespace.compareTo(o.namespace);
        }
        if (c == 0) {
            c = name.compareTo(o.name);
        }
        return c == 0 ? apiVersion.compareTo(o.apiVersion) : c;
    }
}
