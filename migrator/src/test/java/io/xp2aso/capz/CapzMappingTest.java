package io.xp2aso.capz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.mapping.MappedResource;
import io.xp2aso.mapping.MappedUnit;
import io.xp2aso.mapping.MappingResult;
import io.xp2aso.migrate.MigrateOptions;
import io.xp2aso.migrate.MigrationPipeline;
import io.xp2aso.model.ComposedResource;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.model.Unit;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.Yaml;
import io.xp2aso.testutil.CapzSchemas;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CapzMapping}: what an AKS cluster and its pools become with --aks-target capz. */
class CapzMappingTest {
    private static final String V2 = "containerservice.azure.m.upbound.io/v1beta1";

    /** The ManagedCluster CAPZ embeds is the one --aks-target aso writes: same fields, Azure name and owner. */
    @Test
    void theEmbeddedManagedClusterIsTheAsoOne() {
        MappingResult aso = run(AksTarget.ASO);
        MappingResult capz = run(AksTarget.CAPZ);
        ObjectNode mc = target(aso, "ManagedCluster");
        ObjectNode cp = target(capz, "AzureASOManagedControlPlane");
        ObjectNode embedded = (ObjectNode) cp.path("spec").path("resources").path(0);
        ObjectNode expected = mc.deepCopy();
        JsonNode profiles = ((ObjectNode) expected.get("spec")).remove("agentPoolProfiles");
        ((ObjectNode) expected.get("metadata")).remove("namespace");
        ((ObjectNode) expected.path("metadata").path("annotations")).put(CapzObjects.CREDENTIAL_FROM, "aso-credential");
        assertEquals(expected, embedded);
        assertEquals("aks-payments", embedded.path("spec").path("azureName").asText());
        assertEquals("payments-resource-group", embedded.path("spec").path("owner").path("name").asText());
        // The default pool: a ManagedClustersAgentPool with the profile's fields, its count on the MachinePool.
        ObjectNode system = named(capz, "AzureASOManagedMachinePool", "payments-cluster-system");
        JsonNode pool = system.path("spec").path("resources").path(0).path("spec");
        assertEquals("system", pool.path("azureName").asText());
        assertEquals("payments-cluster", pool.path("owner").path("name").asText());
        ObjectNode profile = (ObjectNode) profiles.path(0).deepCopy();
        profile.remove(List.of("name", "count"));
        profile.fields().forEachRemaining(e -> assertEquals(e.getValue(), pool.path(e.getKey()), e.getKey()));
        assertTrue(pool.path("count").isMissingNode());
        assertEquals(3, named(capz, "MachinePool", "payments-cluster-system").path("spec").path("replicas").asInt());
        // Node pool MRs: the same agent pool as --aks-target aso, but the count moves to the MachinePool.
        ObjectNode batch = named(aso, "ManagedClustersAgentPool", "payments-batch-pool").deepCopy();
        JsonNode count = ((ObjectNode) batch.get("spec")).remove("count");
        ((ObjectNode) batch.get("metadata")).remove("namespace");
        ((ObjectNode) batch.path("metadata").path("annotations")).put(CapzObjects.CREDENTIAL_FROM, "aso-credential");
        assertEquals(batch, named(capz, "AzureASOManagedMachinePool", "payments-batch-pool").path("spec").path("resources").path(0));
        JsonNode batchPool = named(capz, "MachinePool", "payments-batch-pool");
        assertEquals(count.asInt(), batchPool.path("spec").path("replicas").asInt());
        assertTrue(batchPool.path("metadata").path("annotations").path(CapzObjects.REPLICAS_MANAGED_BY).isMissingNode());
        // The autoscaled pool: replicas managed by the AKS autoscaler, seeded with the count Azure has (3, not the
        // spec's 2), min and max stay on the agent pool.
        JsonNode user = named(capz, "MachinePool", "payments-user-pool");
        assertEquals("aks", user.path("metadata").path("annotations").path(CapzObjects.REPLICAS_MANAGED_BY).asText());
        assertEquals(3, user.path("spec").path("replicas").asInt());
        JsonNode userPool = named(capz, "AzureASOManagedMachinePool", "payments-user-pool").path("spec").path("resources").path(0).path("spec");
        assertEquals(2, userPool.path("minCount").asInt());
        assertEquals(6, userPool.path("maxCount").asInt());
        // Everything else stays plain ASO; nothing ASO-only of the cluster is written beside the CAPZ objects.
        assertEquals(List.of("ResourceGroup", "VirtualNetwork", "VirtualNetworksSubnet", "Cluster", "AzureASOManagedCluster",
                "AzureASOManagedControlPlane", "MachinePool", "AzureASOManagedMachinePool", "MachinePool",
                "AzureASOManagedMachinePool", "MachinePool", "AzureASOManagedMachinePool"), kinds(capz));
        assertEquals(0, named(capz, "AzureASOManagedCluster", "payments-cluster").path("spec").path("resources").size());
    }

