package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.CompositionDef;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.Xrd;
import io.xp2aso.source.Origin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the Composition (and CompositionRevision) for an XR in Crossplane's order: the XRD's enforced ref, the XR's
 * compositionRef, the XRD's default, then the label selector over compatible Compositions. Where Crossplane would
 * pick at random (several candidates) or fail (none, missing, incompatible), the result is a finding, not a guess.
 */
public final class CompositionSelector {
    private final Estate estate;
    private final Map<String, List<CompositionDef>> byType = new HashMap<>();

    /** The chosen Composition or revision, how it was chosen, or the problem. */
    public record Selection(CompositionDef composition, String how, Finding problem) {
        public boolean found() {
            return composition != null;
        }
    }

    public CompositionSelector(Estate estate) {
        this.estate = estate;
        for (CompositionDef c : estate.compositions()) {
            byType.computeIfAbsent(c.compositeApiVersion() + "|" + c.compositeKind(), k -> new ArrayList<>()).add(c);
        }
    }

    /** The machinery fields of an XR: under spec.crossplane for v2 XRs, directly under spec for legacy ones. */
    static JsonNode machinery(JsonNode xr, String field) {
        JsonNode v2 = xr.path("spec").path("crossplane").get(field);
        if (v2 != null && !v2.isNull()) {
            return v2;
        }
        JsonNode v1 = xr.path("spec").get(field);
        return v1 == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v1;
    }

    /** True when a Composition (or revision) in the sources composes this XR type. */
    boolean composes(String apiVersion, String kind) {
        return byType.containsKey(apiVersion + "|" + kind);
    }

    public Selection select(JsonNode xr, Xrd xrd, Origin origin, String subject) {
        String apiVersion = xr.path("apiVersion").asText("");
        String kind = xr.path("kind").asText("");
        String enforced = xrd == null ? "" : xrd.enforcedCompositionName();
        String ref = machinery(xr, "compositionRef").path("name").asText("");
        JsonNode selector = machinery(xr, "compositionSelector").path("matchLabels");
        String how;
        String name;
        if (!enforced.isEmpty()) {
            name = enforced;
            how = "enforced by the XRD";
        } else if (!ref.isEmpty()) {
            name = ref;
            how = "compositionRef";
        } else if (selector.isMissingNode() && xrd != null && !xrd.defaultCompositionName().isEmpty()) {
            name = xrd.defaultCompositionName();
            how = "the XRD's defaultCompositionRef";
        } else {
            return bySelector(apiVersion, kind, selector, xr, xrd, origin, subject);
        }
        List<CompositionDef> named = estate.compositionsNamed(name);
        CompositionDef comp = named.stream().filter(c -> !c.isRevision()).findFirst().orElse(null);
        if (comp == null && named.isEmpty()) {
            return problem(Finding.error("composition-not-found", "Composition " + quote(name) + " (" + how
                    + ") is not in the sources", origin, subject));
        }
        CompositionDef any = comp != null ? comp : named.get(0);
        if (!any.compositeApiVersion().equals(apiVersion) || !any.compositeKind().equals(kind)) {
            return problem(Finding.error("composition-not-compatible", "Composition " + quote(name) + " (" + how
                    + ") composes " + any.compositeApiVersion() + " " + any.compositeKind() + ", not " + apiVersion + " "
                    + kind, origin, subject));
        }
        return revision(name, comp, how, xr, xrd, origin, subject);
    }

    private Selection bySelector(String apiVersion, String kind, JsonNode labels, JsonNode xr, Xrd xrd, Origin origin,
                                 String subject) {
        List<CompositionDef> candidates = new ArrayList<>();
        for (CompositionDef c : byType.getOrDefault(apiVersion + "|" + kind, List.of())) {
            if (matches(c.manifest().node().path("metadata").path("labels"), labels)) {
                candidates.add(c);
            }
        }
        String sel = labels.isMissingNode() ? "no compositionSelector" : "compositionSelector " + labels;
        if (candidates.isEmpty()) {
            return problem(Finding.error("composition-not-found", "no compatible Composition for " + apiVersion + " "
                    + kind + " (" + sel + ") in the sources", origin, subject));
        }
        if (candidates.size() > 1) {
            List<String> names = candidates.stream().map(CompositionDef::name).sorted().toList();
            return problem(Finding.error("ambiguous-composition", sel + " matches " + candidates.size()
                    + " Compositions (" + String.join(", ", names) + "); Crossplane picks one at random and records it in"
                    + " compositionRef: set compositionRef, or pass the live XR with --observed", origin, subject));
        }
        CompositionDef c = candidates.get(0);
        return revision(c.name(), c, labels.isMissingNode() ? "the only compatible Composition" : "compositionSelector",
                xr, xrd, origin, subject);
    }

    private Selection revision(String name, CompositionDef comp, String how, JsonNode xr, Xrd xrd, Origin origin,
                               String subject) {
        List<CompositionDef> revisions = estate.compositionsNamed(name).stream().filter(CompositionDef::isRevision).toList();
        String policy = machinery(xr, "compositionUpdatePolicy").asText("");
        if (policy.isEmpty() && xrd != null) {
            policy = xrd.spec().path("defaultCompositionUpdatePolicy").asText("Automatic");
        }
        String revRef = machinery(xr, "compositionRevisionRef").path("name").asText("");
        if (policy.equals("Manual") && !revRef.isEmpty()) {
            for (CompositionDef r : revisions) {
                if (r.manifest().name().equals(revRef)) {
                    return new Selection(r, how + ", CompositionRevision " + revRef + " (update policy Manual)", null);
                }
            }
            return problem(Finding.error("composition-revision-not-found", "CompositionRevision " + quote(revRef)
                    + " (compositionRevisionRef, update policy Manual) is not in the sources", origin, subject));
        }
        if (!revisions.isEmpty()) {
            JsonNode labels = machinery(xr, "compositionRevisionSelector").path("matchLabels");
            if (labels.isMissingNode() && xrd != null) {
                labels = xrd.spec().path("defaultCompositionRevisionSelector").path("matchLabels");
            }
            CompositionDef latest = null;
            for (CompositionDef r : revisions) {
                if (matches(r.manifest().node().path("metadata").path("labels"), labels)
                        && (latest == null || r.revision() > latest.revision())) {
                    latest = r;
                }
            }
            if (latest == null) {
                return problem(Finding.error("composition-revision-not-found", "no CompositionRevision of " + quote(name)
                        + " matches compositionRevisionSelector " + labels, origin, subject));
            }
            return new Selection(latest, how + ", latest matching CompositionRevision " + latest.manifest().name(), null);
        }
        if (comp == null) {
            return problem(Finding.error("composition-not-found", "Composition " + quote(name) + " is not in the sources",
                    origin, subject));
        }
        return new Selection(comp, how, null);
    }

    private static boolean matches(JsonNode have, JsonNode want) {
        if (want == null || want.isMissingNode() || want.isNull()) {
            return true;
        }
        for (var it = want.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = have.get(e.getKey());
            if (v == null || !v.asText().equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    private static Selection problem(Finding f) {
        return new Selection(null, "", f);
    }

    private static String quote(String s) {
        return GoFormat.quote(s, false);
    }
}
