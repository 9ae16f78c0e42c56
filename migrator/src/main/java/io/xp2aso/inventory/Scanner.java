package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.xp2aso.model.ObjectKind;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scans a live cluster, read-only: discovers the Crossplane kinds from CRDs, lists each kind page by page and
 * keeps a summary of every object. With a namespace, namespaced kinds are listed in it only, and
 * cluster-scoped XRs and MRs are those labelled {@code crossplane.io/claim-namespace=NS} (selected by the
 * API server); cluster-wide configuration (XRDs, Compositions, packages, ProviderConfigs) is always listed.
 */
public final class Scanner {
    public static final long DEFAULT_PAGE_SIZE = 500;

    /** The order in which roles are listed: configuration first, then claims, XRs and MRs. */
    private static final List<ObjectKind> ORDER = List.of(ObjectKind.XRD, ObjectKind.COMPOSITION,
            ObjectKind.COMPOSITION_REVISION, ObjectKind.ENVIRONMENT_CONFIG, ObjectKind.PROVIDER, ObjectKind.FUNCTION,
            ObjectKind.PROVIDER_CONFIG, ObjectKind.CLAIM, ObjectKind.COMPOSITE, ObjectKind.MANAGED, ObjectKind.OTHER);

    private final KubernetesClient client;
    private final String context;
    private final String namespace;
    private final PrintWriter progress;
    private final PagedLister lister;

    public Scanner(KubernetesClient client, String context, String namespace, long pageSize, PrintWriter progress) {
        this.client = client;
        this.context = context == null ? "" : context;
        this.namespace = namespace;
        this.progress = progress;
        this.lister = new PagedLister(client, pageSize, progress);
    }

    public Inventory scan() {
        List<UnlistedKind> unlisted = new ArrayList<>();
        List<KindCount> counts = new ArrayList<>();
        KindDiscovery discovery = new KindDiscovery();
        PagedLister.Result crds = lister.list(KindDiscovery.CRDS, null, null, discovery::accept);
        progress.printf("scan: %s: %d%n", KindDiscovery.CRDS.resource(), crds.count());
        List<ClusterKind> kinds = new ArrayList<>(discovery.kinds());
        boolean crdsDenied = crds.failure() != null;
        if (crdsDenied && crds.failure().status() == 404) {
            // Every Kubernetes API server serves apiextensions.k8s.io/v1; an empty inventory would read as "nothing here".
            throw new ClusterException("cluster:" + client.getMasterUrl(), "the server answered 404 Not Found for "
                    + "/apis/apiextensions.k8s.io/v1/customresourcedefinitions: it is not a Kubernetes API server "
                    + "(check the server URL of the kubeconfig's context)", null);
        }
        if (crdsDenied) {
            unlisted.add(crds.failure());
            kinds = new ArrayList<>(KindDiscovery.crossplaneCoreKinds());
        }
        kinds.sort(Comparator.comparing((ClusterKind k) -> ORDER.indexOf(k.role()))
                .thenComparing(ClusterKind::group).thenComparing(ClusterKind::kind));

        Collected c = new Collected();
        for (int i = 0; i < kinds.size(); i++) {
            ClusterKind kind = kinds.get(i);
            List<ClusterKind> learnt = new ArrayList<>();
            PagedLister.Result r = lister.list(kind, listNamespace(kind), labelSelector(kind), o -> {
                c.add(kind.role(), o);
                if (crdsDenied && kind.role() == ObjectKind.XRD) {
                    learnt.addAll(KindDiscovery.kindsOfXrd(o));
                }
            });
            if (!learnt.isEmpty()) {
                // Insert XR and claim kinds learnt from XRDs in their place in the listing order.
                kinds.addAll(learnt);
                List<ClusterKind> rest = new ArrayList<>(kinds.subList(i + 1, kinds.size()));
                rest.sort(Comparator.comparing((ClusterKind k) -> ORDER.indexOf(k.role())));
                kinds = new ArrayList<>(kinds.subList(0, i + 1));
                kinds.addAll(rest);
            }
            if (r.failure() != null) {
                unlisted.add(r.failure());
                progress.printf("scan: %s: not listed (%d %s)%n", kind.resource(), r.failure().status(),
                        r.failure().denied() ? "forbidden" : "error");
            } else {
                progress.printf("scan: %s: %d%n", kind.resource(), r.count());
            }
            progress.flush();
            counts.add(new KindCount(kind, r.count(), r.pages()));
        }
        return new Inventory(new ClusterInfo(client.getMasterUrl().toString(), context,
                namespace == null ? "" : namespace), counts, unlisted, discovery.aso(),
                sorted(c.xrds, Comparator.comparing(XrdSummary::name)),
                sorted(c.compositions, Comparator.comparing(CompositionSummary::compositionName)
                        .thenComparing(CompositionSummary::isRevision).thenComparingLong(CompositionSummary::revision)
                        .thenComparing(CompositionSummary::name)),
                sorted(c.environmentConfigs, Comparator.comparing(EnvironmentConfigSummary::name)),
                sorted(c.providers, Comparator.comparing(PackageSummary::name)),
                sorted(c.functions, Comparator.comparing(PackageSummary::name)),
                sorted(c.providerConfigs, Comparator.comparing(ProviderConfigSummary::ref)),
                sorted(c.claims, Comparator.comparing(ResourceSummary::ref)),
                sorted(c.composites, Comparator.comparing(ResourceSummary::ref)),
                sorted(c.managed, Comparator.comparing(ResourceSummary::ref)),
                sorted(c.aks, Comparator.comparing(AksFacts::ref)), discovery.capz());
    }

