package io.xp2aso.mapping;

import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * References to parts of a resource that have no Kubernetes object of their own (a load balancer's frontend IP
 * configuration by name: `subResource`; its pools and probes, folded into it: `armIdPath`) become ARM IDs below the
 * parent's. The happy path, with ARM IDs built from names, is the network/loadbalancer golden of
 * NetworkFamilyMappingTest; these are the keys' checks and what happens when an ID cannot be built.
 */
class SubResourceReferencesTest {
    private static final String MERGE = """
            source: {group: network.azure.upbound.io, kind: LoadBalancerProbe}
            mergeInto:
              kind: network.azure.upbound.io/LoadBalancer
              via: loadbalancerId
              target: loadBalancer
              rules:
                - {to: probes, append: true, fields: [{to: name, format: '{azureName}'}]}
            """;
    private static final String TARGET = """
            source: {group: network.azure.upbound.io, kind: LoadBalancerNatRule}
            targets:
              - id: natRule
                apiVersion: network.azure.com/v20250301
                kind: LoadBalancersInboundNatRule
                rules:
            """;

    private static String error(String yaml) {
        return assertThrows(InputException.class, () -> CatalogParser.parse("m.yaml", yaml)).render();
    }

    @Test
    void theKeysParseAndMistakesNameTheLine() {
        KindMapping probe = CatalogParser.parse("m.yaml", MERGE + "armIdPath: /probes/{azureName}\n");
        assertEquals("/probes/{azureName}", probe.armIdPath());
        KindMapping rule = CatalogParser.parse("m.yaml", TARGET + """
                      - from: frontendIpConfigurationName
                        to: frontendIPConfiguration.reference
                        subResource: {from: loadbalancerId, kind: network.azure.upbound.io/LoadBalancer, path: '/frontendIPConfigurations/{value}'}
                """);
        SubResourceSpec sub = rule.targets().get(0).rules().get(0).subResource();
        assertEquals(List.of("loadbalancerId"), sub.parent().from());
        assertEquals("/frontendIPConfigurations/{value}", sub.path());
        assertTrue(ConsumedPaths.of(rule).containsAll(List.of("frontendIpConfigurationName", "loadbalancerId",
                "loadbalancerIdRef", "loadbalancerIdSelector")), ConsumedPaths.of(rule).toString());

        assertTrue(error(MERGE + "armIdPath: /probes/x\n").contains("m.yaml:8: armIdPath is a path starting with `/` that names {azureName}"));
        assertTrue(error(MERGE + "armIdPath: /probes/{azureName}/{value}\n").contains("names only {azureName} and {subscription}"));
        assertTrue(error(TARGET + "      - {from: a, to: b}\narmIdPath: /x/{azureName}\n")
                .contains("a relative armIdPath is appended to the parent's ARM ID"));
        String rel = TARGET + "      - {from: a, to: b}\narmIdPath: /subscriptions/{subscription}/x/{azureName}\n";
        assertEquals("/subscriptions/{subscription}/x/{azureName}", CatalogParser.parse("m.yaml", rel).armIdPath());
        assertTrue(error(TARGET + "      - {from: a, to: b, subResource: {from: lb, kind: network.azure.upbound.io/LoadBalancer, path: /x}}\n")
                .contains("names {value}"));
        assertTrue(error(TARGET + "      - {from: a, to: b, subResource: {from: lb, kind: '*', path: '/x/{value}'}}\n")
                .contains("`kind` must be a cluster-scoped upjet GROUP/Kind"));
        assertTrue(error(TARGET + "      - {from: a, to: b, subResource: {kind: network.azure.upbound.io/LoadBalancer, path: '/x/{value}'}}\n")
                .contains("`subResource` is {from: FIELD"));
        assertTrue(error(TARGET + "      - {from: a, to: b, reference: {kind: '*'}, subResource: {from: lb, kind: network.azure.upbound.io/LoadBalancer, path: '/x/{value}'}}\n")
                .contains("does not combine"));
    }

    @Test
    void aPartOfTheMrsOwnResourceNeedsTheFilesArmIdPath() {
        String self = TARGET + """
                      - {from: a, to: b, subResource: {path: '/ipConfigurations/{value}', plain: true}}
                """;
        assertTrue(error(self).contains("m.yaml:7: a subResource without `from` is a part of this MR's own resource"));
        KindMapping m = CatalogParser.parse("m.yaml", self.replace("targets:", "armIdPath: /subscriptions/{subscription}/g/{azureName}\ntargets:"));
        assertTrue(m.targets().get(0).rules().get(0).subResource().self());
        assertTrue(error(TARGET + "      - {from: a, to: b, subResource: {from: lb, path: '/x/{value}'}}\n").contains("`subResource` is {from: FIELD"));
    }

