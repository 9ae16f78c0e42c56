package io.xp2aso.inventory;

import java.util.Set;

/** The mapping catalog as the scan tests see it: which MR kinds map to ASO (Synapse workspaces do not). */
final class TestCatalog {
    static final Set<String> MAPPED = Set.of("azure.upbound.io/ResourceGroup", "network.azure.upbound.io/VirtualNetwork",
            "network.azure.upbound.io/Subnet", "storage.azure.upbound.io/Account", "storage.azure.upbound.io/Container",
            "keyvault.azure.upbound.io/Vault");

    static final KindSupport SUPPORT = (apiVersion, kind) ->
            MAPPED.contains(apiVersion.substring(0, Math.max(0, apiVersion.indexOf('/'))) + "/" + kind);

    private TestCatalog() {
    }
}
