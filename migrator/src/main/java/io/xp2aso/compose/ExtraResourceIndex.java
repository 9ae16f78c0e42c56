package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a function may request as extra resources (function-go-templating's ExtraResources documents): every
 * object of the sources and of --observed, the observed copy winning. Crossplane fetches them from the cluster; the
 * sources and the observed state are all xp2aso has, so a request they cannot answer is reported by the caller.
 */
public final class ExtraResourceIndex {
    public static final ExtraResourceIndex NONE = new ExtraResourceIndex(List.of(), List.of());

    private final Map<String, List<Manifest>> byGroupKind = new LinkedHashMap<>();

    public ExtraResourceIndex(List<Manifest> sources, List<Manifest> observed) {
        Map<String, Manifest> byId = new LinkedHashMap<>();
        for (Manifest m : sources) {
            byId.put(id(m), m);
        }
        for (Manifest m : observed) {
            byId.put(id(m), m);
        }
        for (Manifest m : byId.values()) {
            byGroupKind.computeIfAbsent(m.group() + "/" + m.kind(), k -> new ArrayList<>()).add(m);
        }
        // The API server lists by namespace and name.
        Comparator<Manifest> order = Comparator.comparing(Manifest::namespace).thenComparing(Manifest::name);
        byGroupKind.values().forEach(l -> l.sort(order));
    }

    private static String id(Manifest m) {
        return m.group() + "/" + m.kind() + "/" + m.namespace() + "/" + m.name();
    }

    /** The objects a requirement (apiVersion, kind, matchName or matchLabels, namespace) selects, as copies. */
    List<ObjectNode> select(JsonNode requirement) {
        String apiVersion = requirement.path("apiVersion").asText("");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String kind = requirement.path("kind").asText("");
        String name = requirement.path("matchName").asText("");
        String namespace = requirement.path("namespace").asText("");
        JsonNode labels = requirement.path("matchLabels");
        List<ObjectNode> out = new ArrayList<>();
        for (Manifest m : byGroupKind.getOrDefault(group + "/" + kind, List.of())) {
            if (!namespace.isEmpty() && !namespace.equals(m.namespace())) {
                continue;
            }
            if (!name.isEmpty()) {
                if (m.name().equals(name)) {
                    out.add((ObjectNode) GoValues.roundTrip(m.node().deepCopy()));
                }
                continue;
            }
            boolean all = true;
            for (Map.Entry<String, JsonNode> l : labels.properties()) {
                if (!m.node().path("metadata").path("labels").path(l.getKey()).asText("\u0000").equals(l.getValue().asText())) {
                    all = false;
                    break;
                }
            }
            if (all) {
                out.add((ObjectNode) GoValues.roundTrip(m.node().deepCopy()));
            }
        }
        return out;
    }
}
