package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.NestedComposite;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What blocks a unit's handoff in its composed tree (the top XR, its nested XRs and their MRs):
 * <ul>
 *   <li>{@code unrendered-composed-resource}: an object the cluster says an XR of the tree composes (controller owner
 *   reference, {@code spec.resourceRefs}, or the {@code crossplane.io/composite} label) that the rendering did not
 *   produce. The plan would not know it: retiring the XR leaves it to Kubernetes garbage collection, which deletes
 *   it with its own deletionPolicy, usually Delete, and the provider then deletes the Azure resource.</li>
 *   <li>{@code non-azure-composed-resource}: a composed object that is neither an Azure MR nor an XR. ASO cannot take
 *   it over, and retiring the XR would delete it from Kubernetes (and with deletionPolicy Delete from its
 *   provider's API) while the rest moves to ASO.</li>
 * </ul>
 * Both are errors on the unit, so its plan is blocked and the executor stops in preflight.
 */
final class TreeCheck {
    private TreeCheck() {
    }

    /** One XR of the tree: the rendered object and its live copy (null when not observed). */
    record Node(JsonNode xr, Manifest live) {
        String kind() {
            return xr.path("kind").asText("");
        }

        String name() {
            return xr.path("metadata").path("name").asText("");
        }

        String display() {
            return kind() + "/" + name();
        }
    }

    /** Both checks, for a rendered unit. */
    static List<Finding> check(Node top, List<NestedComposite> nested, List<ComposedResource> resources,
                               ComposedIndex index, String composite, String composition, Origin origin, String subject) {
        List<Node> xrs = new ArrayList<>();
        xrs.add(top);
        for (NestedComposite n : nested) {
            xrs.add(new Node(n.object(), n.observed()));
        }
        Set<String> produced = new HashSet<>();
        for (Node n : xrs) {
            produced.add(key(n.xr()));
        }
        for (ComposedResource r : resources) {
            produced.add(key(r.object()));
            if (r.observed() != null) {
                produced.add(key(r.observed().node()));
            }
        }
        // Candidates in a fixed order (by XR, then how they are tied to it), each reported once.
        Map<String, String> unrendered = new LinkedHashMap<>();
        for (Node n : xrs) {
            String uid = n.live() != null ? n.live().node().path("metadata").path("uid").asText("")
                    : n.xr().path("metadata").path("uid").asText("");
            for (Manifest m : index.controlledBy(uid, n.kind(), n.name())) {
                note(unrendered, produced, key(m.node()), display(m.node()), n.display() + " controls it (owner reference)");
            }
            JsonNode refs = CompositionSelector.machinery(n.live() != null ? n.live().node() : n.xr(), "resourceRefs");
            String ns = n.xr().path("metadata").path("namespace").asText("");
            for (JsonNode ref : refs) {
                String av = ref.path("apiVersion").asText("");
                String group = av.contains("/") ? av.substring(0, av.indexOf('/')) : "";
                String k = ComposedIndex.key(group, ref.path("kind").asText(""), ref.path("namespace").asText(ns),
                        ref.path("name").asText(""));
                note(unrendered, produced, k, ref.path("kind").asText("") + "/" + ref.path("name").asText(""),
                        n.display() + " lists it in spec.resourceRefs");
            }
        }
        for (Manifest m : index.labelled(composite)) {
            note(unrendered, produced, key(m.node()), display(m.node()), "it carries the label "
                    + ComposedMetadata.COMPOSITE + "=" + composite);
        }
        List<Finding> out = new ArrayList<>();
        String by = composition.isEmpty() ? "the rendering" : "rendering Composition " + composition;
        for (Map.Entry<String, String> e : unrendered.entrySet()) {
            out.add(Finding.error("unrendered-composed-resource", e.getValue() + ", but " + by + " did not produce it. "
                    + "The plan does not know it: retiring the XR would leave it to garbage collection, which deletes it "
                    + "with its deletionPolicy (Delete deletes the Azure resource). Usual causes: the XR runs a pinned or "
                    + "newer CompositionRevision, a conditional resource, other EnvironmentConfigs. Migrate with the "
                    + "Composition the XR really runs, or move the object out of the XR; the unit's handoff is blocked "
                    + "until then", origin, subject));
        }
        out.addAll(nonAzure(resources, subject));
        return out;
    }

    /** A {@code non-azure-composed-resource} error per composed object that is not an Azure MR. */
    static List<Finding> nonAzure(List<ComposedResource> resources, String subject) {
        List<Finding> out = new ArrayList<>();
        for (ComposedResource r : resources) {
            String av = r.object().path("apiVersion").asText("");
            String group = av.contains("/") ? av.substring(0, av.indexOf('/')) : "";
            if (!Estate.isAzureGroup(group)) {
                out.add(Finding.error("non-azure-composed-resource", display(r.object()) + " (" + av + ") is composed by "
                        + subject + " but is not an Azure managed resource: ASO cannot take it over, and retiring the XR "
                        + "would delete it from Kubernetes. Nothing of this unit is handed over. To migrate the rest, move "
                        + "it out of the Composition into an XR of its own (or manage it outside Crossplane) and migrate "
                        + "again; or keep the whole unit on Crossplane. If it is a composite resource (XR) of another "
                        + "Composition, add that XRD and Composition to the sources: it is then rendered as a nested XR "
                        + "and handed over with this unit", r.origin(), subject));
            }
        }
        return out;
    }

    private static void note(Map<String, String> unrendered, Set<String> produced, String key, String what, String why) {
        if (!produced.contains(key)) {
            unrendered.putIfAbsent(key, what + " is composed on the cluster (" + why + ")");
        }
    }

    private static String key(JsonNode o) {
        String av = o.path("apiVersion").asText("");
        String group = av.contains("/") ? av.substring(0, av.indexOf('/')) : "";
        return ComposedIndex.key(group, o.path("kind").asText(""), o.path("metadata").path("namespace").asText(""),
                o.path("metadata").path("name").asText(""));
    }

    private static String display(JsonNode o) {
        String ns = o.path("metadata").path("namespace").asText("");
        return o.path("kind").asText("") + "/" + (ns.isEmpty() ? "" : ns + "/") + o.path("metadata").path("name").asText("");
    }
}
