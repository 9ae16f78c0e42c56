package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AKS (KubernetesCluster, KubernetesClusterNodePool) and RoleAssignment in the built-in catalog: fixture
 * mapping/aks/input.yaml. Every generated object validates against the real ASO CRD; key values are checked one by one.
 */
class AksMappingTest {
    static final String SUB = NetworkMappingTest.SUBSCRIPTION;
    static final Set<String> KINDS = Set.of("containerservice.azure.upbound.io/KubernetesCluster",
            "containerservice.azure.upbound.io/KubernetesClusterNodePool", "authorization.azure.upbound.io/RoleAssignment");

    private static List<MappedResource> map() {
        MappingResult r = Mapper.map(Fixtures.compose("aks/input.yaml", ObservedIndex.EMPTY), Fixtures.builtIn(),
                ObservedIndex.EMPTY, new MapOptions(null, SUB, Map.of()));
        List<MappedResource> out = new ArrayList<>();
        r.units().forEach(u -> out.addAll(u.resources()));
        return out;
    }

    private static ObjectNode target(List<MappedResource> all, String kind, String name) {
        return all.stream().flatMap(m -> m.targets().stream())
                .filter(t -> t.path("kind").asText().equals(kind) && t.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    @Test
    void everyTargetValidatesAndNothingIsUnmapped() {
        List<MappedResource> all = map();
        int targets = 0;
        for (MappedResource m : all) {
            String name = m.source().object().path("metadata").path("name").asText();
            assertEquals(List.of(), m.unmapped(), name);
            List<String> bad = m.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR || f.severity() == Severity.UNMAPPED)
                    .map(f -> f.code() + ": " + f.message()).toList();
            assertEquals(List.of(), bad, name);
            for (ObjectNode t : m.targets()) {
                targets++;
                List<SchemaValidator.Problem> problems = NetworkMappingTest.validator().validate(t);
                assertTrue(problems.isEmpty(), t.path("kind").asText() + "/" + name + " does not validate: " + problems);
            }
        }
        assertEquals(5, targets, "resource group, cluster, node pool, two role assignments");
    }

    @Test
    void clusterCoreFields() {
        JsonNode spec = target(map(), "ManagedCluster", "aks-prod").path("spec");
        assertEquals("containerservice.azure.com/v1api20250801", target(map(), "ManagedCluster", "aks-prod").path("apiVersion").asText());
        assertEquals("aks-prod", spec.path("azureName").asText());
        assertEquals("aks-rg", spec.path("owner").path("name").asText());
        assertEquals("West Europe", spec.path("location").asText());
        assertEquals("aksprod", spec.path("dnsPrefix").asText());
        assertEquals("1.31", spec.path("kubernetesVersion").asText());
        assertEquals("Standard", spec.path("sku").path("tier").asText());
        assertEquals("Base", spec.path("sku").path("name").asText());
        assertEquals("MC_aks-prod", spec.path("nodeResourceGroup").asText());
        assertTrue(spec.path("oidcIssuerProfile").path("enabled").asBoolean());
        assertTrue(spec.path("securityProfile").path("workloadIdentity").path("enabled").asBoolean());
        assertTrue(spec.path("disableLocalAccounts").asBoolean());
        assertTrue(spec.path("apiServerAccessProfile").path("enablePrivateCluster").asBoolean());
        assertTrue(spec.path("apiServerAccessProfile").path("disableRunCommand").asBoolean());
        assertEquals("system", spec.path("apiServerAccessProfile").path("privateDNSZone").asText(), "the AKS API spells it system");
        assertEquals("patch", spec.path("autoUpgradeProfile").path("upgradeChannel").asText());
        assertEquals("NodeImage", spec.path("autoUpgradeProfile").path("nodeOSUpgradeChannel").asText());
        assertEquals("SystemAssigned", spec.path("identity").path("type").asText());
        JsonNode aad = spec.path("aadProfile");
        assertTrue(aad.path("managed").asBoolean());
        assertTrue(aad.path("enableAzureRBAC").asBoolean());
        assertEquals("11111111-2222-3333-4444-555555555555", aad.path("adminGroupObjectIDs").path(0).asText());
        assertEquals("00000000-aaaa-bbbb-cccc-000000000000", aad.path("tenantID").asText());
        assertEquals("prod", spec.path("tags").path("env").asText());
        assertEquals("azureuser", spec.path("linuxProfile").path("adminUsername").asText());
        assertTrue(spec.path("linuxProfile").path("ssh").path("publicKeys").path(0).path("keyData").asText().startsWith("ssh-rsa "));
        assertTrue(spec.path("storageProfile").path("blobCSIDriver").path("enabled").asBoolean());
    }

    @Test
    void clusterDefaultNodePoolIsTheFirstSystemProfile() {
        JsonNode pools = target(map(), "ManagedCluster", "aks-prod").path("spec").path("agentPoolProfiles");
        assertEquals(1, pools.size());
        JsonNode p = pools.path(0);
        assertEquals("system", p.path("name").asText());
        assertEquals("System", p.path("mode").asText());
        assertEquals("Standard_D4s_v5", p.path("vmSize").asText());
        assertEquals(3, p.path("count").asInt());
        assertTrue(p.path("count").isIntegralNumber());
        assertTrue(p.path("enableAutoScaling").asBoolean());
        assertEquals(6, p.path("maxCount").asInt());
        assertEquals("[\"CriticalAddonsOnly=true:NoSchedule\"]", p.path("nodeTaints").toString());
        assertEquals("Ephemeral", p.path("osDiskType").asText());
        assertEquals(128, p.path("osDiskSizeGB").asInt());
        assertEquals("[\"1\",\"2\",\"3\"]", p.path("availabilityZones").toString());
        assertEquals("/subscriptions/" + SUB + "/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/aks",
                p.path("vnetSubnetReference").path("armId").asText());
        assertEquals("33%", p.path("upgradeSettings").path("maxSurge").asText());
        assertEquals("32768 60999", p.path("linuxOSConfig").path("sysctls").path("netIpv4IpLocalPortRange").asText());
        assertEquals(262144, p.path("linuxOSConfig").path("sysctls").path("vmMaxMapCount").asInt());
    }

    @Test
    void clusterNetworkAutoscalerAndAddons() {
        JsonNode spec = target(map(), "ManagedCluster", "aks-prod").path("spec");
        JsonNode n = spec.path("networkProfile");
        assertEquals("azure", n.path("networkPlugin").asText());
        assertEquals("overlay", n.path("networkPluginMode").asText());
        assertEquals("cilium", n.path("networkPolicy").asText());
        assertEquals("cilium", n.path("networkDataplane").asText());
        assertEquals("10.0.0.10", n.path("dnsServiceIP").asText());
        assertEquals(2, n.path("loadBalancerProfile").path("managedOutboundIPs").path("count").asInt());
        JsonNode a = spec.path("autoScalerProfile");
        assertEquals("true", a.path("balance-similar-node-groups").asText());
        assertEquals("3", a.path("ok-total-unready-count").asText());
        assertEquals("45", a.path("max-total-unready-percentage").asText());
        assertEquals("0.5", a.path("scale-down-utilization-threshold").asText());
        JsonNode addons = spec.path("addonProfiles");
        assertTrue(addons.path("azurepolicy").path("enabled").asBoolean());
        assertTrue(addons.path("azureKeyvaultSecretsProvider").path("enabled").asBoolean());
        assertEquals("true", addons.path("azureKeyvaultSecretsProvider").path("config").path("enableSecretRotation").asText());
        assertEquals("2m", addons.path("azureKeyvaultSecretsProvider").path("config").path("rotationPollInterval").asText());
        assertEquals("true", addons.path("omsagent").path("config").path("useAADAuth").asText());
        assertTrue(addons.path("omsagent").path("config").path("logAnalyticsWorkspaceResourceID").asText().endsWith("/workspaces/ops"));
    }

    @Test
    void maintenanceWindowIsReportedNotDropped() {
        MappedResource cluster = map().stream()
                .filter(m -> m.source().object().path("metadata").path("name").asText().equals("aks-prod")).findFirst().orElseThrow();
        List<String> warnings = cluster.findings().stream().filter(f -> f.severity() == Severity.WARNING)
                .map(f -> f.code() + ": " + f.message()).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("ignored-field: forProvider.maintenanceWindow")), warnings.toString());
    }

    @Test
    void nodePoolOwnedByItsMigratedCluster() {
        ObjectNode pool = target(map(), "ManagedClustersAgentPool", "user1");
        JsonNode spec = pool.path("spec");
        assertEquals("user1", spec.path("azureName").asText());
        assertEquals("aks-prod", spec.path("owner").path("name").asText());
        assertEquals("User", spec.path("mode").asText());
        assertEquals("Spot", spec.path("scaleSetPriority").asText());
        assertEquals("Delete", spec.path("scaleSetEvictionPolicy").asText());
        assertEquals(-1, spec.path("spotMaxPrice").asInt());
        assertEquals(2, spec.path("count").asInt());
        assertEquals("AzureLinux", spec.path("osSKU").asText());
        assertEquals("batch", spec.path("nodeLabels").path("workload").asText());
        assertEquals(false, spec.path("windowsProfile").path("disableOutboundNat").asBoolean(true));
        assertEquals(4096, spec.path("kubeletConfig").path("podMaxPids").asInt());
        assertEquals("static", spec.path("kubeletConfig").path("cpuManagerPolicy").asText());
        assertEquals(30, spec.path("upgradeSettings").path("drainTimeoutInMinutes").asInt());
    }

    @Test
    void roleAssignmentsKeepTheirGuidAndAreOwnedByTheirScope() {
        List<MappedResource> all = map();
        JsonNode acr = target(all, "RoleAssignment", "aks-acr-pull").path("spec");
        assertEquals("6f2c1d5e-0a43-4a53-9d41-2b1f0c3e7a10", acr.path("azureName").asText());
        assertEquals("/subscriptions/" + SUB + "/resourceGroups/aks-rg/providers/Microsoft.ContainerRegistry/registries/acrprod",
                acr.path("owner").path("armId").asText());
        assertEquals("AcrPull", acr.path("roleDefinitionReference").path("wellKnownName").asText());
        assertEquals("ServicePrincipal", acr.path("principalType").asText());
        assertEquals("9a8b7c6d-1111-2222-3333-444455556666", acr.path("principalId").asText());

        JsonNode ops = target(all, "RoleAssignment", "ops-reader").path("spec");
        assertEquals("2d7a9f4e-5c3b-4e21-8f60-7b1a2c3d4e5f", ops.path("azureName").asText(), "the GUID of the external name");
        assertEquals("/subscriptions/" + SUB + "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7",
                ops.path("roleDefinitionReference").path("armId").asText());
        assertEquals("ops team reads the cluster resource group", ops.path("description").asText());
    }

    @Test
    void eachKindCoversAtLeastNinetyPercentOfForProvider() {
        CrdStore upjet = new CrdStore(Shared.reference().resolve("upjet-azure/crds"));
        List<Coverage.Row> rows = Coverage.run(Fixtures.builtIn(), upjet).stream().filter(r -> KINDS.contains(r.kind())).toList();
        assertEquals(KINDS, rows.stream().map(Coverage.Row::kind).collect(Collectors.toSet()));
        for (Coverage.Row r : rows) {
            assertTrue(r.share() >= 0.9, r.kind() + " " + r.version() + " covers " + Math.round(r.share() * 100)
                    + "% of forProvider; unmapped: " + r.unmapped());
        }
    }
}
