package io.xp2aso.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links claims to XRs and XRs to what they compose. A composed object belongs to an XR when the XR's
 * resourceRefs name it, when its controller owner reference is the XR, or when its crossplane.io/composite
 * label names the XR; a claim's XR is its spec.resourceRef, or the XR labelled with the claim's name and
 * namespace. Roots are claims, then XRs no claim or XR owns, then MRs no XR owns.
 */
final class OwnershipGraph {
    private final Map<String, ResourceSummary> byKey = new HashMap<>();
    private final Map<String, ResourceSummary> byUid = new HashMap<>();
    private final Map<String, List<ResourceSummary>> byCompositeLabel = new HashMap<>();
    private final Map<String, List<ResourceSummary>> byControllerUid = new HashMap<>();
    private final Map<String, ResourceSummary> xrByClaim = new HashMap<>();
    private final Set<String> unlistedKinds = new HashSet<>();
    private final Set<String> placed = new HashSet<>();

    static List<GraphNode> build(Inventory inv) {
        return new OwnershipGraph(inv).roots(inv);
    }

    private OwnershipGraph(Inventory inv) {
        for (UnlistedKind u : inv.unlisted()) {
            unlistedKinds.add(groupOf(u.apiVersion()) + "/" + u.kind());
        }
        for (List<ResourceSummary> list : List.of(inv.composites(), inv.managed())) {
            for (ResourceSummary r : list) {
                byKey.put(r.ref().key(), r);
                if (!r.uid().isEmpty()) {
                    byUid.put(r.uid(), r);
                }
                if (!r.compositeLabel().isEmpty()) {
                    byCompositeLabel.computeIfAbsent(r.ref().namespace() + "/" + r.compositeLabel(),
                            k -> new ArrayList<>()).add(r);
                }
                if (!r.controllerUid().isEmpty()) {
                    byControllerUid.computeIfAbsent(r.controllerUid(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        for (ResourceSummary xr : inv.composites()) {
            if (!xr.claimName().isEmpty()) {
                xrByClaim.putIfAbsent(xr.claimNamespace() + "/" + xr.claimName(), xr);
            }
        }
    }

    private List<GraphNode> roots(Inventory inv) {
        List<GraphNode> roots = new ArrayList<>();
        for (ResourceSummary claim : inv.claims()) {
            List<GraphNode> children = new ArrayList<>();
            ResourceSummary xr = null;
            if (claim.resourceRef() != null) {
                xr = byKey.get(claim.resourceRef().key());
                if (xr == null) {
                    children.add(missing(claim.resourceRef()));
                }
            } else {
                xr = xrByClaim.get(claim.ref().namespace() + "/" + claim.ref().name());
            }
            if (xr != null && !placed.contains(xr.ref().key())) {
                children.add(node(xr));
            }
            roots.add(new GraphNode(claim.ref(), "claim", Health.state(claim), Health.detail(claim), children));
        }
        for (ResourceSummary xr : inv.composites()) {
            if (!placed.contains(xr.ref().key()) && !ownedByListedXr(xr)) {
                roots.add(node(xr));
            }
        }
        for (ResourceSummary mr : inv.managed()) {
            if (!placed.contains(mr.ref().key())) {
                roots.add(node(mr));
            }
        }
        return roots;
    }

    /** An XR composed by another XR is placed under its parent, not as a root. */
    private boolean ownedByListedXr(ResourceSummary xr) {
        ResourceSummary parent = byUid.get(xr.controllerUid());
        return parent != null && parent.role() == io.xp2aso.model.ObjectKind.COMPOSITE;
    }

    private GraphNode node(ResourceSummary r) {
        placed.add(r.ref().key());
        List<GraphNode> children = new ArrayList<>();
        if (r.role() == io.xp2aso.model.ObjectKind.COMPOSITE) {
            Map<String, ResourceSummary> composed = new LinkedHashMap<>();
            List<ObjectRef> missing = new ArrayList<>();
            for (ObjectRef ref : r.resourceRefs()) {
                ResourceSummary c = byKey.get(ref.key());
                if (c == null) {
                    missing.add(ref);
                } else {
                    composed.put(c.ref().key(), c);
                }
            }
            for (ResourceSummary c : byControllerUid.getOrDefault(r.uid(), List.of())) {
                composed.putIfAbsent(c.ref().key(), c);
            }
            for (ResourceSummary c : byCompositeLabel.getOrDefault(r.ref().namespace() + "/" + r.ref().name(), List.of())) {
                if (c != r) {
                    composed.putIfAbsent(c.ref().key(), c);
                }
            }
            List<ResourceSummary> ordered = new ArrayList<>(composed.values());
            ordered.sort((a, b) -> a.ref().compareTo(b.ref()));
            for (ResourceSummary c : ordered) {
                if (!placed.contains(c.ref().key())) {
                    children.add(node(c));
                }
            }
            missing.sort(ObjectRef::compareTo);
            for (ObjectRef m : missing) {
                children.add(missing(m));
            }
        }
        return new GraphNode(r.ref(), r.role() == io.xp2aso.model.ObjectKind.COMPOSITE ? "composite" : "managed",
                Health.state(r), Health.detail(r), children);
    }

    private GraphNode missing(ObjectRef ref) {
        boolean unlisted = unlistedKinds.contains(ref.group() + "/" + ref.kind());
        return new GraphNode(ref, ref.kind().isEmpty() ? "managed" : roleGuess(ref), "missing",
                unlisted ? "its kind could not be listed" : "referenced but not found on the cluster", List.of());
    }

    private String roleGuess(ObjectRef ref) {
        return byKey.values().stream().anyMatch(r -> r.ref().group().equals(ref.group())
                && r.ref().kind().equals(ref.kind()) && r.role() == io.xp2aso.model.ObjectKind.COMPOSITE)
                ? "composite" : "managed";
    }

    private static String groupOf(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
