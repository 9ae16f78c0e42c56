package io.xp2aso.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.ComposedResource;

/** How a source MR is named in messages, reports and manifest headers. */
public final class Sources {
    private Sources() {
    }

    /**
     * The MR's name: the observed object's name when the cluster knows it (generated names), else metadata.name,
     * else "generateName*", else "" (a template whose name only Crossplane will pick).
     */
    public static String name(ComposedResource r) {
        if (r.observed() != null && !r.observed().name().isEmpty()) {
            return r.observed().name();
        }
        JsonNode md = r.object().path("metadata");
        String name = md.path("name").asText("");
        if (!name.isEmpty()) {
            return name;
        }
        String generate = md.path("generateName").asText("");
        return generate.isEmpty() ? "" : generate + "*";
    }

    /** "apiVersion Kind name", or with the composition resource name when the MR has no name yet. */
    public static String describe(ComposedResource r) {
        String apiVersion = r.object().path("apiVersion").asText("");
        String kind = r.object().path("kind").asText("");
        String name = name(r);
        StringBuilder sb = new StringBuilder(apiVersion).append(' ').append(kind);
        if (!name.isEmpty()) {
            sb.append(' ').append(name);
        }
        if (r.resourceName() != null && !r.resourceName().isEmpty()) {
            sb.append(" [").append(r.resourceName()).append(']');
        }
        return sb.toString();
    }
}
