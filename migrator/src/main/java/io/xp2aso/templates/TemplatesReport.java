package io.xp2aso.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** report.json and report.md of a templates run: the charts written (and proven), the Compositions left out and why. */
public final class TemplatesReport {
    public static final String FORMAT = "xp2aso-templates/v1";
    public static final String JSON = "report.json";
    public static final String MARKDOWN = "report.md";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TemplatesReport() {
    }

    static String json(TemplatesRun.Result r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        ObjectNode summary = root.putObject("summary");
        summary.put("charts", r.charts().size());
        summary.put("refused", r.refused().size());
        summary.put("instances", r.charts().stream().mapToInt(c -> c.verified().size()).sum());
        ArrayNode charts = root.putArray("charts");
        for (TemplatesRun.Chart c : r.charts()) {
            ObjectNode o = charts.addObject();
            o.put("name", c.name());
            o.put("xrd", c.xrd());
            o.put("composition", c.composition());
            o.put("source", c.origin());
            ArrayNode v = o.putArray("verified");
            c.verified().forEach(v::add);
        }
        ArrayNode refused = root.putArray("refused");
        for (TemplatesRun.Refusal x : r.refused()) {
            ObjectNode o = refused.addObject();
            o.put("xrd", x.xrd());
            o.put("composition", x.composition());
            o.put("source", x.origin());
            o.put("reason", x.reason());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String markdown(TemplatesRun.Result r) {
        StringBuilder sb = new StringBuilder("# xp2aso templates\n\n");
        sb.append(r.charts().size()).append(" chart(s) written, ").append(r.refused().size())
                .append(" Composition(s) without a chart.\n\n");
        if (!r.charts().isEmpty()) {
            sb.append("## Charts\n\nEach chart, rendered by Helm with the values of every instance below, gives exactly the"
                    + " ASO objects `xp2aso migrate` writes for it.\n\n| chart | XRD | Composition | proven for |\n|---|---|---|---|\n");
            for (TemplatesRun.Chart c : r.charts()) {
                sb.append("| `").append(c.name()).append("` | ").append(c.xrd()).append(" | ").append(c.composition())
                        .append(" (").append(c.origin()).append(") | ")
                        .append(c.verified().isEmpty() ? "no instance in the sources" : String.join(", ", c.verified()))
                        .append(" |\n");
            }
            sb.append('\n');
        }
        if (!r.refused().isEmpty()) {
            sb.append("## Compositions without a chart\n\n");
            for (TemplatesRun.Refusal x : r.refused()) {
                sb.append("- **").append(x.composition()).append("** (").append(x.origin()).append(", XRD ").append(x.xrd())
                        .append("): ").append(x.reason().replace("\n", " ")).append('\n');
            }
        }
        return sb.toString();
    }
}
