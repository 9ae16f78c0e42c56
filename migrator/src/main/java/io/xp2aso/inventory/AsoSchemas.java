package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.xp2aso.source.Nodes;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps, while the CRDs are listed, the schemas of the served ASO versions a migration may write: only the wanted
 * "group/Kind" and versions, trimmed to group, kind and those versions, since whole ASO CRDs reach megabytes each.
 */
final class AsoSchemas {
    private final Map<String, Set<String>> wanted;
    private final List<JsonNode> kept = new ArrayList<>();

    /** @param wanted per ASO "group/Kind", the versions whose schema to keep */
    AsoSchemas(Map<String, Set<String>> wanted) {
        this.wanted = Map.copyOf(wanted);
    }

    void accept(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText("");
        String kind = spec.path("names").path("kind").asText("");
        Set<String> versions = wanted.get(group + "/" + kind);
        if (versions == null) {
            return;
        }
        ObjectNode out = Nodes.FACTORY.objectNode();
        out.put("apiVersion", crd.path("apiVersion").asText("apiextensions.k8s.io/v1"));
        out.put("kind", "CustomResourceDefinition");
        out.putObject("metadata").put("name", crd.path("metadata").path("name").asText(""));
        ObjectNode outSpec = out.putObject("spec");
        outSpec.put("group", group);
        outSpec.putObject("names").put("kind", kind);
        ArrayNode outVersions = outSpec.putArray("versions");
        for (JsonNode v : spec.path("versions")) {
            if (v.path("served").asBoolean(false) && versions.contains(v.path("name").asText(""))) {
                outVersions.add(v.deepCopy());
            }
        }
        kept.add(out);
    }

    List<JsonNode> kept() {
        return List.copyOf(kept);
    }
}
