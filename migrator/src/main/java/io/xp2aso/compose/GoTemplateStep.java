package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Origin;

import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles the input of a function-go-templating step: the template (inline, or from the environment at render
 * time), rewritten for Helm's engine once; a template the function could not parse is kept as the error the function
 * would return when it runs. Sources xp2aso cannot read make the step unsupported (resources then come from
 * --observed).
 */
final class GoTemplateStep {
    static final String WHAT = "function-go-templating (Go templates)";

    private GoTemplateStep() {
    }

    static Step compile(String step, String fn, Origin origin, JsonNode stepNode, JsonNode input, Origin inline,
                        TemplateFiles files) {
        String source = input.path("source").asText("");
        JsonNode options = input.get("options");
        if (options != null && !options.isNull() && options.size() > 0) {
            return new Step.Unsupported(step, fn, origin, WHAT + " with template options " + options
                    + " (Helm's engine cannot set them)", true);
        }
        String left = input.path("delims").path("left").asText("");
        String right = input.path("delims").path("right").asText("");
        if (left.isEmpty() || right.isEmpty()) {
            left = "{{";
            right = "}}";
        }
        Map<String, String> credentials = new TreeMap<>();
        for (JsonNode c : stepNode.path("credentials")) {
            JsonNode ref = c.path("secretRef");
            credentials.put(c.path("name").asText(""), "Secret " + ref.path("namespace").asText("") + "/"
                    + ref.path("name").asText(""));
        }
        switch (source) {
            case "Inline" -> {
                JsonNode in = input.path("inline");
                String template = in.path("template").asText("");
                if (template.isEmpty() && in.path("templates").size() > 0) {
                    StringBuilder b = new StringBuilder();
                    for (JsonNode t : in.path("templates")) {
                        b.append(b.length() == 0 ? "" : "\n---\n").append(t.asText(""));
                    }
                    template = b.toString();
                }
                if (template.isEmpty()) {
                    throw new RenderException("invalid function input: inline.template or inline.templates should be provided");
                }
                // A block scalar's text starts on the line after its key.
                Origin first = template.contains("\n") ? new Origin(inline.file(), inline.line() + 1) : inline;
                return compiled(step, fn, origin, first, template, left, right, credentials);
            }
            case "Environment" -> {
                String key = input.path("environment").path("key").asText("");
                if (key.isEmpty()) {
                    throw new RenderException("invalid function input: environment.key should be provided");
                }
                return new Step.GoTemplating(step, fn, origin, origin, null, null, key, left, right, credentials);
            }
            case "FileSystem" -> {
                String dir = input.path("fileSystem").path("dirPath").asText("");
                if (dir.isEmpty()) {
                    throw new RenderException("invalid function input: fileSystem.dirPath should be provided");
                }
                Object found = files.find(fn, dir);
                if (found instanceof TemplateFiles.Found f) {
                    return compiled(step, fn, origin, f.origin(), f.template(), left, right, credentials);
                }
                return new Step.Unsupported(step, fn, origin, WHAT + " reading its templates from fileSystem.dirPath "
                        + GoFormat.quote(dir, false) + " of the function's pod (" + found + ")", true);
            }
            case "" -> throw new RenderException("invalid function input: source is required");
            default -> throw new RenderException("invalid function input: invalid source: " + source);
        }
    }

    static Step.GoTemplating compiled(String step, String fn, Origin origin, Origin first, String template, String left,
                                      String right, Map<String, String> credentials) {
        try {
            return new Step.GoTemplating(step, fn, origin, first, GoTemplateRewriter.rewrite(template, left, right),
                    null, null, left, right, credentials);
        } catch (GoTemplateLexer.Error e) {
            return new Step.GoTemplating(step, fn, origin, first, null, e, null, left, right, credentials);
        }
    }
}
