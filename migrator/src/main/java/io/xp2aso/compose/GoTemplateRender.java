package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Origin;
import io.xp2aso.source.Yaml;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one function-go-templating step as the function does (fn.go of crossplane-contrib/function-go-templating):
 * the request as its data, then the rendered documents read back: the composite's own document merges into the
 * desired XR status, meta.gotemplating.fn.crossplane.io documents carry connection details, claim conditions,
 * context and extra-resource requests, every other document is a composed resource named by its
 * composition-resource-name annotation, its readiness by the ready annotation.
 */
final class GoTemplateRender {
    static final String NAME = "gotemplating.fn.crossplane.io/composition-resource-name";
    static final String READY = "gotemplating.fn.crossplane.io/ready";
    static final String META = "meta.gotemplating.fn.crossplane.io/v1alpha1";
    static final String ENVIRONMENT = "apiextensions.crossplane.io/environment";

    /** The request's data: observed and desired state and the pipeline context. */
    record Request(ObjectNode observedXr, Map<String, ObjectNode> observed, ObjectNode desiredXr,
                   Map<String, ObjectNode> desired, Map<String, Boolean> desiredReady, ObjectNode context) {
    }

    record Composed(String name, ObjectNode object, boolean ready) {
    }

    /**
     * What the step produced. compositeStatus: merged into the desired XR's status (null: no composite document);
     * context: the whole context after the step's Context documents (null: none).
     */
    record Output(List<Composed> resources, ObjectNode compositeStatus, List<String> connectionDetails,
                  ObjectNode context, List<String> claimConditions, ObjectNode requirements, boolean noValue,
                  List<String> unresolved) {
        Output withUnresolved(List<String> keys, ObjectNode ctx) {
            return new Output(resources, compositeStatus, connectionDetails, ctx, claimConditions, requirements,
                    noValue, keys);
        }
    }

    /** Crossplane stops asking a function for its requirements after this many calls. */
    static final int MAX_CALLS = 5;
    static final String EXTRA = "apiextensions.crossplane.io/extra-resources";

    /** The function's failure: its message and the Composition line it points at. */
    static final class Failed extends RuntimeException {
        final Origin origin;

        Failed(String message, Origin origin) {
            super(message);
            this.origin = origin;
        }
    }

    private GoTemplateRender() {
    }

