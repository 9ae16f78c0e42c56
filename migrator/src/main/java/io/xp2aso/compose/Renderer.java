package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Finding;
import io.xp2aso.source.Origin;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders one XR through a compiled Composition as Crossplane would: the legacy engine for {@code spec.resources},
 * or the pipeline with function-patch-and-transform and function-environment-configs run natively. Observed
 * composed resources (by composition resource name) feed To-XR patches, names and readiness.
 */
public final class Renderer {
    private final EnvironmentConfigs environmentConfigs;
    private final ExtraResourceIndex extraResources;

    public Renderer(EnvironmentConfigs environmentConfigs) {
        this(environmentConfigs, ExtraResourceIndex.NONE);
    }

    /** extraResources: the objects function-go-templating steps may request (the sources and --observed). */
    public Renderer(EnvironmentConfigs environmentConfigs, ExtraResourceIndex extraResources) {
        this.environmentConfigs = environmentConfigs == null ? EnvironmentConfigs.NONE : environmentConfigs;
        this.extraResources = extraResources == null ? ExtraResourceIndex.NONE : extraResources;
    }

    /** The XR must be a normalised copy the renderer may keep; observed objects are only read. */
    public RenderResult render(CompiledComposition c, ObjectNode xr, boolean namespacedXr, Map<String, ObjectNode> observed) {
        Run run = new Run(c, xr, namespacedXr, observed == null ? Map.of() : observed);
        try {
            if (c.pipeline()) {
                run.pipeline();
            } else {
                run.legacy();
            }
        } catch (Fatal f) {
            run.fatal = f.getMessage();
            run.findings.add(Finding.error("render-failed", f.getMessage(), f.origin, run.subject));
            run.rendered.clear();
        }
        return run.result();
    }

    private static final class Fatal extends RuntimeException {
        final Origin origin;

        Fatal(String message, Origin origin) {
            super(message);
            this.origin = origin;
        }
    }

    /** The state of one render. */
    private final class Run {
        final CompiledComposition c;
        final ObjectNode oxr;
        final boolean namespaced;
        final Map<String, ObjectNode> observed;
        final String subject;
        final List<Finding> findings = new ArrayList<>();
        final List<ConnectionDetail> details = new ArrayList<>();
        final List<RenderedResource> rendered = new ArrayList<>();
        ObjectNode env = GoValues.NODES.objectNode();
        /** Whether a step put the environment into the pipeline context; other context keys function steps wrote. */
        boolean envSet;
        ObjectNode context = GoValues.NODES.objectNode();
        ObjectNode outXr;
        String fatal;
        boolean incomplete;

        Run(CompiledComposition c, ObjectNode xr, boolean namespaced, Map<String, ObjectNode> observed) {
            this.c = c;
            this.oxr = xr;
            this.namespaced = namespaced;
            this.observed = observed;
            this.subject = xr.path("kind").asText("") + "/" + xr.path("metadata").path("name").asText("");
            this.outXr = xr;
        }

        RenderResult result() {
            setReadyCondition();
            return new RenderResult(outXr, rendered, findings, details, fatal, incomplete);
        }

        void warn(String code, String message, Origin origin) {
            findings.add(Finding.warning(code, message, origin, subject));
        }

        // ---- legacy engine ---------------------------------------------------------------------------------

