package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Finding;

import java.util.ArrayList;
import java.util.List;

/** Lookups into a MappingResult for assertions. */
final class Results {
    private final MappingResult result;

    Results(MappingResult result) {
        this.result = result;
    }

    List<MappedResource> resources() {
        List<MappedResource> out = new ArrayList<>();
        result.units().forEach(u -> out.addAll(u.resources()));
        return out;
    }

    List<ObjectNode> targets() {
        List<ObjectNode> out = new ArrayList<>();
        resources().forEach(r -> out.addAll(r.targets()));
        return out;
    }

    /** The only target of this kind and metadata.name. */
    JsonNode target(String kind, String name) {
        List<ObjectNode> found = targets().stream()
                .filter(t -> t.path("kind").asText().equals(kind) && t.path("metadata").path("name").asText().equals(name))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + "/" + name + ", found " + found.size() + " among "
                    + targets().stream().map(t -> t.path("kind").asText() + "/" + t.path("metadata").path("name").asText()).toList());
        }
        return found.get(0);
    }

    JsonNode spec(String kind, String name) {
        return target(kind, name).path("spec");
    }

    /** The mapped resource whose source composition-resource-name (or MR name) is given. */
    MappedResource source(String resourceNameOrMrName) {
        return resources().stream().filter(r -> r.source().resourceName().equals(resourceNameOrMrName)
                        || r.source().object().path("metadata").path("name").asText().equals(resourceNameOrMrName))
                .findFirst().orElseThrow(() -> new AssertionError("no source " + resourceNameOrMrName));
    }

    List<Finding> findings(String code) {
        List<Finding> out = new ArrayList<>();
        resources().forEach(r -> r.findings().stream().filter(f -> f.code().equals(code)).forEach(out::add));
        return out;
    }

    List<Finding> findings(String source, String code) {
        return source(source).findings().stream().filter(f -> f.code().equals(code)).toList();
    }
}
