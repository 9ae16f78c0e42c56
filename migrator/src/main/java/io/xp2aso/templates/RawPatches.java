package io.xp2aso.templates;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.CompositionDef;

import java.util.ArrayList;
import java.util.List;

/**
 * The source form of a template's patches, PatchSets inlined in the order {@code Patch.compileAll} uses, so patch i
 * here is compiled patch i there.
 */
final class RawPatches {
    private RawPatches() {
    }

    /** Legacy mode: spec.resources[index].patches with spec.patchSets. */
    static List<JsonNode> legacy(CompositionDef def, int index) {
        JsonNode spec = def.spec();
        return inline(spec.path("resources").path(index).path("patches"), spec.path("patchSets"));
    }

    /** Pipeline mode: the step's input.resources[index].patches with its input.patchSets. */
    static List<JsonNode> pipeline(CompositionDef def, String step, int index) {
        for (JsonNode s : def.spec().path("pipeline")) {
            if (s.path("step").asText("").equals(step)) {
                JsonNode input = s.path("input");
                return inline(input.path("resources").path(index).path("patches"), input.path("patchSets"));
            }
        }
        throw new Untranslatable("pipeline step " + step + " not found");
    }

    private static List<JsonNode> inline(JsonNode patches, JsonNode patchSets) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : patches) {
            if (p.path("type").asText("").equals("PatchSet")) {
                String name = p.path("patchSetName").asText("");
                for (JsonNode set : patchSets) {
                    if (set.path("name").asText("").equals(name)) {
                        set.path("patches").forEach(out::add);
                    }
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