        void legacy() {
            ObjectNode dxr = oxr.deepCopy();
            outXr = dxr;
            if (c.environment() != null) {
                try {
                    env = c.environment().evaluate(oxr, environmentConfigs);
                } catch (RenderException e) {
                    throw new Fatal("cannot select environment: " + e.getMessage(), c.origin());
                }
                environmentPatches(c.environmentPatches(), dxr, c.origin());
            }
            List<Object[]> applied = new ArrayList<>();
            for (Template t : c.templates()) {
                ObjectNode cd = t.base().deepCopy();
                ObjectNode ocd = observed.get(t.name());
                keepIdentity(cd, ocd);
                boolean ok = true;
                List<Patch> patches = t.patches();
                for (int i = 0; i < patches.size() && ok; i++) {
                    Patch p = patches.get(i);
                    if (!p.toComposed() && !p.type().endsWith("ToEnvironment") && !p.type().equals("ToEnvironmentFieldPath")) {
                        continue;
                    }
                    try {
                        switch (p.type()) {
                            case "FromCompositeFieldPath", "CombineFromComposite" -> PatchApplier.apply(p, oxr, cd);
                            case "FromEnvironmentFieldPath", "CombineFromEnvironment" -> PatchApplier.apply(p, env, cd);
                            default -> PatchApplier.apply(p, cd, env);
                        }
                    } catch (RenderException e) {
                        if (e.notFound() && !p.required()) {
                            continue;
                        }
                        // The legacy engine skips this resource for this reconcile and emits a warning event. A
                        // Required field that is absent is the Composition's intent; a failing patch or transform is
                        // a broken render (the XR does not become Ready): an error on the unit.
                        String msg = "composed resource " + quote(t.name()) + " is not rendered: " + quote(p.type())
                                + " patch at index " + i + (e.notFound() && p.required()
                                ? " has 'policy.fromFieldPath: Required': " : ": ") + e.getMessage();
                        if (e.notFound()) {
                            warn("required-field-missing", msg, t.origin());
                        } else {
                            findings.add(Finding.error("patch-failed", msg + " (Crossplane does not compose it and the"
                                    + " XR is not Ready)", t.origin(), subject));
                        }
                        ok = false;
                    }
                }
                if (!ok) {
                    continue;
                }
                ComposedMetadata.apply(cd, oxr, t.name(), namespaced);
                applied.add(new Object[]{t, cd, ocd});
            }
            // To-XR patches read the composed resource as applied: the live object when observed, else the render.
            for (Object[] a : applied) {
                Template t = (Template) a[0];
                ObjectNode cd = (ObjectNode) a[1];
                ObjectNode ocd = (ObjectNode) a[2];
                JsonNode source = ocd != null ? ocd : cd;
                List<Patch> patches = t.patches();
                for (int i = 0; i < patches.size(); i++) {
                    Patch p = patches.get(i);
                    if (!p.type().equals("ToCompositeFieldPath") && !p.type().equals("CombineToComposite")) {
                        continue;
                    }
                    try {
                        PatchApplier.apply(p, source, dxr);
                    } catch (RenderException e) {
                        if (e.notFound() && !p.required()) {
                            continue;
                        }
                        findings.add(Finding.error("xr-patch-failed", "cannot apply " + quote(p.type())
                                + " patch at index " + i + " of composed resource " + quote(t.name())
                                + " to the XR (Crossplane fails the reconcile): " + e.getMessage(), t.origin(), subject));
                    }
                }
                boolean ready = readiness(t, ocd);
                details.addAll(t.connectionDetails());
                rendered.add(new RenderedResource(t.name(), cd, t.origin(), ocd, ready));
            }
        }

        // ---- pipeline ----------------------------------------------------------------------------------------

        private record Desired(ObjectNode object, Origin origin, boolean ready) {
        }

