package io.xp2aso.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every object read from the sources, classified by the role it plays (XRD, Composition, XR, claim, MR, ...).
 * XRs and claims are recognised through the XRDs that define them; MRs by their provider API group.
 */
public final class Estate {
    private final Map<ObjectKind, List<Manifest>> byKind = new EnumMap<>(ObjectKind.class);
    private final Map<String, Xrd> xrdByXrType = new HashMap<>();
    private final Map<String, Xrd> xrdByClaimType = new HashMap<>();
    private final Map<String, List<CompositionDef>> compositionsByName = new LinkedHashMap<>();
    private final List<SourceSet.SkippedInput> skipped;
    /** "group/kind" of every Composition's compositeTypeRef. */
    private final Set<String> composedTypes = new HashSet<>();

    public Estate(SourceSet sources) {
        this.skipped = sources.skipped();
        for (ObjectKind k : ObjectKind.values()) {
            byKind.put(k, new ArrayList<>());
        }
        // XRDs and Compositions first: they decide which other objects are XRs and claims.
        for (Manifest m : sources.manifests()) {
            if (isCrossplane(m, "apiextensions.crossplane.io")
                    && (m.kind().equals("Composition") || m.kind().equals("CompositionRevision"))) {
                JsonNode ref = m.node().path("spec").path("compositeTypeRef");
                composedTypes.add(groupOf(ref.path("apiVersion").asText("")) + "/" + ref.path("kind").asText(""));
            }
            if (isCrossplane(m, "apiextensions.crossplane.io") && m.kind().equals("CompositeResourceDefinition")) {
                Xrd x = new Xrd(m);
                xrdByXrType.put(x.group() + "/" + x.xrKind(), x);
                if (!x.claimKind().isEmpty()) {
                    xrdByClaimType.put(x.group() + "/" + x.claimKind(), x);
                }
            }
        }
        for (Manifest m : sources.manifests()) {
            ObjectKind k = classify(m);
            byKind.get(k).add(m);
            if (k == ObjectKind.COMPOSITION || k == ObjectKind.COMPOSITION_REVISION) {
                CompositionDef c = new CompositionDef(m);
                compositionsByName.computeIfAbsent(c.name(), n -> new ArrayList<>()).add(c);
            }
        }
    }

    public ObjectKind classify(Manifest m) {
        String group = m.group();
        String kind = m.kind();
        if (group.equals("apiextensions.crossplane.io")) {
            switch (kind) {
                case "CompositeResourceDefinition":
                    return ObjectKind.XRD;
                case "Composition":
                    return ObjectKind.COMPOSITION;
                case "CompositionRevision":
                    return ObjectKind.COMPOSITION_REVISION;
                case "EnvironmentConfig":
                    return ObjectKind.ENVIRONMENT_CONFIG;
                default:
                    return ObjectKind.OTHER;
            }
        }
        if (group.equals("pkg.crossplane.io")) {
            return switch (kind) {
                case "Function" -> ObjectKind.FUNCTION;
                case "Provider" -> ObjectKind.PROVIDER;
                default -> ObjectKind.OTHER;
            };
        }
        if (xrdByXrType.containsKey(group + "/" + kind)) {
            return ObjectKind.COMPOSITE;
        }
        if (xrdByClaimType.containsKey(group + "/" + kind)) {
            return ObjectKind.CLAIM;
        }
        // Without its XRD an XR is still known by the Composition that composes its type, as `crossplane render` knows it.
        if (composedTypes.contains(group + "/" + kind)) {
            return ObjectKind.COMPOSITE;
        }
        if (kind.equals("ProviderConfig") || kind.equals("ClusterProviderConfig") || kind.equals("ProviderConfigUsage")) {
            if (group.endsWith(".upbound.io") || group.endsWith(".crossplane.io")) {
                return ObjectKind.PROVIDER_CONFIG;
            }
        }
        if (isManagedGroup(group) || m.node().path("spec").has("forProvider")) {
            return ObjectKind.MANAGED;
        }
        return ObjectKind.OTHER;
    }

    /** Provider API groups: upjet (cluster and v2 namespaced) and the classic crossplane providers. */
    public static boolean isManagedGroup(String group) {
        return group.endsWith(".upbound.io") && !group.startsWith("meta.")
                || group.endsWith(".crossplane.io") && !group.endsWith("apiextensions.crossplane.io")
                && !group.equals("pkg.crossplane.io") && !group.startsWith("meta.");
    }

    /** An Azure managed resource: upjet provider-azure, namespaced v2 groups, or the classic azure.crossplane.io. */
    public static boolean isAzureGroup(String group) {
        return group.equals("azure.upbound.io") || group.endsWith(".azure.upbound.io")
                || group.equals("azure.m.upbound.io") || group.endsWith(".azure.m.upbound.io")
                || group.equals("azure.crossplane.io") || group.endsWith(".azure.crossplane.io");
    }

    private static boolean isCrossplane(Manifest m, String group) {
        return m.group().equals(group);
    }

    public List<Manifest> all(ObjectKind kind) {
        return Collections.unmodifiableList(byKind.get(kind));
    }

    public Xrd xrdForComposite(String apiVersionOrGroup, String kind) {
        return xrdByXrType.get(groupOf(apiVersionOrGroup) + "/" + kind);
    }

    public Xrd xrdForClaim(String apiVersionOrGroup, String kind) {
        return xrdByClaimType.get(groupOf(apiVersionOrGroup) + "/" + kind);
    }

    public List<Xrd> xrds() {
        return all(ObjectKind.XRD).stream().map(Xrd::new).toList();
    }

    /** Compositions and revisions by name (a revision is listed under the Composition it belongs to). */
    public List<CompositionDef> compositionsNamed(String name) {
        return compositionsByName.getOrDefault(name, List.of());
    }

    public List<CompositionDef> compositions() {
        return all(ObjectKind.COMPOSITION).stream().map(CompositionDef::new).toList();
    }

    /**
     * Objects that look like claims (spec.compositionRef, compositionSelector or resourceRef) of a type no XRD in the
     * sources defines: without the XRD they cannot be recognised, so they would be ignored silently.
     */
    public List<Manifest> unknownClaims() {
        List<Manifest> out = new ArrayList<>();
        for (Manifest m : all(ObjectKind.OTHER)) {
            JsonNode spec = m.node().path("spec");
            if (!m.group().isEmpty() && !m.group().endsWith("crossplane.io")
                    && (spec.has("compositionRef") || spec.has("compositionSelector") || spec.has("resourceRef"))) {
                out.add(m);
            }
        }
        return out;
    }

    public List<SourceSet.SkippedInput> skipped() {
        return skipped;
    }

    private static String groupOf(String apiVersionOrGroup) {
        int slash = apiVersionOrGroup.indexOf('/');
        return slash < 0 ? apiVersionOrGroup : apiVersionOrGroup.substring(0, slash);
    }
}
