package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Severity;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network kinds added for the breadth issue (route tables, NAT gateways, DNS, interfaces, ...): each fixture
 * folder under mapping/network/ holds input.yaml (upjet MRs as a platform writes them) and expected.yaml (the ASO
 * objects, compared as text); every object validates against the ASO CRDs, with no error and no unmapped field.
 * After a deliberate change, regenerate with -Dxp2aso.updateGolden=true and review the diff.
 */
class NetworkFamilyMappingTest {
    @ParameterizedTest
    @ValueSource(strings = {"routetable-natgateway", "dns-records", "nic-peering-resolver", "loadbalancer"})
    void mapsToExpectedAsoObjectsThatValidate(String fixture) throws Exception {
        Shared.reference();
        NetworkMappingTest.Run run = NetworkMappingTest.map(fixture);
        String actual = NetworkMappingTest.stream(run.targets());
        Path expected = Fixtures.resource("network/" + fixture).resolve("expected.yaml");
        if (Boolean.getBoolean("xp2aso.updateGolden")) {
            Path src = Shared.repoRoot().resolve("migrator/src/test/resources/mapping/network/" + fixture + "/expected.yaml");
            Files.writeString(src, actual);
        } else {
            assertEquals(Files.readString(expected), actual, fixture);
        }
        for (ObjectNode t : run.targets()) {
            List<SchemaValidator.Problem> problems = NetworkMappingTest.validator().validate(t);
            assertTrue(problems.isEmpty(), t.path("kind").asText() + "/" + t.path("metadata").path("name").asText()
                    + " does not validate: " + problems);
        }
        assertEquals(List.of(), run.findings(Severity.ERROR), "errors");
        assertEquals(List.of(), run.findings(Severity.UNMAPPED), "unmapped fields");
        for (MappedResource m : run.resources()) {
            assertEquals(List.of(), m.unmapped(), m.source().object().path("metadata").path("name").asText());
        }
    }

    @Test
    void everyNetworkFileCoversAtLeastNinetyPercentOfEveryVersion() {
        CrdStore upjet = new CrdStore(Shared.reference().resolve("upjet-azure/crds"));
        Set<String> files = Fixtures.builtIn().entries().stream()
                .filter(k -> k.group().equals("network.azure.upbound.io")).map(KindMapping::kind).collect(Collectors.toSet());
        List<Coverage.Row> rows = Coverage.run(Fixtures.builtIn(), upjet).stream()
                .filter(r -> r.kind().startsWith("network.azure.upbound.io/")).toList();
        assertEquals(files, rows.stream().map(r -> r.kind().substring(r.kind().indexOf('/') + 1)).collect(Collectors.toSet()));
        for (Coverage.Row r : rows) {
            assertTrue(r.share() >= 0.9, r.kind() + " " + r.version() + " covers " + Math.round(r.share() * 100)
                    + "% of forProvider; unmapped: " + r.unmapped());
        }
    }
}