        void pipeline() {
            ObjectNode dxr = GoValues.NODES.objectNode();
            Map<String, Desired> desired = new LinkedHashMap<>();
            for (Step s : c.steps()) {
                if (s instanceof Step.PatchAndTransform pt) {
                    patchAndTransform(pt, dxr, desired);
                } else if (s instanceof Step.EnvironmentConfigs ec) {
                    try {
                        envSet = true;
                        env = (ObjectNode) new MergeOptions(false, false).merge(env, ec.spec().evaluate(oxr, environmentConfigs));
                    } catch (RenderException e) {
                        throw new Fatal("step " + quote(s.step()) + " (function-environment-configs): " + e.getMessage(), s.origin());
                    }
                } else if (s instanceof Step.GoTemplating gt) {
                    goTemplating(gt, dxr, desired);
                } else if (s instanceof Step.AutoReady) {
                    for (Map.Entry<String, Desired> e : desired.entrySet()) {
                        ObjectNode ocd = observed.get(e.getKey());
                        if (ocd != null && ReadinessCheck.DEFAULT.check(ocd)) {
                            e.setValue(new Desired(e.getValue().object(), e.getValue().origin(), true));
                        }
                    }
                } else if (s instanceof Step.Unsupported u) {
                    if (u.composes()) {
                        incomplete = true;
                        warn("unsupported-function", "step " + quote(u.step()) + " runs " + u.what()
                                + ", which xp2aso does not run: the resources it composes are missing from this"
                                + " render (they are taken from observed objects when --observed has them)", u.origin());
                    } else {
                        findings.add(Finding.info("function-not-run", "step " + quote(u.step()) + " runs " + u.what()
                                + ", which does not compose resources; not run by xp2aso", u.origin(), subject));
                    }
                }
            }
            // Crossplane applies only the status of the desired XR in Pipeline mode.
            ObjectNode out = oxr.deepCopy();
            Iterator<String> keys = dxr.fieldNames();
            while (keys.hasNext()) {
                String k = keys.next();
                if (k.equals("status")) {
                    JsonNode st = dxr.get("status");
                    out.set("status", new MergeOptions(false, false).merge(out.path("status").isObject()
                            ? out.get("status") : GoValues.NODES.objectNode(), st));
                } else if (!k.equals("apiVersion") && !k.equals("kind")) {
                    findings.add(Finding.info("xr-write-not-persisted", "a patch writes the XR's " + k
                            + " in a Pipeline Composition; Crossplane applies only the XR status from functions,"
                            + " so this write has no effect", c.origin(), subject));
                }
            }
            outXr = out;
            for (Map.Entry<String, Desired> e : desired.entrySet()) {
                ObjectNode cd = e.getValue().object();
                ComposedMetadata.apply(cd, oxr, e.getKey(), namespaced);
                rendered.add(new RenderedResource(e.getKey(), cd, e.getValue().origin(), observed.get(e.getKey()),
                        e.getValue().ready()));
            }
        }

        void goTemplating(Step.GoTemplating s, ObjectNode dxr, Map<String, Desired> desired) {
            String fn = "step " + quote(s.step()) + " (function-go-templating): ";
            ObjectNode ctx = context.deepCopy();
            if (envSet || !env.isEmpty()) {
                ctx.set(GoTemplateRender.ENVIRONMENT, env.deepCopy());
            }
            Map<String, ObjectNode> want = new LinkedHashMap<>();
            Map<String, Boolean> ready = new LinkedHashMap<>();
            desired.forEach((k, v) -> {
                want.put(k, v.object().deepCopy());
                ready.put(k, v.ready());
            });
            Map<String, ObjectNode> obs = new LinkedHashMap<>();
            observed.forEach((k, v) -> obs.put(k, v.deepCopy()));
            GoTemplateRender.Output out;
            try {
                out = GoTemplateRender.run(s, new GoTemplateRender.Request(oxr.deepCopy(), obs, dxr.deepCopy(), want,
                        ready, ctx), extraResources);
            } catch (GoTemplateRender.Failed e) {
                throw new Fatal(fn + e.getMessage(), e.origin);
            } catch (HelmTemplates.Unavailable e) {
                incomplete = true;
                warn("unsupported-function", "step " + quote(s.step()) + " runs " + GoTemplateStep.WHAT + ", which"
                        + " xp2aso renders with Helm's engine, but " + e.getMessage() + ": the resources it composes are"
                        + " missing from this render (they are taken from observed objects when --observed has them)", s.origin());
                return;
            }
            for (GoTemplateRender.Composed r : out.resources()) {
                ObjectNode cd = r.object();
                keepIdentity(cd, observed.get(r.name()));
                desired.put(r.name(), new Desired(cd, s.first(), r.ready()));
            }
            if (out.compositeStatus() != null) {
                JsonNode st = dxr.get("status");
                dxr.set("status", st instanceof ObjectNode o
                        ? new MergeOptions(false, false).merge(o, out.compositeStatus()) : out.compositeStatus());
            }
            for (String d : out.connectionDetails()) {
                details.add(new ConnectionDetail(d, "FromValue", "go-templating"));
            }
            if (out.context() != null) {
                JsonNode e = out.context().remove(GoTemplateRender.ENVIRONMENT);
                if (e instanceof ObjectNode o) {
                    env = o;
                    envSet = true;
                }
                context = out.context();
            }
            if (!out.claimConditions().isEmpty()) {
                findings.add(Finding.info("claim-conditions-not-migrated", "step " + quote(s.step()) + " sets claim"
                        + " conditions " + out.claimConditions() + "; ASO resources carry their own conditions, so"
                        + " these are not migrated", s.first(), subject));
            }
            if (!out.unresolved().isEmpty()) {
                incomplete = true;
                warn("extra-resources-not-found", "step " + quote(s.step()) + " requests extra resources "
                        + out.unresolved() + " that neither the sources nor --observed hold: the template ran without"
                        + " them, where Crossplane gives it the cluster's objects, so resources it composes from them"
                        + " may be missing or differ (they are taken from observed objects when --observed has them)", s.first());
            }
            if (out.noValue()) {
                warn("template-no-value", "step " + quote(s.step()) + " renders \"<no value>\" (a missing field) into"
                        + " a composed resource or the XR; the function writes the same text", s.first());
            }
        }

