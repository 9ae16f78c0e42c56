package io.xp2aso.inventory;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mapping catalog as the scan tests see it: which MR kinds map to ASO (Synapse workspaces do not), and the
 * ASO kinds and versions some of them are written as. The mock cluster serves ResourceGroup and StorageAccount
 * (resources.azure.com v1api20200601/v20200601, storage.azure.com v1api20230101/v20230101) and no other ASO kind.
 */
final class TestCatalog {
    static final Set<String> MAPPED = Set.of("azure.upbound.io/ResourceGroup", "network.azure.upbound.io/VirtualNetwork",
            "network.azure.upbound.io/Subnet", "storage.azure.upbound.io/Account", "storage.azure.upbound.io/Container",
            "keyvault.azure.upbound.io/Vault");

    static final Map<String, List<KindSupport.AsoTarget>> TARGETS = Map.of(
            // No version the catalog writes is served: aso-version-not-served.
            "azure.upbound.io/ResourceGroup", List.of(new KindSupport.AsoTarget("resources.azure.com", "ResourceGroup",
                    List.of("v1api20240301"))),
            // The preferred version is not served, the alternative is.
            "storage.azure.upbound.io/Account", List.of(new KindSupport.AsoTarget("storage.azure.com", "StorageAccount",
                    List.of("v20240101", "v1api20230101"))),
            // No CRD at all: aso-crd-missing.
            "storage.azure.upbound.io/Container", List.of(new KindSupport.AsoTarget("storage.azure.com",
                    "StorageAccountsBlobServicesContainer", List.of("v1api20230101"))));

    static final KindSupport SUPPORT = new KindSupport() {
        @Override
        public boolean hasMapping(String apiVersion, String kind) {
            return MAPPED.contains(key(apiVersion, kind));
        }

        @Override
        public List<AsoTarget> targets(String apiVersion, String kind) {
            return TARGETS.getOrDefault(key(apiVersion, kind), List.of());
        }
    };

    private static String key(String apiVersion, String kind) {
        return apiVersion.substring(0, Math.max(0, apiVersion.indexOf('/'))) + "/" + kind;
    }

    private TestCatalog() {
    }
}