    /** The Cluster API objects and what they embed validate against the real CRDs; a wrong field is caught. */
    @Test
    void theOutputValidatesAndAWrongFieldIsCaught() {
        CapzSchemas schemas = new CapzSchemas();
        MappingResult capz = run(AksTarget.CAPZ);
        for (MappedUnit mu : capz.units()) {
            for (MappedResource mr : mu.resources()) {
                for (ObjectNode t : mr.targets()) {
                    assertEquals(List.of(), schemas.validate(t.path("kind").asText(), t));
                }
            }
        }
        ObjectNode pool = named(capz, "MachinePool", "payments-batch-pool").deepCopy();
        ((ObjectNode) pool.get("spec")).put("nodeCount", 2);
        assertFalse(schemas.validate("MachinePool", pool).isEmpty());
        ObjectNode cp = target(capz, "AzureASOManagedControlPlane").deepCopy();
        ((ObjectNode) cp.path("spec").path("resources").path(0).path("spec")).put("nodeCount", 2);
        assertFalse(schemas.validate("AzureASOManagedControlPlane", cp).isEmpty());
    }

    /** The v2 namespaced group converts like the cluster-scoped one; a pool of a cluster not migrated stays ASO. */
    @Test
    void namespacedGroupsConvertAndForeignPoolsStayAso() {
        ObjectNode mc = aso("ManagedCluster", "aks1", "{\"azureName\":\"aks1\",\"owner\":{\"name\":\"rg\"},"
                + "\"agentPoolProfiles\":[{\"name\":\"sys\",\"mode\":\"System\",\"count\":2,\"vmSize\":\"Standard_D2s_v5\"}]}");
        ObjectNode pool = aso("ManagedClustersAgentPool", "aks1-extra", "{\"azureName\":\"extra\",\"owner\":{\"name\":\"aks1\"},"
                + "\"count\":4,\"vmSize\":\"Standard_D2s_v5\"}");
        ObjectNode foreign = aso("ManagedClustersAgentPool", "other-pool", "{\"azureName\":\"other\",\"owner\":{\"armId\":"
                + "\"/subscriptions/s/resourceGroups/r/providers/Microsoft.ContainerService/managedClusters/c\"},\"count\":1}");
        MappingResult out = CapzMapping.apply(unit(
                mapped(mr(V2, "KubernetesCluster", "aks1", null), mc),
                mapped(mr(V2, "KubernetesClusterNodePool", "extra", null), pool),
                mapped(mr("containerservice.azure.upbound.io/v1beta2", "KubernetesClusterNodePool", "other", null), foreign)));
        assertEquals(List.of("Cluster", "AzureASOManagedCluster", "AzureASOManagedControlPlane", "MachinePool",
                "AzureASOManagedMachinePool", "MachinePool", "AzureASOManagedMachinePool", "ManagedClustersAgentPool"), kinds(out));
        assertEquals(4, named(out, "MachinePool", "aks1-extra").path("spec").path("replicas").asInt());
        assertEquals(2, named(out, "MachinePool", "aks1-sys").path("spec").path("replicas").asInt());
        assertEquals("aks1", named(out, "MachinePool", "aks1-extra").path("spec").path("clusterName").asText());
        MappedResource stays = out.units().get(0).resources().get(2);
        assertTrue(stays.findings().stream().anyMatch(f -> f.code().equals("capz-stays-aso")), stays.findings().toString());
        assertEquals(foreign, stays.targets().get(0));
    }

    /** CAPI defaults a MachinePool without replicas to 1: an unknown fixed count is an error, the observed one fills it. */
    @Test
    void anUnknownCountIsAnErrorUnlessObserved() {
        ObjectNode mc = aso("ManagedCluster", "aks1", "{\"owner\":{\"name\":\"rg\"}}");
        ObjectNode pool = aso("ManagedClustersAgentPool", "aks1-extra", "{\"azureName\":\"extra\",\"owner\":{\"name\":\"aks1\"}}");
        MappingResult unknown = CapzMapping.apply(unit(mapped(mr(V2, "KubernetesCluster", "aks1", null), mc),
                mapped(mr(V2, "KubernetesClusterNodePool", "extra", null), pool)));
        List<Finding> f = unknown.units().get(0).resources().get(1).findings();
        assertTrue(f.stream().anyMatch(x -> x.code().equals("capz-replicas-unknown") && x.severity() == Severity.ERROR), f.toString());
        assertNull(named(unknown, "MachinePool", "aks1-extra").path("spec").get("replicas"));
        ObjectNode live = json("{\"apiVersion\":\"" + V2 + "\",\"kind\":\"KubernetesClusterNodePool\",\"metadata\":{\"name\":\"extra\"},"
                + "\"status\":{\"atProvider\":{\"nodeCount\":5}}}");
        MappingResult observed = CapzMapping.apply(unit(mapped(mr(V2, "KubernetesCluster", "aks1", null), mc),
                mapped(mr(V2, "KubernetesClusterNodePool", "extra", live), pool)));
        assertEquals(5, named(observed, "MachinePool", "aks1-extra").path("spec").path("replicas").asInt());
        assertTrue(observed.units().get(0).resources().get(1).findings().stream().noneMatch(x -> x.severity() == Severity.ERROR));
    }