        void patchAndTransform(Step.PatchAndTransform s, ObjectNode dxr, Map<String, Desired> desired) {
            String fn = "step " + quote(s.step()) + " (function-patch-and-transform): ";
            List<Patch> envPatches = s.environmentPatches();
            for (int i = 0; i < envPatches.size(); i++) {
                Patch p = envPatches.get(i);
                try {
                    environmentPatch(p, dxr);
                } catch (RenderException e) {
                    if (e.notFound() && !p.required()) {
                        continue;
                    }
                    throw new Fatal(fn + "cannot apply the " + quote(p.type()) + " environment patch at index " + i
                            + ": " + e.getMessage(), s.origin());
                }
            }
            for (Template t : s.templates()) {
                ObjectNode dcd;
                if (t.base() == null) {
                    Desired prev = desired.get(t.name());
                    if (prev == null) {
                        throw new Fatal(fn + "composed resource " + quote(t.name()) + " has no base template, and was"
                                + " not produced by a previous Function in the pipeline"
                                + (incomplete ? " (an earlier step this tool does not run may produce it)" : ""), t.origin());
                    }
                    dcd = prev.object().deepCopy();
                } else {
                    dcd = t.base().deepCopy();
                }
                ObjectNode ocd = observed.get(t.name());
                boolean ready = false;
                if (ocd != null) {
                    keepIdentity(dcd, ocd);
                    details.addAll(t.connectionDetails());
                    try {
                        ready = ReadinessCheck.isReady(ocd, t.readinessChecks());
                    } catch (RenderException e) {
                        warn("readiness-check-failed", "cannot check readiness of composed resource "
                                + quote(t.name()) + ": " + e.getMessage(), t.origin());
                    }
                }
                boolean skip = false;
                List<Patch> patches = t.patches();
                for (int i = 0; i < patches.size(); i++) {
                    Patch p = patches.get(i);
                    if (ocd == null && !p.toComposed()) {
                        continue;
                    }
                    try {
                        switch (p.type()) {
                            case "ToCompositeFieldPath", "CombineToComposite" -> PatchApplier.apply(p, ocd, dxr);
                            case "ToEnvironmentFieldPath", "CombineToEnvironment" -> PatchApplier.apply(p, ocd, env);
                            case "FromCompositeFieldPath", "CombineFromComposite" -> PatchApplier.apply(p, oxr, dcd);
                            default -> PatchApplier.apply(p, env, dcd);
                        }
                    } catch (RenderException e) {
                        if (e.notFound()) {
                            if (p.required()) {
                                if (p.toComposed() && ocd == null) {
                                    warn("required-field-missing", "not adding new composed resource " + quote(t.name())
                                            + " to desired state because " + quote(p.type()) + " patch at index " + i
                                            + " has 'policy.fromFieldPath: Required': " + e.getMessage(), t.origin());
                                    skip = true;
                                    break;
                                }
                                warn("required-field-missing", "cannot render composed resource " + quote(t.name()) + " "
                                        + quote(p.type()) + " patch at index " + i + ": ignoring 'policy.fromFieldPath:"
                                        + " Required' because 'to' resource already exists: " + e.getMessage(), t.origin());
                            }
                            continue;
                        }
                        throw new Fatal(fn + "cannot render composed resource " + quote(t.name()) + " " + quote(p.type())
                                + " patch at index " + i + ": " + e.getMessage(), t.origin());
                    }
                }
                if (!skip) {
                    desired.put(t.name(), new Desired(dcd, t.origin(), ready));
                }
            }
        }

