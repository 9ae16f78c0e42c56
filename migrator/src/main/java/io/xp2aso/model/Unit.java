package io.xp2aso.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Manifest;

import java.util.List;

/**
 * The unit of migration and handoff: a claim (when there is one) with its XR and the MRs it composes,
 * or a lone MR that no XR owns. {@code id} is stable and path-safe: "namespace/name" of the claim,
 * "_cluster/name" of a cluster-scoped XR or lone MR. {@code composite} is the rendered XR (null for a lone MR).
 * {@code composition} names the Composition used ("" when none). {@code nested} lists the XRs the XR composes, at
 * every depth, parents first; their MRs are in {@code resources} with the XR's own.
 */
public record Unit(String id, String namespace, String name, Manifest claim, ObjectNode composite,
                   Manifest compositeSource, String composition, List<ComposedResource> resources,
                   List<NestedComposite> nested, List<Finding> findings) {
    public Unit {
        resources = List.copyOf(resources);
        nested = List.copyOf(nested);
        findings = List.copyOf(findings);
    }

    /** A unit without nested XRs. */
    public Unit(String id, String namespace, String name, Manifest claim, ObjectNode composite, Manifest compositeSource,
                String composition, List<ComposedResource> resources, List<Finding> findings) {
        this(id, namespace, name, claim, composite, compositeSource, composition, resources, List.of(), findings);
    }
}