    /** Cluster API keeps <cluster>-kubeconfig for itself: a ManagedCluster writing its kubeconfig there is an error. */
    @Test
    void aKubeconfigSecretClashIsAnError() {
        ObjectNode mc = aso("ManagedCluster", "aks1", "{\"owner\":{\"name\":\"rg\"},\"operatorSpec\":{\"secrets\":"
                + "{\"userCredentials\":{\"name\":\"aks1-kubeconfig\",\"key\":\"kubeconfig\"}}}}");
        MappingResult out = CapzMapping.apply(unit(mapped(mr(V2, "KubernetesCluster", "aks1", null), mc)));
        assertTrue(out.units().get(0).resources().get(0).findings().stream()
                .anyMatch(x -> x.code().equals("capz-kubeconfig-secret") && x.severity() == Severity.ERROR));
    }

    /** Without an AKS cluster the mapping result is returned as it is. */
    @Test
    void nothingChangesWithoutACluster() {
        MappingResult in = unit(mapped(mr("azure.upbound.io/v1beta1", "ResourceGroup", "rg", null),
                json("{\"apiVersion\":\"resources.azure.com/v1api20200601\",\"kind\":\"ResourceGroup\",\"metadata\":{\"name\":\"rg\",\"namespace\":\"ns\"}}")));
        assertTrue(in == CapzMapping.apply(in));
        assertEquals(AksTarget.CAPZ, AksTarget.parse("CAPZ"));
        assertNull(AksTarget.parse("cluster-api"));
    }

    // --- helpers

    private static MappingResult run(AksTarget target) {
        var root = Shared.repoRoot();
        var sources = SourceReader.read(List.of(root.resolve("samples/aks/crossplane").toString()), null);
        var observed = SourceReader.read(List.of(root.resolve("samples/aks/observed.yaml").toString()), null);
        return MigrationPipeline.standard().run(sources, MigrateOptions.defaults()
                .withObserved(new ObservedIndex(observed.manifests())).withAksTarget(target)).mapped();
    }

    private static List<ObjectNode> targets(MappingResult r) {
        List<ObjectNode> out = new ArrayList<>();
        r.units().forEach(u -> u.resources().forEach(m -> out.addAll(m.targets())));
        return out;
    }

    private static List<String> kinds(MappingResult r) {
        return targets(r).stream().map(t -> t.path("kind").asText()).toList();
    }

    private static ObjectNode target(MappingResult r, String kind) {
        return targets(r).stream().filter(t -> t.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    private static ObjectNode named(MappingResult r, String kind, String name) {
        return targets(r).stream().filter(t -> t.path("kind").asText().equals(kind)
                && t.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(kind + " " + name + " in " + kinds(r)));
    }

    private static ObjectNode aso(String kind, String name, String spec) {
        return json("{\"apiVersion\":\"containerservice.azure.com/v1api20250801\",\"kind\":\"" + kind + "\",\"metadata\":"
                + "{\"name\":\"" + name + "\",\"namespace\":\"ns\",\"annotations\":{\"serviceoperator.azure.com/reconcile-policy\":"
                + "\"skip\"}},\"spec\":" + spec + "}");
    }

    private static ComposedResource mr(String apiVersion, String kind, String name, ObjectNode live) {
        ObjectNode o = json("{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"" + name + "\"}}");
        return new ComposedResource(name, o, Origin.UNKNOWN, live == null ? null : new Manifest(live, Origin.UNKNOWN));
    }

    private static MappedResource mapped(ComposedResource r, ObjectNode target) {
        return new MappedResource(r, List.of(target), List.of(), List.of());
    }

    private static MappingResult unit(MappedResource... resources) {
        List<ComposedResource> rs = java.util.Arrays.stream(resources).map(MappedResource::source).toList();
        Unit u = new Unit("ns/u", "ns", "u", null, null, null, "", rs, List.of());
        return new MappingResult(List.of(new MappedUnit(u, List.of(resources))), List.of());
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) Yaml.YAML.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
