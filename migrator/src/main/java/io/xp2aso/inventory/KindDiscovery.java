package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.model.ObjectKind;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the kinds to list from the cluster's CRDs: Crossplane's own API (XRDs, Compositions, revisions,
 * EnvironmentConfigs, Providers, Functions), provider ProviderConfigs, and every kind in the categories
 * {@code claim}, {@code composite}, {@code managed} and {@code crossplane}. CRDs of `*.azure.com` groups tell
 * whether ASO is installed and which versions it serves. Only a small summary of each CRD is kept: their
 * schemas (megabytes for some ASO kinds) are dropped page by page.
 */
final class KindDiscovery {
    static final ClusterKind CRDS = new ClusterKind("apiextensions.k8s.io", "v1", "CustomResourceDefinition",
            "customresourcedefinitions", false, ObjectKind.OTHER, List.of());
    /** Usage-tracking kinds: one object per MR, nothing to learn from them. */
    private static final Set<String> SKIPPED_KINDS = Set.of("ProviderConfigUsage", "ClusterProviderConfigUsage");

    private final List<ClusterKind> kinds = new ArrayList<>();
    private final List<AsoCrd> asoCrds = new ArrayList<>();
    private final Set<String> asoVersions = new TreeSet<>();
    private boolean asoMarked;
    private final Set<String> capz = new TreeSet<>();
    /** The Cluster API and CAPZ kinds migrate --aks-target capz writes. */
    private static final Set<String> CAPZ_KINDS = Set.of("Cluster.cluster.x-k8s.io", "MachinePool.cluster.x-k8s.io",
            "AzureASOManagedCluster.infrastructure.cluster.x-k8s.io",
            "AzureASOManagedControlPlane.infrastructure.cluster.x-k8s.io",
            "AzureASOManagedMachinePool.infrastructure.cluster.x-k8s.io");

    /** Reads one CRD object. */
    void accept(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText("");
        JsonNode names = spec.path("names");
        String kind = names.path("kind").asText("");
        List<String> categories = new ArrayList<>();
        for (JsonNode c : names.path("categories")) {
            categories.add(c.asText());
        }
        List<String> served = new ArrayList<>();
        String storage = "";
        for (JsonNode v : spec.path("versions")) {
            if (v.path("served").asBoolean(false)) {
                served.add(v.path("name").asText());
            }
            if (v.path("storage").asBoolean(false)) {
                storage = v.path("name").asText();
            }
        }
        if (group.equals("azure.com") || group.endsWith(".azure.com")) {
            asoCrds.add(new AsoCrd(Text.clean(group), Text.clean(kind), served.stream().map(Text::clean).toList(),
                    Text.clean(storage)));
            JsonNode md = crd.path("metadata");
            if ("azure-service-operator".equals(md.path("labels").path("app.kubernetes.io/name").asText(""))
                    || hasServiceOperatorKey(md.path("labels")) || hasServiceOperatorKey(md.path("annotations"))) {
                asoMarked = true;
                String v = md.path("labels").path("app.kubernetes.io/version").asText("");
                if (!v.isEmpty()) {
                    asoVersions.add(Text.clean(v));
                }
            }
        }
        if (CAPZ_KINDS.contains(kind + "." + group) && !served.isEmpty()) {
            capz.add(kind + "." + group);
        }
        ObjectKind role = classify(group, kind, categories);
        if (role == null || served.isEmpty() || SKIPPED_KINDS.contains(kind)) {
            return;
        }
        // The storage version is always served on a healthy CRD; fall back to the first served one.
        String version = served.contains(storage) ? storage : served.get(0);
        kinds.add(new ClusterKind(group, version, kind, names.path("plural").asText(),
                "Namespaced".equals(spec.path("scope").asText()), role, categories));
    }

