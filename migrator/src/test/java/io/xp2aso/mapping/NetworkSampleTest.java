package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.compose.Composer;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.source.SourceReader;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * samples/crossplane/network (a Pipeline Composition) rendered by the compose stage and mapped: every reference
 * between the composed MRs (selectors with matchControllerRef) becomes an ASO owner or reference by Kubernetes name,
 * the NSG association lands on its subnet, and every object validates against the ASO CRDs.
 */
class NetworkSampleTest {
    @Test
    void theNetworkSampleMapsToLinkedAsoObjects() {
        String dir = Shared.repoRoot().resolve("samples/crossplane/network").toString();
        Estate estate = new Estate(SourceReader.read(List.of(dir), new ByteArrayInputStream(new byte[0])));
        MappingResult mapped = Mapper.map(new Composer().compose(estate, ObservedIndex.EMPTY), Fixtures.builtIn(),
                ObservedIndex.EMPTY, new MapOptions(null, "0b1f6471-1bf0-4dda-aec3-111122223333", Map.of()));
        Results r = new Results(mapped);

        List<String> kinds = r.targets().stream().map(t -> t.path("kind").asText()).sorted().toList();
        assertEquals(List.of("NetworkSecurityGroup", "NetworkSecurityGroupsSecurityRule", "ResourceGroup", "VirtualNetwork",
                "VirtualNetworksSubnet", "VirtualNetworksSubnet"), kinds, "the association has no object of its own");
        String rg = name(r, "ResourceGroup");
        String vnet = name(r, "VirtualNetwork");
        String nsg = name(r, "NetworkSecurityGroup");
        assertEquals(rg, r.spec("VirtualNetwork", vnet).path("owner").path("name").asText());
        assertEquals(rg, r.spec("NetworkSecurityGroup", nsg).path("owner").path("name").asText());
        assertEquals(nsg, r.spec("NetworkSecurityGroupsSecurityRule", name(r, "NetworkSecurityGroupsSecurityRule"))
                .path("owner").path("name").asText());
        for (ObjectNode subnet : r.targets().stream().filter(t -> t.path("kind").asText().equals("VirtualNetworksSubnet")).toList()) {
            assertEquals(vnet, subnet.path("spec").path("owner").path("name").asText());
        }
        JsonNode app = r.targets().stream().filter(t -> t.path("spec").path("azureName").asText().equals("snet-app"))
                .findFirst().orElseThrow().path("spec");
        assertEquals("network.azure.com", app.path("networkSecurityGroup").path("reference").path("group").asText());
        assertEquals("NetworkSecurityGroup", app.path("networkSecurityGroup").path("reference").path("kind").asText());
        assertEquals(nsg, app.path("networkSecurityGroup").path("reference").path("name").asText());

        SchemaValidator validator = SchemaValidator.forPath(Shared.reference().resolve("aso/crds"));
        for (ObjectNode t : r.targets()) {
            assertEquals(List.of(), validator.validate(t), t.path("kind").asText());
        }
        for (MappedResource m : r.resources()) {
            List<Finding> bad = m.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR || f.severity() == Severity.UNMAPPED).toList();
            assertEquals(List.of(), bad, m.source().resourceName());
            assertEquals(List.of(), m.unmapped(), m.source().resourceName());
        }
    }

    private static String name(Results r, String kind) {
        List<String> names = r.targets().stream().filter(t -> t.path("kind").asText().equals(kind))
                .map(t -> t.path("metadata").path("name").asText()).toList();
        assertTrue(names.size() == 1, kind + ": " + names);
        return names.get(0);
    }
}