        /** Environment patches: XR to environment, or environment to the desired XR. */
        void environmentPatch(Patch p, ObjectNode dxr) {
            switch (p.type()) {
                case "FromCompositeFieldPath", "ToEnvironmentFieldPath", "CombineFromComposite" -> PatchApplier.apply(p, oxr, env);
                case "ToCompositeFieldPath", "FromEnvironmentFieldPath", "CombineToComposite" -> PatchApplier.apply(p, env, dxr);
                default -> {
                }
            }
        }

        void environmentPatches(List<Patch> patches, ObjectNode dxr, Origin origin) {
            for (int i = 0; i < patches.size(); i++) {
                Patch p = patches.get(i);
                try {
                    environmentPatch(p, dxr);
                } catch (RenderException e) {
                    if (e.notFound() && !p.required()) {
                        continue;
                    }
                    throw new Fatal("cannot apply the " + quote(p.type()) + " environment patch at index " + i + ": "
                            + e.getMessage(), origin);
                }
            }
        }

        boolean readiness(Template t, ObjectNode ocd) {
            if (ocd == null) {
                return false;
            }
            try {
                return ReadinessCheck.isReady(ocd, t.readinessChecks());
            } catch (RenderException e) {
                warn("readiness-check-failed", "cannot check readiness of composed resource " + quote(t.name()) + ": "
                        + e.getMessage(), t.origin());
                return false;
            }
        }

        /** An existing composed resource keeps its name and namespace. */
        void keepIdentity(ObjectNode cd, ObjectNode ocd) {
            if (ocd == null) {
                return;
            }
            ObjectNode md = cd.with("metadata");
            String name = ocd.path("metadata").path("name").asText("");
            String ns = ocd.path("metadata").path("namespace").asText("");
            if (!name.isEmpty()) {
                md.put("name", name);
            }
            if (!ns.isEmpty()) {
                md.put("namespace", ns);
            }
        }

        /** The XR's Ready condition as Crossplane derives it from its composed resources. */
        void setReadyCondition() {
            if (fatal != null) {
                return;
            }
            TreeSet<String> unready = new TreeSet<>();
            for (RenderedResource r : rendered) {
                if (!r.ready()) {
                    unready.add(r.name());
                }
            }
            ObjectNode cond = GoValues.NODES.objectNode();
            cond.put("type", "Ready");
            if (unready.isEmpty()) {
                cond.put("status", "True");
                cond.put("reason", "Available");
            } else {
                cond.put("status", "False");
                cond.put("reason", "Creating");
                cond.put("message", "Unready resources: " + someOf(new ArrayList<>(unready)));
            }
            ObjectNode status = outXr.with("status");
            JsonNode existing = status.get("conditions");
            ArrayNode conds = GoValues.NODES.arrayNode();
            if (existing instanceof ArrayNode a) {
                for (JsonNode x : a) {
                    if (!x.path("type").asText("").equals("Ready")) {
                        conds.add(x);
                    }
                }
            }
            conds.add(cond);
            status.set("conditions", conds);
        }
    }

    /** Crossplane's "a, b, c, and 2 more" list of the first three names (sorted). */
    static String someOf(List<String> names) {
        if (names.size() <= 3) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 3)) + ", and " + (names.size() - 3) + " more";
    }

    static String quote(String s) {
        return GoFormat.quote(s, false);
    }
}