    @Test
    void aGatewaysBgpPeeringAddressNamesItsOwnIpConfigurationByPlainArmId() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("xp2aso-vng", ".yaml");
        java.nio.file.Files.writeString(file, """
                apiVersion: network.azure.upbound.io/v1beta1
                kind: VirtualNetworkGateway
                metadata:
                  name: hub-vpn
                  annotations:
                    crossplane.io/external-name: vgw-hub
                spec:
                  forProvider:
                    location: westeurope
                    resourceGroupName: hub-rg
                    type: Vpn
                    vpnType: RouteBased
                    sku: VpnGw1
                    enableBgp: true
                    ipConfiguration:
                      - name: vnetGatewayConfig
                        subnetId: /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/hub-rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/GatewaySubnet
                    bgpSettings:
                      - asn: 65010
                        peeringAddresses:
                          - ipConfigurationName: vnetGatewayConfig
                            apipaAddresses: [169.254.21.1]
                """);
        Results r = new Results(Mapper.map(Fixtures.composeFile(file, ObservedIndex.EMPTY), Fixtures.builtIn(),
                ObservedIndex.EMPTY, new MapOptions(null, "0b1f6471-1bf0-4dda-aec3-111122223333", Map.of())));
        assertEquals("/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/hub-rg/providers/Microsoft.Network/"
                        + "virtualNetworkGateways/vgw-hub/ipConfigurations/vnetGatewayConfig",
                r.spec("VirtualNetworkGateway", "hub-vpn").path("bgpSettings").path("bgpPeeringAddresses").get(0)
                        .path("ipconfigurationId").asText());
        assertEquals(List.of(), r.findings("reference-unresolved"));
        assertEquals(List.of(), r.source("hub-vpn").unmapped());
        assertEquals(List.of(), NetworkMappingTest.validator().validate((com.fasterxml.jackson.databind.node.ObjectNode)
                r.target("VirtualNetworkGateway", "hub-vpn")));
    }

    @Test
    void inItemParsesAndAnIpConfigurationTheInterfaceLacksIsReported() throws Exception {
        String merge = """
                source: {group: network.azure.upbound.io, kind: NetworkInterfaceNatRuleAssociation}
                mergeInto:
                  kind: network.azure.upbound.io/NetworkInterface
                  via: networkInterfaceId
                  target: nic
                  rules:
                """;
        KindMapping m = CatalogParser.parse("m.yaml", merge + "    - {to: x, inItem: {list: ipConfigurations, key: name, from: ipConfigurationName}, fields: [{from: a, to: b}]}\n");
        ItemSpec in = m.mergeInto().rules().get(0).inItem();
        assertEquals("ipConfigurations", in.list());
        assertTrue(ConsumedPaths.of(m).contains("ipConfigurationName"));
        assertTrue(error(merge + "    - {to: x, inItem: {list: ipConfigurations, key: name}, fields: [{from: a, to: b}]}\n").contains("m.yaml:7: inItem selects items by `key`"));
        assertTrue(error(merge + "    - {to: x, inItem: {key: name, from: a}, fields: [{from: a, to: b}]}\n").contains("m.yaml:7"));

        java.nio.file.Path file = java.nio.file.Files.createTempFile("xp2aso-nic", ".yaml");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(Fixtures.resource("network/loadbalancer/input.yaml"))
                .replace("    ipConfigurationName: primary\n    natRuleIdRef:", "    ipConfigurationName: tertiary\n    natRuleIdRef:"));
        Results r = new Results(Mapper.map(Fixtures.composeFile(file, ObservedIndex.EMPTY), Fixtures.builtIn(),
                ObservedIndex.EMPTY, new MapOptions(null, NetworkMappingTest.SUBSCRIPTION, Map.of())));
        List<Finding> lost = r.findings("web-vm-nic-ssh", "merge-target-missing");
        assertEquals(1, lost.size(), lost.toString());
        assertTrue(lost.get(0).message().contains("no item of spec.ipConfigurations has name `tertiary`"), lost.toString());
        assertTrue(r.source("web-vm-nic-ssh").unmapped().contains("ipConfigurationName"), r.source("web-vm-nic-ssh").unmapped().toString());
        assertFalse(r.spec("NetworkInterface", "web-vm-nic").path("ipConfigurations").get(0).has("loadBalancerInboundNatRules"));
    }

    @Test
    void withoutTheSubscriptionNoIdIsMadeUpAndEachReferenceSaysWhatIsMissing() {
        Results r = new Results(Mapper.map(Fixtures.compose("network/loadbalancer/input.yaml", ObservedIndex.EMPTY),
                Fixtures.builtIn(), ObservedIndex.EMPTY, new MapOptions(null, null, Map.of())));
        List<Finding> http = r.findings("web-lb-http", "reference-unresolved");
        assertEquals(3, http.size(), http.toString());
        assertTrue(http.stream().anyMatch(f -> f.message().startsWith("forProvider.frontendIpConfigurationName names a part "
                + "of the network.azure.upbound.io/LoadBalancer named by forProvider.loadbalancerId, but `web-rg` is not part of this migration")
                && f.message().contains("--subscription")), http.toString());
        assertTrue(http.stream().anyMatch(f -> f.message().startsWith("forProvider.probeId:")), http.toString());
        assertFalse(r.spec("LoadBalancer", "web-lb").path("loadBalancingRules").get(0).has("frontendIPConfiguration"));
        assertTrue(r.source("web-lb-http").unmapped().contains("frontendIpConfigurationName"));
        // The rule that names its load balancer by ARM ID needs no subscription: the ID holds it.
        assertEquals(List.of(), r.findings("web-lb-https", "reference-unresolved"));
        assertEquals("/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/web-rg/providers/Microsoft.Network/"
                        + "loadBalancers/lb-web/frontendIPConfigurations/public",
                r.spec("LoadBalancer", "web-lb").path("loadBalancingRules").get(1).path("frontendIPConfiguration")
                        .path("reference").path("armId").asText());
    }

    @Test
    void theParentsObservedIdIsUsedWhenKnown() {
        ObservedIndex observed = Fixtures.observed("network/loadbalancer-observed/observed.yaml");
        Results r = new Results(Mapper.map(Fixtures.compose("network/loadbalancer/input.yaml", observed),
                Fixtures.builtIn(), observed, new MapOptions(null, null, Map.of())));
        assertEquals(List.of(), r.findings("web-lb-http", "reference-unresolved"));
        assertEquals("/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/WEB-RG/providers/Microsoft.Network/"
                        + "loadBalancers/lb-web/probes/http-health",
                r.spec("LoadBalancer", "web-lb").path("loadBalancingRules").get(0).path("probe").path("reference")
                        .path("armId").asText());
    }
}