    /** The role of a CRD's kind, or null when the scan does not list it. */
    static ObjectKind classify(String group, String kind, List<String> categories) {
        if (group.equals("apiextensions.crossplane.io")) {
            return switch (kind) {
                case "CompositeResourceDefinition" -> ObjectKind.XRD;
                case "Composition" -> ObjectKind.COMPOSITION;
                case "CompositionRevision" -> ObjectKind.COMPOSITION_REVISION;
                case "EnvironmentConfig" -> ObjectKind.ENVIRONMENT_CONFIG;
                default -> ObjectKind.OTHER;
            };
        }
        if (group.equals("pkg.crossplane.io")) {
            return switch (kind) {
                case "Provider" -> ObjectKind.PROVIDER;
                case "Function" -> ObjectKind.FUNCTION;
                default -> ObjectKind.OTHER;
            };
        }
        if (categories.contains("claim")) {
            return ObjectKind.CLAIM;
        }
        if (categories.contains("composite")) {
            return ObjectKind.COMPOSITE;
        }
        if (categories.contains("managed")) {
            return ObjectKind.MANAGED;
        }
        if ((kind.equals("ProviderConfig") || kind.equals("ClusterProviderConfig"))
                && (group.endsWith(".upbound.io") || group.endsWith(".crossplane.io") || categories.contains("crossplane"))) {
            return ObjectKind.PROVIDER_CONFIG;
        }
        if (categories.contains("crossplane") || group.endsWith(".crossplane.io")) {
            return ObjectKind.OTHER;
        }
        return null;
    }

    private static boolean hasServiceOperatorKey(JsonNode map) {
        Iterator<String> it = map.fieldNames();
        while (it.hasNext()) {
            if (it.next().startsWith("serviceoperator.azure.com/")) {
                return true;
            }
        }
        return false;
    }

    List<ClusterKind> kinds() {
        return kinds;
    }

    /** The Cluster API and CAPZ kinds served ("Kind.group", sorted). */
    List<String> capz() {
        return new ArrayList<>(capz);
    }

    AsoInstallation aso() {
        List<AsoCrd> sorted = new ArrayList<>(asoCrds);
        sorted.sort((a, b) -> a.group().equals(b.group()) ? a.kind().compareTo(b.kind()) : a.group().compareTo(b.group()));
        return new AsoInstallation(asoMarked, String.join(", ", asoVersions), sorted);
    }

    /**
     * Without read access to CRDs, Crossplane's own kinds are listed at their v1 versions, and XR and claim kinds
     * are learnt from the XRDs; MR kinds cannot be found this way and are reported missing.
     */
    static List<ClusterKind> crossplaneCoreKinds() {
        String ext = "apiextensions.crossplane.io";
        String pkg = "pkg.crossplane.io";
        return List.of(
                new ClusterKind(ext, "v1", "CompositeResourceDefinition", "compositeresourcedefinitions", false,
                        ObjectKind.XRD, List.of("crossplane")),
                new ClusterKind(ext, "v1", "Composition", "compositions", false, ObjectKind.COMPOSITION,
                        List.of("crossplane")),
                new ClusterKind(ext, "v1", "CompositionRevision", "compositionrevisions", false,
                        ObjectKind.COMPOSITION_REVISION, List.of("crossplane")),
                new ClusterKind(ext, "v1beta1", "EnvironmentConfig", "environmentconfigs", false,
                        ObjectKind.ENVIRONMENT_CONFIG, List.of("crossplane")),
                new ClusterKind(pkg, "v1", "Provider", "providers", false, ObjectKind.PROVIDER, List.of("crossplane")),
                new ClusterKind(pkg, "v1", "Function", "functions", false, ObjectKind.FUNCTION, List.of("crossplane")));
    }

    /** XR and claim kinds defined by an XRD (used when CRDs cannot be read). */
    static List<ClusterKind> kindsOfXrd(JsonNode xrd) {
        JsonNode spec = xrd.path("spec");
        String group = spec.path("group").asText("");
        String version = "";
        for (JsonNode v : spec.path("versions")) {
            if (v.path("referenceable").asBoolean(false)) {
                version = v.path("name").asText();
            }
        }
        if (version.isEmpty() && spec.path("versions").size() > 0) {
            version = spec.path("versions").get(0).path("name").asText();
        }
        List<ClusterKind> out = new ArrayList<>();
        if (group.isEmpty() || version.isEmpty()) {
            return out;
        }
        boolean legacy = !xrd.path("apiVersion").asText("").endsWith("/v2")
                || !spec.path("scope").asText("Namespaced").equals("Namespaced");
        out.add(new ClusterKind(group, version, spec.path("names").path("kind").asText(),
                spec.path("names").path("plural").asText(), !legacy, ObjectKind.COMPOSITE, List.of("composite")));
        if (spec.path("claimNames").hasNonNull("kind")) {
            out.add(new ClusterKind(group, version, spec.path("claimNames").path("kind").asText(),
                    spec.path("claimNames").path("plural").asText(), true, ObjectKind.CLAIM, List.of("claim")));
        }
        return out;
    }
}
