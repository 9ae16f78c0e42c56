package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A connection detail a template publishes to the XR's connection secret. Only its name and source are kept:
 * values are secrets and never leave the cluster through this tool (FromValue literals are not copied either).
 */
public record ConnectionDetail(String name, String type, String source) {

    public static List<ConnectionDetail> compileAll(JsonNode details, Engine engine) {
        List<ConnectionDetail> out = new ArrayList<>();
        for (int i = 0; details != null && i < details.size(); i++) {
            JsonNode d = details.get(i);
            String type = d.path("type").asText("");
            String key = d.path("fromConnectionSecretKey").asText("");
            String path = d.path("fromFieldPath").asText("");
            boolean hasValue = d.has("value") && !d.get("value").isNull();
            String name = d.path("name").asText("");
            if (engine == Engine.PT) {
                if (type.isEmpty()) {
                    throw new RenderException("connectionDetails[" + i + "]: type is required");
                }
                if (name.isEmpty()) {
                    throw new RenderException("connectionDetails[" + i + "]: name is required");
                }
            } else if (type.isEmpty()) {
                // The legacy engine infers the type: value, then secret key, then field path.
                type = hasValue ? "FromValue" : !key.isEmpty() ? "FromConnectionSecretKey" : !path.isEmpty() ? "FromFieldPath" : "";
            }
            if (name.isEmpty() && type.equals("FromConnectionSecretKey")) {
                name = key;
            }
            String source = switch (type) {
                case "FromConnectionSecretKey" -> {
                    if (key.isEmpty()) {
                        throw new RenderException("connectionDetails[" + i + "]: fromConnectionSecretKey is required by type FromConnectionSecretKey");
                    }
                    yield "connection secret key " + key;
                }
                case "FromFieldPath" -> {
                    if (path.isEmpty()) {
                        throw new RenderException("connectionDetails[" + i + "]: fromFieldPath is required by type FromFieldPath");
                    }
                    FieldPath.parse(path);
                    yield "field " + path;
                }
                case "FromValue" -> {
                    if (!hasValue) {
                        throw new RenderException("connectionDetails[" + i + "]: value is required by type FromValue");
                    }
                    yield "literal value";
                }
                default -> throw new RenderException("connectionDetails[" + i + "]: connection detail type "
                        + GoFormat.quote(type, false) + " is not supported");
            };
            if (name.isEmpty()) {
                throw new RenderException("connectionDetails[" + i + "]: name is required");
            }
            out.add(new ConnectionDetail(name, type, source));
        }
        return List.copyOf(out);
    }
}
