package io.xp2aso.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Kubernetes object as parsed, kept as a Jackson tree, with where it came from; {@code lines} places its nested
 * objects in the source text (Compositions only, else {@link NodeLines#NONE}).
 */
public record Manifest(ObjectNode node, Origin origin, NodeLines lines) {
    public Manifest {
        lines = lines == null ? NodeLines.NONE : lines;
    }

    public Manifest(ObjectNode node, Origin origin) {
        this(node, origin, NodeLines.NONE);
    }

    public String apiVersion() {
        return text(node, "apiVersion");
    }

    public String kind() {
        return text(node, "kind");
    }

    /** API group: the part of apiVersion before the slash, or "" for the core group. */
    public String group() {
        String av = apiVersion();
        int slash = av.indexOf('/');
        return slash < 0 ? "" : av.substring(0, slash);
    }

    public String version() {
        String av = apiVersion();
        int slash = av.indexOf('/');
        return slash < 0 ? av : av.substring(slash + 1);
    }

    public String name() {
        return text(node.path("metadata"), "name");
    }

    public String namespace() {
        return text(node.path("metadata"), "namespace");
    }

    public ObjectNode metadata() {
        JsonNode m = node.get("metadata");
        return m instanceof ObjectNode o ? o : node.putObject("metadata");
    }

    public String annotation(String key) {
        return text(node.path("metadata").path("annotations"), key);
    }

    public String label(String key) {
        return text(node.path("metadata").path("labels"), key);
    }

    /** "Kind/name" or "Kind/namespace/name", for messages. */
    public String displayName() {
        String ns = namespace();
        return kind() + "/" + (ns.isEmpty() ? "" : ns + "/") + name();
    }

    private static String text(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
