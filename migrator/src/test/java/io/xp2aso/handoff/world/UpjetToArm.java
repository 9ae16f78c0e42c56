package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the emulated provider (Terraform) writes to Azure for an MR's upjet-shaped parameters: ARM properties, in ASO's
 * flattened naming (no {@code properties} wrapper), as real Azure would hold them. Written independently of the
 * mapping catalog, so the fake Azure does not simply echo what the mapper produced.
 * <ul>
 * <li>Terraform arguments that only name the resource's parents (resourceGroupName, storageAccountName, ...) are part
 * of the ARM ID, not properties: dropped.</li>
 * <li>Arguments whose ARM name or shape differs are renamed, for the kinds the test worlds use (below).</li>
 * <li>Anything else keeps its name: the hand-written worlds already use ARM names in forProvider.</li>
 * </ul>
 */
final class UpjetToArm {
    private UpjetToArm() {
    }

    /** Terraform arguments that are segments of the ARM ID. */
    private static final Set<String> ID_ONLY = Set.of("resourceGroupName", "storageAccountName", "storageAccountId",
            "virtualNetworkName", "serverId", "serverName", "name", "accountName", "networkSecurityGroupName");

    /** A blob container's ARM publicAccess by Terraform's containerAccessType. */
    private static final Map<String, String> CONTAINER_ACCESS = Map.of("private", "None", "blob", "Blob",
            "container", "Container");

    static ObjectNode properties(String upjetKind, JsonNode params) {
        ObjectNode out = io.xp2aso.source.Yaml.JSON.createObjectNode();
        if (!params.isObject()) {
            return out;
        }
        if (ASSOCIATIONS.containsKey(upjetKind)) {
            return associationOnSubnet(upjetKind, params).orElseThrow();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (ID_ONLY.contains(k) || k.endsWith("Ref") || k.endsWith("Selector") || k.equals("id")) {
                continue;
            }
            switch (upjetKind + "." + k) {
                case "VirtualNetwork.addressSpace" -> out.with("addressSpace").set("addressPrefixes", v.deepCopy());
                case "VirtualNetwork.dnsServers" -> out.with("dhcpOptions").set("dnsServers", v.deepCopy());
                case "Account.accountKind" -> out.set("kind", v.deepCopy());
                case "Account.accountTier", "Account.accountReplicationType" -> out.with("sku").put("name",
                        params.path("accountTier").asText("Standard") + "_" + params.path("accountReplicationType").asText("LRS"));
                case "Account.minTlsVersion" -> out.put("minimumTlsVersion", v.asText());
                case "KubernetesCluster.skuTier" -> out.with("sku").put("name", "Base").put("tier", v.asText());
                case "KubernetesCluster.oidcIssuerEnabled" -> out.with("oidcIssuerProfile").set("enabled", v.deepCopy());
                case "KubernetesCluster.workloadIdentityEnabled" -> out.with("securityProfile").with("workloadIdentity")
                        .set("enabled", v.deepCopy());
                case "KubernetesCluster.networkProfile" -> out.set("networkProfile", renamed(v, Map.of("dnsServiceIp",
                        "dnsServiceIP")));
                case "KubernetesClusterNodePool.nodeCount" -> out.set("count", v.deepCopy());
                case "KubernetesClusterNodePool.zones" -> out.set("availabilityZones", v.deepCopy());
                case "KubernetesClusterNodePool.autoScalingEnabled", "KubernetesClusterNodePool.enableAutoScaling" ->
                        out.set("enableAutoScaling", v.deepCopy());
                case "KubernetesClusterNodePool.vnetSubnetId" -> out.set("vnetSubnetID", v.deepCopy());
                case "KubernetesClusterNodePool.podSubnetId" -> out.set("podSubnetID", v.deepCopy());
                case "KubernetesClusterNodePool.onlyCriticalAddonsEnabled" -> {
                    if (v.asBoolean(false)) {
                        out.withArray("nodeTaints").add("CriticalAddonsOnly=true:NoSchedule");
                    }
                }
                case "KubernetesClusterNodePool.kubernetesClusterId", "KubernetesCluster.defaultNodePool" -> {
                    // the pool's parent is in its ARM ID; the default pool is an agentPools resource of its own
                }
                // Terraform's inline subnet and rule blocks (empty when the children are MRs of their own): ARM lists
                // the child resources there, which the fake Azure holds as resources of their own.
                case "VirtualNetwork.subnet", "SecurityGroup.securityRule" -> {
                }
                case "VirtualNetwork.guid" -> out.set("resourceGuid", v.deepCopy());
                case "Subnet.defaultOutboundAccessEnabled" -> out.set("defaultOutboundAccess", v.deepCopy());
                // azurerm 4.x writes the policy as Azure spells it; the older boolean names mean Enabled/Disabled,
                // and enforcePrivateLinkEndpointNetworkPolicies=true means the policies are enforced (Enabled).
                case "Subnet.privateEndpointNetworkPoliciesEnabled", "Subnet.enforcePrivateLinkEndpointNetworkPolicies" ->
                        out.put("privateEndpointNetworkPolicies", v.asBoolean() ? "Enabled" : "Disabled");
                case "Subnet.privateLinkServiceNetworkPoliciesEnabled" ->
                        out.put("privateLinkServiceNetworkPolicies", v.asBoolean() ? "Enabled" : "Disabled");
                case "Subnet.enforcePrivateLinkServiceNetworkPolicies" ->
                        out.put("privateLinkServiceNetworkPolicies", v.asBoolean() ? "Enabled" : "Disabled");
                case "Subnet.serviceEndpoints" -> {
                    ArrayNode eps = out.putArray("serviceEndpoints");
                    v.forEach(ep -> eps.addObject().put("service", ep.asText()));
                }
                // A delegation's actions are read-only in the API (Azure derives them from the service) and no PUT
                // changes them: left out here, as ARM's top-level read-only properties are kept by ArmPut.
                case "Subnet.delegation" -> {
                    ArrayNode ds = out.putArray("delegations");
                    for (JsonNode d : v) {
                        ds.addObject().put("name", d.path("name").asText())
                                .put("serviceName", d.path("serviceDelegation").path(0).path("name").asText());
                    }
                }
                case "Container.containerAccessType" -> out.put("publicAccess",
                        CONTAINER_ACCESS.getOrDefault(v.asText().toLowerCase(Locale.ROOT), v.asText()));
                default -> out.set(k, v.deepCopy());
            }
        }
        return out;
    }

