package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.source.Yaml;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network kinds of the built-in catalog (network.azure.upbound.io): each fixture folder under
 * mapping/network/ holds input.yaml (upjet MRs, values from the provider's examples) and expected.yaml (the ASO
 * objects, compared as text). Every generated object must validate against the real ASO CRD with unknown fields as
 * errors.
 */
class NetworkMappingTest {
    static final String SUBSCRIPTION = "0b1f6471-1bf0-4dda-aec3-111122223333";
    static final Set<String> KINDS = Set.of("VirtualNetwork", "Subnet", "SubnetNetworkSecurityGroupAssociation",
            "SubnetRouteTableAssociation", "SecurityGroup", "SecurityRule", "PublicIP", "PrivateEndpoint",
            "PrivateDNSZone", "PrivateDNSZoneVirtualNetworkLink", "SubnetNATGatewayAssociation", "VirtualNetworkDNSServers");

    record Run(List<ObjectNode> targets, List<MappedResource> resources) {
        List<String> findings(Severity severity) {
            List<String> out = new ArrayList<>();
            for (MappedResource m : resources) {
                m.findings().stream().filter(f -> f.severity() == severity)
                        .forEach(f -> out.add(m.source().object().path("metadata").path("name").asText() + ": "
                                + f.code() + ": " + f.message()));
            }
            return out;
        }
    }

    private static SchemaValidator validator;

    /** One validator for all cases: parsing the ASO CRDs is the slow part. */
    static synchronized SchemaValidator validator() {
        if (validator == null) {
            validator = SchemaValidator.forPath(Shared.reference().resolve("aso/crds"));
        }
        return validator;
    }

    static Run map(String fixture) {
        String live = "network/" + fixture + "/observed.yaml";
        ObservedIndex observed = NetworkMappingTest.class.getResource("/mapping/" + live) == null ? ObservedIndex.EMPTY
                : Fixtures.observed(live);
        MappingResult r = Mapper.map(Fixtures.compose("network/" + fixture + "/input.yaml", observed),
                Fixtures.builtIn(), observed, new MapOptions(null, SUBSCRIPTION, Map.of()));
        List<ObjectNode> targets = new ArrayList<>();
        List<MappedResource> resources = new ArrayList<>();
        for (MappedUnit u : r.units()) {
            for (MappedResource m : u.resources()) {
                resources.add(m);
                targets.addAll(m.targets());
            }
        }
        return new Run(targets, resources);
    }

    /** The targets as one YAML stream; the fixture's absolute path in the source-file annotation is made relative. */
    static String stream(List<ObjectNode> targets) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (ObjectNode t : targets) {
            ObjectNode ann = (ObjectNode) t.path("metadata").path("annotations");
            String file = ann.path(Mapper.SOURCE_FILE).asText("");
            int at = file.indexOf("mapping/network/");
            if (at > 0) {
                ann.put(Mapper.SOURCE_FILE, file.substring(at));
            }
            sb.append("---\n").append(Yaml.YAML.writeValueAsString(t));
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"virtualnetwork", "virtualnetwork-v1beta2", "subnet", "subnet-v1beta2", "subnet-associations",
            "securitygroup-inline-rules", "securityrule", "publicip", "privateendpoint", "privateendpoint-manual",
            "privatednszone", "virtualnetwork-observed", "namespaced-v2"})
    void mapsToExpectedAsoObjectsThatValidate(String fixture) throws Exception {
        Run run = map(fixture);
        String expected = Files.readString(Fixtures.resource("network/" + fixture + "/expected.yaml"));
        assertEquals(expected, stream(run.targets()), fixture);

        for (ObjectNode t : run.targets()) {
            List<SchemaValidator.Problem> problems = validator().validate(t);
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
    void anAssociationWhoseSubnetIsNotMigratedIsAnError() {
        Run run = map("association-without-subnet");
        assertEquals(List.of(), run.targets());
        List<String> errors = run.findings(Severity.ERROR);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("legacy-app-nsg: merge-target-missing: "), errors.get(0));
        assertTrue(errors.get(0).contains("/virtualNetworks/legacy-vnet/subnets/app"), errors.get(0));
    }

    @Test
    void dnsZoneGroupsAreReportedNotDropped() {
        List<String> warnings = map("privateendpoint-manual").findings(Severity.WARNING);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("partner-sql: ignored-field: forProvider.privateDnsZoneGroup is not migrated: "),
                warnings.get(0));
    }

    @Test
    void everyNetworkKindCoversAtLeastNinetyPercentOfForProvider() {
        CrdStore upjet = new CrdStore(Shared.reference().resolve("upjet-azure/crds"));
        List<Coverage.Row> rows = Coverage.run(Fixtures.builtIn(), upjet).stream()
                .filter(r -> r.kind().startsWith("network.azure.upbound.io/")
                        && KINDS.contains(r.kind().substring(r.kind().indexOf('/') + 1)))
                .toList();
        Set<String> seen = rows.stream().map(r -> r.kind().substring(r.kind().indexOf('/') + 1)).collect(Collectors.toSet());
        assertEquals(KINDS, seen, "every network kind has a mapping file checked against its upjet CRD");
        for (Coverage.Row r : rows) {
            assertTrue(r.share() >= 0.9, r.kind() + " " + r.version() + " covers " + Math.round(r.share() * 100)
                    + "% of forProvider; unmapped: " + r.unmapped());
        }
    }
}
