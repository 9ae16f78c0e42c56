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
 * Which EnvironmentConfigs make up a Composition environment and how (function-environment-configs input
 * {@code spec}, or the legacy {@code spec.environment}): default data, then each selected config's data merged over
 * it in order (later wins).
 */
public record EnvironmentSpec(ObjectNode defaultData, List<Source> sources, boolean optional) {

    /** One entry of environmentConfigs: a Reference by name or a label Selector. */
    public record Source(String type, String refName, String mode, int minMatch, Integer maxMatch, FieldPath sortBy,
                         List<LabelMatcher> labels) {
    }

    public record LabelMatcher(String key, String type, FieldPath fromFieldPath, String value, boolean optional) {
    }

    public static EnvironmentSpec compile(JsonNode spec) {
        JsonNode dd = spec.path("defaultData");
        ObjectNode defaults = dd instanceof ObjectNode o ? o.deepCopy() : GoValues.NODES.objectNode();
        List<Source> sources = new ArrayList<>();
        JsonNode list = spec.path("environmentConfigs");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String type = s.path("type").asText("Reference");
            try {
                if (type.equals("Reference")) {
                    String name = s.path("ref").path("name").asText("");
                    if (name.isEmpty()) {
                        throw new RenderException("ref.name is required by type Reference");
                    }
                    sources.add(new Source(type, name, "Single", 0, null, null, List.of()));
                } else if (type.equals("Selector")) {
                    JsonNode sel = s.path("selector");
                    List<LabelMatcher> labels = new ArrayList<>();
                    for (JsonNode l : sel.path("matchLabels")) {
                        String ltype = l.path("type").asText("FromCompositeFieldPath");
                        String from = l.path("valueFromFieldPath").asText("");
                        if (ltype.equals("FromCompositeFieldPath") && from.isEmpty()) {
                            throw new RenderException("matchLabels: valueFromFieldPath is required by type FromCompositeFieldPath");
                        }
                        labels.add(new LabelMatcher(l.path("key").asText(""), ltype,
                                from.isEmpty() ? null : FieldPath.parse(from), l.path("value").asText(""),
                                l.path("fromFieldPathPolicy").asText("Required").equals("Optional")));
                    }
                    String sort = sel.path("sortByFieldPath").asText("metadata.name");
                    sources.add(new Source(type, null, sel.path("mode").asText("Single"),
                            sel.path("minMatch").asInt(0), sel.has("maxMatch") ? sel.get("maxMatch").asInt() : null,
                            FieldPath.parse(sort.isEmpty() ? "metadata.name" : sort), List.copyOf(labels)));
                } else {
                    throw new RenderException("environment config source type " + type + " is not supported");
                }
            } catch (RenderException e) {
                throw e.wrap("environmentConfigs[" + i + "]");
            }
        }
        String resolution = spec.path("policy").path("resolution").asText("Required");
        return new EnvironmentSpec(defaults, List.copyOf(sources), resolution.equals("Optional"));
    }

    /** The environment for one XR. Missing required configs are a RenderException. */
    public ObjectNode evaluate(JsonNode xr, EnvironmentConfigs configs) {
        MergeOptions override = new MergeOptions(false, false);
        JsonNode env = defaultData.deepCopy();
        for (int i = 0; i < sources.size(); i++) {
            for (Manifest m : select(sources.get(i), i, xr, configs)) {
                JsonNode data = m.node().path("data");
                if (data.isObject()) {
                    env = override.merge(env, data.deepCopy());
                }
            }
        }
        ObjectNode out = env instanceof ObjectNode o ? o : GoValues.NODES.objectNode();
        return out;
    }

    private List<Manifest> select(Source s, int index, JsonNode xr, EnvironmentConfigs configs) {
        if (s.type().equals("Reference")) {
            Manifest m = configs.named(s.refName());
            if (m == null) {
                if (optional) {
                    return List.of();
                }
                throw new RenderException("environmentConfigs[" + index + "]: EnvironmentConfig "
                        + GoFormat.quote(s.refName(), false) + " not found");
            }
            return List.of(m);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (LabelMatcher l : s.labels()) {
            if (l.type().equals("Value")) {
                labels.put(l.key(), l.value());
                continue;
            }
            JsonNode v = l.fromFieldPath().find(xr);
            if (v == null) {
                if (l.optional()) {
                    continue;
                }
                throw new RenderException("environmentConfigs[" + index + "]: label " + l.key() + ": "
                        + l.fromFieldPath().text() + ": no such field", true);
            }
            if (!v.isTextual()) {
                throw new RenderException("environmentConfigs[" + index + "]: label " + l.key()
                        + ": value at " + l.fromFieldPath().text() + " is not a string");
            }
            labels.put(l.key(), v.asText());
        }
        List<Manifest> found = new ArrayList<>(configs.matching(labels));
        found.sort(Comparator.comparing((Manifest m) -> sortKey(m, s.sortBy()), EnvironmentSpec::compareKeys)
                .thenComparing(Manifest::name));
        if (s.mode().equals("Multiple")) {
            if (found.size() < s.minMatch()) {
                throw new RenderException("environmentConfigs[" + index + "]: expected at least " + s.minMatch()
                        + " EnvironmentConfigs matching " + labels + ", found " + found.size());
            }
            if (s.maxMatch() != null && found.size() > s.maxMatch()) {
                found = found.subList(0, s.maxMatch());
            }
            return found;
        }
        if (found.isEmpty()) {
            if (optional) {
                return List.of();
            }
            throw new RenderException("environmentConfigs[" + index + "]: no EnvironmentConfig matches " + labels);
        }
        return List.of(found.get(0));
    }

    private static JsonNode sortKey(Manifest m, FieldPath path) {
        JsonNode v = path.find(m.node());
        return v == null ? GoValues.NODES.nullNode() : v;
    }

    private static int compareKeys(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.asDouble(), b.asDouble());
        }
        return GoValues.compareCodePoints(a.asText(""), b.asText(""));
    }
}