    /**
     * Runs the step; when it requests extra resources, they are looked up in {@code extra} and the step runs again
     * with them, as Crossplane calls the function again until its requirements stop changing.
     */
    static Output run(Step.GoTemplating s, Request req, ExtraResourceIndex extra) {
        Step.GoTemplating step = template(s, req);
        ObjectNode request = request(req);
        Output out = once(step, request, req);
        ObjectNode asked = GoValues.NODES.objectNode();
        List<String> unresolved = new ArrayList<>();
        ObjectNode found = null;
        for (int call = 1; !out.requirements().isEmpty() && !out.requirements().equals(asked); call++) {
            if (call >= MAX_CALLS) {
                throw new Failed("the step's extra resource requirements did not stabilize after " + MAX_CALLS
                        + " calls", step.first());
            }
            asked = out.requirements();
            found = GoValues.NODES.objectNode();
            unresolved = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : asked.properties()) {
                List<ObjectNode> items = extra.select(e.getValue());
                if (items.isEmpty()) {
                    unresolved.add(e.getKey());
                }
                ArrayNode list = found.putObject(e.getKey()).putArray("items");
                items.forEach(i -> list.addObject().set("resource", i));
            }
            request.set("extraResources", found);
            request.set("requiredResources", found.deepCopy());
            out = once(step, request, req);
        }
        if (found == null) {
            return out;
        }
        // The function puts what it was given into the context for later steps (mergeExtraResourcesToContext).
        ObjectNode ctx = out.context() != null ? out.context() : req.context().deepCopy();
        JsonNode prev = ctx.get(EXTRA);
        ObjectNode merged = prev instanceof ObjectNode o ? o.deepCopy() : GoValues.NODES.objectNode();
        merged.setAll(found);
        ctx.set(EXTRA, merged);
        return out.withUnresolved(unresolved, ctx);
    }

    private static Step.GoTemplating template(Step.GoTemplating s, Request req) {
        Step.GoTemplating step = s;
        if (s.environmentKey() != null) {
            JsonNode env = req.context().path(ENVIRONMENT);
            if (!env.isObject()) {
                throw new Failed("invalid function input: cannot read tmpl from the environment: " + ENVIRONMENT
                        + " key does not exist in context", s.origin());
            }
            JsonNode t = env.get(s.environmentKey());
            if (t == null) {
                throw new Failed("invalid function input: cannot read tmpl from the environment: key: "
                        + s.environmentKey() + " does not exist", s.origin());
            }
            if (!t.isTextual()) {
                throw new Failed("invalid function input: cannot read tmpl from the environment: key: "
                        + s.environmentKey() + " value is not a string", s.origin());
            }
            step = GoTemplateStep.compiled(s.step(), s.function(), s.origin(), s.origin(), t.asText(), s.left(),
                    s.right(), s.credentials());
        }
        return step;
    }

    private static Output once(Step.GoTemplating step, ObjectNode request, Request req) {
        if (step.parseError() != null) {
            throw new Failed("invalid function input: cannot parse the provided templates: template: manifests:"
                    + step.parseError().line + ": " + step.parseError().getMessage(), at(step, step.parseError().line));
        }
        String text;
        try {
            text = HelmTemplates.render(step.template(), request, step.credentials());
        } catch (HelmTemplates.Failure f) {
            boolean parse = f.getMessage().contains("not defined") || f.getMessage().startsWith("unexpected")
                    || f.getMessage().startsWith("parse error");
            throw new Failed((parse ? "invalid function input: cannot parse the provided templates: "
                    : "cannot execute template: ") + "template: manifests:" + f.line + ": " + f.getMessage(), at(step, f.line));
        }
        return read(step, text, req);
    }

    private static Origin at(Step.GoTemplating s, int line) {
        return line <= 0 ? s.first() : new Origin(s.first().file(), s.first().line() + line - 1);
    }

    /** The request as protojson renders RunFunctionRequest: empty maps and messages are left out. */
    static ObjectNode request(Request req) {
        ObjectNode r = GoValues.NODES.objectNode();
        ObjectNode observed = r.putObject("observed");
        observed.putObject("composite").set("resource", req.observedXr());
        if (!req.observed().isEmpty()) {
            ObjectNode res = observed.putObject("resources");
            req.observed().forEach((k, v) -> res.putObject(k).set("resource", v));
        }
        ObjectNode desired = r.putObject("desired");
        if (req.desiredXr() != null && !req.desiredXr().isEmpty()) {
            desired.putObject("composite").set("resource", req.desiredXr());
        }
        if (!req.desired().isEmpty()) {
            ObjectNode res = desired.putObject("resources");
            req.desired().forEach((k, v) -> {
                ObjectNode d = res.putObject(k);
                d.set("resource", v);
                if (Boolean.TRUE.equals(req.desiredReady().get(k))) {
                    d.put("ready", "READY_TRUE");
                }
            });
        }
        if (!req.context().isEmpty()) {
            r.set("context", req.context());
        }
        return r;
    }

    private static Output read(Step.GoTemplating s, String text, Request req) {
        List<JsonNode> docs = new ArrayList<>();
        try {
            Yaml.YAML.readerFor(JsonNode.class).readValues(text).forEachRemaining(d -> docs.add((JsonNode) d));
        } catch (IOException | RuntimeException e) {
            throw new Failed("cannot decode manifest: " + e.getMessage(), s.first());
        }
        String xrApiVersion = req.observedXr().path("apiVersion").asText("");
        String xrKind = req.observedXr().path("kind").asText("");
        List<Composed> resources = new ArrayList<>();
        List<String> details = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        ObjectNode extra = GoValues.NODES.objectNode();
        ObjectNode status = null;
        ObjectNode context = null;
        boolean noValue = false;
        for (JsonNode raw : docs) {
            // An empty document (between two "---") decodes to nothing and is skipped, as by the function.
            if (raw == null || raw.isNull() || raw.isMissingNode() || (raw.isTextual() && raw.asText().isEmpty())) {
                continue;
            }
            if (!raw.isObject()) {
                throw new Failed("cannot decode manifest: a rendered document is not an object: " + raw, s.first());
            }
            ObjectNode obj = (ObjectNode) GoValues.roundTrip(raw);
            String apiVersion = obj.path("apiVersion").asText("");
            String kind = obj.path("kind").asText("");
            JsonNode annotations = obj.path("metadata").path("annotations");
            for (JsonNode v : annotations) {
                if (!v.isTextual()) {
                    throw new Failed("invalid annotations in resource '" + apiVersion + ", Kind=" + kind
                            + " resource-name=" + annotations.path(NAME).asText("") + "': .metadata.annotations accessor"
                            + " error: " + v + " is of the type " + GoValues.typeName(v) + ", expected string", s.first());
                }
            }
            noValue |= obj.toString().contains("<no value>");
            Boolean ready = null;
            if (!apiVersion.equals(META) && annotations.has(READY)) {
                String v = annotations.get(READY).asText();
                if (!v.equals("True") && !v.equals("False") && !v.equals("Unspecified")) {
                    throw new Failed("invalid function input: invalid \"" + READY + "\" annotation value \"" + v
                            + "\": must be True, False, or Unspecified", s.first());
                }
                ready = v.equals("True");
                ((ObjectNode) annotations).remove(READY);
            }
            boolean named = annotations.has(NAME);
            if (apiVersion.equals(xrApiVersion) && kind.equals(xrKind) && !named) {
                if (obj.get("status") instanceof ObjectNode st) {
                    status = status == null ? st : (ObjectNode) new MergeOptions(false, false).merge(status, st);
                }
                continue;
            }
            if (apiVersion.equals(META)) {
                switch (kind) {
                    case "CompositeConnectionDetails" -> obj.path("data").fieldNames().forEachRemaining(details::add);
                    case "ClaimConditions" -> obj.path("conditions").forEach(c -> conditions.add(c.path("type").asText("")));
                    case "Context" -> {
                        JsonNode data = obj.path("data");
                        ObjectNode base = context != null ? context : req.context().deepCopy();
                        context = data.isObject() ? (ObjectNode) new MergeOptions(false, false).merge(base, data) : base;
                    }
                    case "ExtraResources" -> {
                        for (Map.Entry<String, JsonNode> e : obj.path("requirements").properties()) {
                            if (extra.has(e.getKey())) {
                                throw new Failed("duplicate extra resource key \"" + e.getKey() + "\"", s.first());
                            }
                            extra.set(e.getKey(), e.getValue());
                        }
                    }
                    default -> throw new Failed("invalid kind \"" + kind + "\" for apiVersion \"" + META
                            + "\" - must be one of CompositeConnectionDetails, Context or ExtraResources", s.first());
                }
                continue;
            }
            if (!named) {
                throw new Failed("\"" + kind + "\" template is missing required \"" + NAME + "\" annotation", s.first());
            }
            String name = annotations.get(NAME).asText();
            ((ObjectNode) annotations).remove(NAME);
            resources.add(new Composed(name, obj, Boolean.TRUE.equals(ready)));
        }
        return new Output(resources, status, details, context, conditions, extra, noValue, List.of());
    }
}