    /** upjet kinds that are not Azure resources but a property of one: the association sets a reference on the subnet. */
    private static final Map<String, String> ASSOCIATIONS = Map.of(
            "SubnetNetworkSecurityGroupAssociation", "networkSecurityGroup:networkSecurityGroupId",
            "SubnetRouteTableAssociation", "routeTable:routeTableId",
            "SubnetNatGatewayAssociation", "natGateway:natGatewayId");

    /**
     * What an association MR writes to Azure: its ID is the subnet's, and Terraform PUTs the subnet with the reference
     * set ({@code networkSecurityGroup.id}, ...). Empty for any other kind.
     */
    static Optional<ObjectNode> associationOnSubnet(String upjetKind, JsonNode params) {
        String spec = ASSOCIATIONS.get(upjetKind);
        if (spec == null) {
            return Optional.empty();
        }
        String[] parts = spec.split(":");
        ObjectNode out = io.xp2aso.source.Yaml.JSON.createObjectNode();
        out.with(parts[0]).put("id", params.path(parts[1]).asText());
        return Optional.of(out);
    }

    /**
     * The default node pool Terraform writes with a KubernetesCluster, as the agentPools resource Azure keeps for it:
     * its ARM ID below the cluster's and its properties (the pool's arguments, the observed ones over the desired).
     */
    static Optional<Map.Entry<String, ObjectNode>> defaultPool(String upjetKind, JsonNode forProvider, JsonNode atProvider) {
        JsonNode desired = forProvider.path("defaultNodePool");
        if (!upjetKind.equals("KubernetesCluster") || !desired.isObject() || !atProvider.hasNonNull("id")) {
            return Optional.empty();
        }
        ObjectNode pool = ((ObjectNode) desired).deepCopy();
        if (atProvider.path("defaultNodePool").isObject()) {
            pool.setAll(((ObjectNode) atProvider.path("defaultNodePool")).deepCopy());
        }
        ObjectNode props = properties("KubernetesClusterNodePool", pool);
        props.put("mode", "System");
        return Optional.of(Map.entry(atProvider.path("id").asText() + "/agentPools/" + pool.path("name").asText(), props));
    }

    private static ObjectNode renamed(JsonNode v, Map<String, String> names) {
        ObjectNode out = io.xp2aso.source.Yaml.JSON.createObjectNode();
        v.fields().forEachRemaining(e -> out.set(names.getOrDefault(e.getKey(), e.getKey()), e.getValue().deepCopy()));
        return out;
    }
}