    private String listNamespace(ClusterKind kind) {
        return kind.namespaced() ? namespace : null;
    }

    private String labelSelector(ClusterKind kind) {
        if (namespace == null || kind.namespaced()) {
            return null;
        }
        if (kind.role() == ObjectKind.COMPOSITE || kind.role() == ObjectKind.MANAGED) {
            return "crossplane.io/claim-namespace=" + namespace;
        }
        return null;
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        list.sort(order);
        return list;
    }

    /** Summaries by role, built as pages arrive. */
    private static final class Collected {
        final List<XrdSummary> xrds = new ArrayList<>();
        final List<CompositionSummary> compositions = new ArrayList<>();
        final List<EnvironmentConfigSummary> environmentConfigs = new ArrayList<>();
        final List<PackageSummary> providers = new ArrayList<>();
        final List<PackageSummary> functions = new ArrayList<>();
        final List<ProviderConfigSummary> providerConfigs = new ArrayList<>();
        final List<ResourceSummary> claims = new ArrayList<>();
        final List<ResourceSummary> composites = new ArrayList<>();
        final List<ResourceSummary> managed = new ArrayList<>();
        final List<AksFacts> aks = new ArrayList<>();

        void add(ObjectKind role, JsonNode o) {
            switch (role) {
                case XRD -> xrds.add(Summaries.xrd(o));
                case COMPOSITION, COMPOSITION_REVISION -> compositions.add(Summaries.composition(o));
                case ENVIRONMENT_CONFIG -> environmentConfigs.add(Summaries.environmentConfig(o));
                case PROVIDER -> providers.add(Summaries.pkg(o));
                case FUNCTION -> functions.add(Summaries.pkg(o));
                case PROVIDER_CONFIG -> providerConfigs.add(Summaries.providerConfig(o));
                case CLAIM -> claims.add(Summaries.resource(o, role));
                case COMPOSITE -> composites.add(Summaries.resource(o, role));
                case MANAGED -> {
                    ResourceSummary r = Summaries.resource(o, role);
                    managed.add(r);
                    AksFacts f = AksFacts.of(o, r.ref(), r.compositeLabel());
                    if (f != null) {
                        aks.add(f);
                    }
                }
                default -> {
                    // Other Crossplane kinds are only counted.
                }
            }
        }
    }
}
