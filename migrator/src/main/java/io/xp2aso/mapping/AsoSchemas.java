package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Nodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The schemas of the ASO kinds the built-in catalog writes, as a strict API server checks them: a digest of the ASO
 * CRDs (the spec of each written version, with only what validation reads: types, properties, items, required,
 * patterns, lengths, enums, bounds). It lets migrate hold every object to its CRD without a cluster. The digest is
 * generated from the reference CRDs and kept current by AsoSchemasTest ({@code -Dxp2aso.updateSchemas=true}).
 */
public final class AsoSchemas {
    public static final String RESOURCE = "io/xp2aso/mapping/aso-schemas.json";
    /** The schema keywords {@link SchemaValidator} reads; descriptions and the rest are left out of the digest. */
    private static final Set<String> KEPT = Set.of("type", "properties", "items", "required", "pattern", "minLength",
            "maxLength", "enum", "minimum", "maximum", "minItems", "maxItems", "maxProperties", "nullable",
            "additionalProperties", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AsoSchemas builtIn;

    private final CrdStore store;
    private final Set<String> versions;

    private AsoSchemas(CrdStore store, Set<String> versions) {
        this.store = store;
        this.versions = versions;
    }

    /** The digest packaged into the jar, read once. */
    public static synchronized AsoSchemas builtIn() {
        if (builtIn == null) {
            try (InputStream in = AsoSchemas.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the ASO schema digest is missing from the classpath (" + RESOURCE + ")");
                }
                builtIn = of(JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builtIn;
    }

    /** A digest ("group/version/Kind" -> spec schema) as schemas {@link SchemaValidator} can check against. */
    static AsoSchemas of(JsonNode digest) {
        Map<String, ObjectNode> crds = new LinkedHashMap<>();
        Set<String> versions = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = digest.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] gvk = e.getKey().split("/");
            versions.add(e.getKey());
            ObjectNode crd = crds.computeIfAbsent(gvk[0] + "/" + gvk[2], k -> {
                ObjectNode c = Nodes.FACTORY.objectNode();
                c.put("kind", "CustomResourceDefinition");
                ObjectNode spec = c.putObject("spec");
                spec.put("group", gvk[0]);
                spec.putObject("names").put("kind", gvk[2]);
                spec.putArray("versions");
                return c;
            });
            ObjectNode v = ((com.fasterxml.jackson.databind.node.ArrayNode) crd.path("spec").path("versions")).addObject();
            v.put("name", gvk[1]);
            ObjectNode schema = v.putObject("schema").putObject("openAPIV3Schema");
            schema.put("type", "object");
            schema.putObject("properties").set("spec", e.getValue());
        }
        return new AsoSchemas(CrdStore.of(new ArrayList<>(crds.values()), "xp2aso's ASO CRD digest"), versions);
    }

    public CrdStore store() {
        return store;
    }

    /** True when the digest holds this version of this kind. */
    public boolean has(String group, String version, String kind) {
        return versions.contains(group + "/" + version + "/" + kind);
    }

    /**
     * The digest text of the given "group/version/Kind"s read from full CRDs: one kind per line, sorted, so that a
     * change of the reference shows as a change of the lines of its kinds. Kinds or versions the CRDs lack are left out.
     */
    public static String digest(CrdStore crds, SortedSet<String> gvks) {
        StringBuilder sb = new StringBuilder("{\n");
        List<String> lines = new ArrayList<>();
        for (String gvk : gvks) {
            String[] p = gvk.split("/");
            crds.schema(p[0], p[2], p[1]).ifPresent(s -> {
                try {
                    lines.add("  " + JSON.writeValueAsString(gvk) + ": " + JSON.writeValueAsString(prune(s.path("properties").path("spec"))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        sb.append(String.join(",\n", lines)).append("\n}\n");
        return sb.toString();
    }

    private static JsonNode prune(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode out = Nodes.FACTORY.objectNode();
        List<String> keys = new ArrayList<>();
        schema.fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        for (String k : keys) {
            if (!KEPT.contains(k)) {
                continue;
            }
            JsonNode v = schema.get(k);
            if (k.equals("properties")) {
                ObjectNode props = out.putObject(k);
                List<String> names = new ArrayList<>();
                v.fieldNames().forEachRemaining(names::add);
                names.sort(null);
                names.forEach(n -> props.set(n, prune(v.get(n))));
            } else if (k.equals("items") || k.equals("additionalProperties")) {
                out.set(k, prune(v));
            } else {
                out.set(k, v);
            }
        }
        return out;
    }
}
