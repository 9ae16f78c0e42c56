package io.xp2aso.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.compose.ClaimToComposite;
import io.xp2aso.compose.XrdAdmission;
import io.xp2aso.compose.CompiledComposition;
import io.xp2aso.compose.EnvironmentConfigs;
import io.xp2aso.compose.ExtraResourceIndex;
import io.xp2aso.compose.GoValues;
import io.xp2aso.compose.RenderResult;
import io.xp2aso.compose.RenderedResource;
import io.xp2aso.compose.TemplateFiles;
import io.xp2aso.compose.Renderer;
import io.xp2aso.model.CompositionDef;
import io.xp2aso.model.Finding;
import io.xp2aso.model.Severity;
import io.xp2aso.model.Xrd;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** `xp2aso render`: one XR (or claim) through one Composition, printed as a YAML stream like `crossplane render`. */
@Command(name = "render", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Renders an XR (or, with --xrd, a claim) through a Composition as Crossplane would and prints "
                + "the XR followed by its composed resources as a YAML stream. Legacy spec.resources and Pipeline "
                + "Compositions with function-patch-and-transform, function-environment-configs, function-go-templating "
                + "and function-auto-ready are run natively; other functions are reported on standard error.",
                "Exit codes: 0 done (warnings on standard error); 2 bad input, or a render Crossplane would fail "
                        + "(error: FILE:LINE: message on standard error)."})
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--composition", paramLabel = "FILE", required = true,
            description = "The Composition (or CompositionRevision) to render with.")
    String composition;

    @Option(names = "--xr", paramLabel = "FILE", required = true,
            description = "The composite resource (XR) to render; a claim when --xrd is given.")
    String xr;

    @Option(names = "--observed", paramLabel = "FILE",
            description = "Observed composed resources (e.g. kubectl get managed -o yaml), matched to templates by "
                    + "their crossplane.io/composition-resource-name annotation; they feed To-XR patches, names and readiness.")
    String observed;

    @Option(names = "--environment", paramLabel = "FILE",
            description = "EnvironmentConfigs for environment selection (repeatable).")
    List<String> environment = new ArrayList<>();

    @Option(names = "--xrd", paramLabel = "FILE", description = "The CompositeResourceDefinition: lets --xr be a claim.")
    String xrd;

    @Option(names = "--extra-resources", paramLabel = "FILE",
            description = "Objects that answer the extra resources a function-go-templating step requests (repeatable), "
                    + "as crossplane render --extra-resources.")
    List<String> extraResources = new ArrayList<>();

    @Option(names = "--functions", paramLabel = "FILE",
            description = "Function, DeploymentRuntimeConfig and ConfigMap objects (repeatable): a function-go-templating "
                    + "step with source FileSystem reads its templates from the ConfigMap mounted at its dirPath, as the "
                    + "function's pod would.")
    List<String> functions = new ArrayList<>();

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CompositionDef def = new CompositionDef(single(composition, "a Composition",
                m -> m.group().equals("apiextensions.crossplane.io")
                        && (m.kind().equals("Composition") || m.kind().equals("CompositionRevision"))));
        Xrd definition = xrd == null ? null : new Xrd(single(xrd, "a CompositeResourceDefinition",
                m -> m.group().equals("apiextensions.crossplane.io") && m.kind().equals("CompositeResourceDefinition")));
        // The file may carry companions (a Secret next to a claim, the Composition itself): take the XR or claim kind
        // of the XRD, or else the one object outside the core API group and Crossplane's own groups.
        Manifest input = single(xr, "an XR or claim", m -> definition == null ? !m.group().isEmpty()
                && !m.group().equals("apiextensions.crossplane.io") && !m.group().equals("pkg.crossplane.io")
                : m.group().equals(definition.group())
                && (m.kind().equals(definition.xrKind()) || m.kind().equals(definition.claimKind())));
        // As the API server stores it: the XRD's schema defaults applied, violations reported as errors (exit 2).
        List<Finding> admission = new ArrayList<>();
        if (definition != null) {
            boolean claim = input.kind().equals(definition.claimKind()) && !definition.claimKind().isEmpty();
            input = XrdAdmission.admit(input, definition, claim ? "claim" : "XR", admission);
            for (Finding f : admission) {
                err.println(f.severity().label() + ": " + f.origin() + ": " + f.message());
            }
        }
        ObjectNode composite = composite(input, definition, err);
        if (definition != null) {
            XrdAdmission.defaults(composite, definition, definition.referenceableVersion());
        }
        if (!def.compositeApiVersion().equals(composite.path("apiVersion").asText())
                || !def.compositeKind().equals(composite.path("kind").asText())) {
            throw new InputException(def.manifest().origin(), "Composition " + def.manifest().name() + " composes "
                    + def.compositeApiVersion() + " " + def.compositeKind() + ", not " + composite.path("apiVersion").asText()
                    + " " + composite.path("kind").asText() + " (" + input.origin() + ")");
        }
        List<Manifest> functionObjects = new ArrayList<>();
        for (String f : functions) {
            functionObjects.addAll(read(f));
        }
        CompiledComposition compiled = CompiledComposition.compile(def, new TemplateFiles(functionObjects));
        List<Manifest> envs = new ArrayList<>();
        for (String f : environment) {
            for (Manifest m : read(f)) {
                if (!EnvironmentConfigs.isEnvironmentConfig(m)) {
                    throw new InputException(m.origin(), "--environment: " + m.displayName() + " is not an EnvironmentConfig");
                }
                envs.add(m);
            }
        }
        Map<String, ObjectNode> observedByName = new HashMap<>();
        if (observed != null) {
            for (Manifest m : read(observed)) {
                String name = m.annotation("crossplane.io/composition-resource-name");
                if (!name.isEmpty()) {
                    observedByName.put(name, (ObjectNode) GoValues.roundTrip(m.node().deepCopy()));
                }
            }
        }
        boolean namespaced = definition != null
                ? definition.scope().equals("Namespaced")
                : !composite.path("metadata").path("namespace").asText("").isEmpty();
        List<Manifest> extra = new ArrayList<>();
        for (String f : extraResources) {
            extra.addAll(read(f));
        }
        RenderResult r = new Renderer(new EnvironmentConfigs(envs), new ExtraResourceIndex(extra, List.of()))
                .render(compiled, composite, namespaced, observedByName);
        for (Finding f : r.findings()) {
            if (r.failed() && f.code().equals("render-failed")) {
                continue;
            }
            err.println(f.severity().label() + ": " + f.origin() + ": " + f.message());
        }
        if (r.failed()) {
            Origin at = r.findings().stream().filter(f -> f.code().equals("render-failed")).map(Finding::origin)
                    .findFirst().orElse(def.manifest().origin());
            throw new InputException(at, r.fatal());
        }
        StringBuilder sb = new StringBuilder();
        sb.append("---\n").append(Yaml.YAML.writeValueAsString(sorted(r.xr())));
        for (RenderedResource res : r.resources()) {
            sb.append("---\n").append(Yaml.YAML.writeValueAsString(sorted(res.object())));
        }
        out.print(sb);
        out.flush();
        return java.util.stream.Stream.concat(admission.stream(), r.findings().stream())
                .anyMatch(f -> f.severity() == Severity.ERROR) ? Main.EXIT_BAD_INPUT : Main.EXIT_OK;
    }

    private ObjectNode composite(Manifest input, Xrd definition, PrintWriter err) {
        if (definition != null && input.group().equals(definition.group())
                && input.kind().equals(definition.claimKind()) && !definition.claimKind().isEmpty()) {
            String name = input.node().path("spec").path("resourceRef").path("name").asText("");
            if (name.isEmpty()) {
                // Crossplane generates <claim>-xxxxx; a deterministic stand-in keeps the output reproducible.
                name = ClaimToComposite.generatedName(input);
                err.println("warning: " + input.origin() + ": the claim is not bound to an XR (spec.resourceRef);"
                        + " rendering its XR as " + name + " (Crossplane generates the real name)");
            }
            return ClaimToComposite.build(input, definition, name, null);
        }
        if (definition != null && !(input.group().equals(definition.group()) && input.kind().equals(definition.xrKind()))) {
            throw new InputException(input.origin(), input.displayName() + " is neither the XR kind " + definition.xrKind()
                    + " nor the claim kind " + definition.claimKind() + " of " + definition.name());
        }
        if (input.name().isEmpty()) {
            throw new InputException(input.origin(), "the XR has no metadata.name");
        }
        return (ObjectNode) GoValues.roundTrip(input.node().deepCopy());
    }

    private static List<Manifest> read(String file) {
        if (file.equals("-")) {
            throw new InputException(new Origin(file, 0), "render reads files, not standard input");
        }
        return SourceReader.read(List.of(file), System.in).manifests();
    }

    private static Manifest single(String file, String what, java.util.function.Predicate<Manifest> accept) {
        List<Manifest> all = read(file);
        List<Manifest> ok = all.stream().filter(accept).toList();
        if (ok.isEmpty()) {
            throw new InputException(new Origin(file, all.isEmpty() ? 0 : all.get(0).origin().line()),
                    "expected " + what + ", found " + (all.isEmpty() ? "no Kubernetes object"
                            : all.stream().map(Manifest::displayName).toList()));
        }
        if (ok.size() > 1) {
            throw new InputException(ok.get(1).origin(), "expected one object, " + what + ", found " + ok.size());
        }
        return ok.get(0);
    }

    /** Keys sorted at every level, as Go's YAML encoder writes maps (and so `crossplane render` output). */
    static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = GoValues.NODES.objectNode();
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            for (String k : keys) {
                o.set(k, sorted(n.get(k)));
            }
            return o;
        }
        if (n.isArray()) {
            var a = GoValues.NODES.arrayNode();
            n.forEach(x -> a.add(sorted(x)));
            return a;
        }
        return n;
    }
}
