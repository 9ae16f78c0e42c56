package io.xp2aso.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.xp2aso.source.Nodes;
import io.xp2aso.source.Yaml;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The handoff plan as people read it in a diff: one unit (or the plan's settings) as YAML, where each step's
 * commands, heredoc manifests and texts are literal blocks instead of one-line JSON strings, so a diff shows the
 * changed lines of a step. Provenance (the source-file annotations, whose line moves with every edit above the
 * object) is left out, as in the manifests' diff.
 */
final class PlanUnitText {
    private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build()).setNodeFactory(Nodes.FACTORY);

    private PlanUnitText() {
    }

    static String of(JsonNode node) {
        try {
            return OutputDiffer.substance(WRITER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan read as JSON is always writable as YAML", e);
        }
    }

    /**
     * A unit in a few lines, for a unit a change adds or removes (its whole plan is in diff-full.md and
     * diff.json): its blockers, its MRs and what they become, its steps.
     */
    static String summary(JsonNode unit) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode b : unit.path("blockers")) {
            sb.append("blocked: ").append(b.asText()).append('\n');
        }
        for (JsonNode r : unit.path("resources")) {
            JsonNode ref = r.path("ref");
            sb.append("MR ").append(ref.path("kind").asText()).append(' ').append(ref.path("name").asText());
            List<String> targets = new ArrayList<>();
            r.path("targets").forEach(t -> targets.add(t.path("kind").asText() + " " + t.path("name").asText()));
            sb.append(" -> ").append(targets.isEmpty() ? "(no ASO resource)" : String.join(", ", targets)).append('\n');
        }
        for (JsonNode st : unit.path("steps")) {
            sb.append("step ").append(st.path("id").asText());
            String title = st.path("title").asText("");
            sb.append(title.isEmpty() ? "" : ": " + title).append('\n');
        }
        if (unit.has("sequence")) {
            // the compact plan (schema 2) writes a kind's steps once, in its "sequences"
            sb.append("steps: those of kind ").append(unit.path("sequence").asText()).append('\n');
        }
        return sb.toString();
    }

    /** The plan without its units: its settings (namespace, timeouts, schema version). */
    static String settings(JsonNode plan) {
        ObjectNode copy = Nodes.FACTORY.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = plan.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("units")) {
                copy.set(e.getKey(), e.getValue());
            }
        }
        return of(copy);
    }

    static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Yaml.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
