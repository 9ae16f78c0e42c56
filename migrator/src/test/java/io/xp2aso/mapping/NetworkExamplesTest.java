package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.compose.Composer;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.InputException;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.Yaml;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every upjet example (cluster-scoped and namespaced) that holds a network kind of the built-in catalog migrates:
 * its network MRs map without errors or unmapped fields, and every ASO object written for the file (whatever the
 * kind) validates strictly against the ASO CRDs. Many examples refer to objects of another example file (the
 * resource group `example`, the load balancer of loadbalancer.yaml); those are pulled in from the other files of
 * the same example tree, as a user migrating the whole estate would have them.
 */
class NetworkExamplesTest {
    private static final String GROUP = "network.azure.upbound.io";
    private static final Pattern MISSING = Pattern.compile(
            "referenced ([a-z0-9.]+)/(\\w+) `([^`]+)` is neither part|`([^`]+)` is not part of this migration and the mapping gives no ARM ID template for ([a-z0-9.]+)/(\\w+)");

    /**
     * Problems that are the example's, not the mapping's: a placeholder where an ARM ID belongs. Keyed by the
     * example file's name; the value is the start of every problem accepted in it.
     */
    private static final Pattern SELECTOR = Pattern.compile(
            "the selector (\\{.*}) matches no ([a-z0-9.]+)/(\\w+) of this migration");

    private static final Map<String, List<String>> EXAMPLE_FAULTS = Map.of(
            // privateConnectionResourceId: "<resource ID>" is a placeholder, not an ARM ID
            "privateendpoint.yaml", List.of(
                    "PrivateEndpoint/example: reference-unresolved: forProvider.privateServiceConnection.privateConnectionResourceId: `<resource ID>`",
                    "PrivateEndpoint/example: unmapped-field: forProvider.privateServiceConnection.privateConnectionResourceId ",
                    "PrivateEndpoint/example: unmapped privateServiceConnection.privateConnectionResourceId"),
            // loadBalancerFrontendIpConfigurationIds: a Terraform expression, not an ARM ID
            "privatelinkservice.yaml", List.of(
                    "PrivateLinkService/example: reference-unresolved: forProvider.loadBalancerFrontendIpConfigurationIds: `${azurerm_lb",
                    "PrivateLinkService/example: unmapped-field: forProvider.loadBalancerFrontendIpConfigurationIds ",
                    "PrivateLinkService/example: unmapped loadBalancerFrontendIpConfigurationIds"),
            // The association examples name a NetworkInterface `example` and a resource group by label without
            // including them; the ones this test takes from other example files are not theirs (another IP
            // configuration name, two groups with the label). The folding itself is proven by the loadbalancer golden.
            "networkinterfacebackendaddresspoolassociation.yaml", List.of(
                    "NetworkInterfaceBackendAddressPoolAssociation/example: merge-target-missing: no item of spec.ipConfigurations has name `testconfiguration1`",
                    "NetworkInterfaceBackendAddressPoolAssociation/example: unmapped-field: forProvider.ipConfigurationName ",
                    "NetworkInterfaceBackendAddressPoolAssociation/example: unmapped ipConfigurationName"),
            "networkinterfacenatruleassociation.yaml", List.of(
                    "NetworkInterfaceNatRuleAssociation/example: merge-target-missing: no item of spec.ipConfigurations has name `testconfiguration1`",
                    "NetworkInterfaceNatRuleAssociation/example: unmapped-field: forProvider.ipConfigurationName ",
                    "NetworkInterfaceNatRuleAssociation/example: unmapped ipConfigurationName"),
            "networkinterfaceapplicationsecuritygroupassociation.yaml", List.of(
                    "NetworkInterface/example: owner-unresolved: forProvider.resourceGroupName: the selector {\"matchLabels\":{\"testing.upbound.io/example-name\":\"example\"}} matches 2",
                    "VirtualNetwork/example: owner-unresolved: forProvider.resourceGroupName: the selector {\"matchLabels\":{\"testing.upbound.io/example-name\":\"example\"}} matches 2",
                    "NetworkInterface/example does not validate: spec.owner: required",
                    "VirtualNetwork/example does not validate: spec.owner: required"),
            // publicCertData: left empty ("# Valid Public Cert"), and ASO requires it
            "virtualnetworkgateway.yaml", List.of(
                    "VirtualNetworkGateway/example does not validate: spec.vpnClientConfiguration.vpnClientRootCertificates[0].publicCertData: required"));

    /**
     * Fields of the older provider (upjet-azure-legacy) that some examples still use; they are mapped once the
     * catalog can name older fields.
     */
    private static final List<String> LEGACY_FIELDS = List.of("enforcePrivateLinkServiceNetworkPolicies",
            "enforcePrivateLinkEndpointNetworkPolicies");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyUpjetExampleOfAMappedNetworkKindMigrates() {
        Path ref = Shared.reference();
        MappingCatalog catalog = Fixtures.builtIn();
        Set<String> mapped = catalog.entries().stream().filter(k -> k.group().equals(GROUP))
                .map(KindMapping::kind).collect(Collectors.toCollection(TreeSet::new));
        Set<String> seen = new TreeSet<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (String tree : List.of("upjet-azure/examples", "upjet-azure/examples-namespaced")) {
            List<Path> files = yamlFiles(ref.resolve(tree));
            Map<String, ObjectNode> pool = new LinkedHashMap<>();
            for (Path f : files) {
                for (Manifest m : read(f)) {
                    pool.putIfAbsent(m.kind() + "/" + m.namespace() + "/" + m.name(), m.node());
                }
            }
            for (Path file : files) {
                if (!file.toString().contains("/network/")) {
                    continue;
                }
                List<String> kinds = read(file).stream()
                        .filter(m -> MappingCatalog.clusterGroup(m.group()).equals(GROUP) && mapped.contains(m.kind()))
                        .map(Manifest::kind).toList();
                if (kinds.isEmpty()) {
                    continue;
                }
                seen.addAll(kinds);
                String name = ref.relativize(file).toString();
                tests.add(DynamicTest.dynamicTest(name, () -> migrates(file, pool, catalog, mapped,
                        EXAMPLE_FAULTS.getOrDefault(file.getFileName().toString(), List.of()))));
            }
        }
        tests.add(DynamicTest.dynamicTest("every mapped network kind has an example", () -> {
            Set<String> without = new TreeSet<>(mapped);
            without.removeAll(seen);
            assertEquals(Set.of(), without, "mapped network kinds without an upjet example");
        }));
        return tests.stream();
    }

    private void migrates(Path file, Map<String, ObjectNode> pool, MappingCatalog catalog, Set<String> mapped,
                          List<String> accepted) throws IOException {
        List<Manifest> docs = new ArrayList<>(read(file));
        String ns = docs.get(0).namespace();
        Set<String> have = docs.stream().map(m -> m.kind() + "/" + m.namespace() + "/" + m.name())
                .collect(Collectors.toCollection(TreeSet::new));
        StringBuilder text = new StringBuilder(Files.readString(file));
        MappingResult result = null;
        for (int round = 0; round < 6; round++) {
            Path input = tmp.resolve(file.getFileName());
            Files.writeString(input, text);
            result = Mapper.map(new Composer().compose(new Estate(SourceReader.read(List.of(input.toString()),
                            new ByteArrayInputStream(new byte[0]))), ObservedIndex.EMPTY), catalog,
                    ObservedIndex.EMPTY, new MapOptions(null, NetworkMappingTest.SUBSCRIPTION, Map.of()));
            boolean added = false;
            for (MappedResource m : new Results(result).resources()) {
                for (Finding f : m.findings()) {
                    for (String key : wanted(f.message(), ns, pool)) {
                        if (have.add(key)) {
                            text.append("\n---\n").append(Yaml.YAML.writeValueAsString(pool.get(key)));
                            added = true;
                        }
                    }
                }
            }
            if (!added) {
                break;
            }
        }
        List<String> problems = new ArrayList<>();
        Results r = new Results(result);
        for (MappedResource m : r.resources()) {
            ObjectNode mr = m.source().object();
            String group = mr.path("apiVersion").asText().replaceFirst("/.*", "");
            if (!MappingCatalog.clusterGroup(group).equals(GROUP) || !mapped.contains(mr.path("kind").asText())) {
                continue;
            }
            String name = mr.path("kind").asText() + "/" + mr.path("metadata").path("name").asText();
            m.findings().stream().filter(f -> f.severity() == Severity.ERROR || f.severity() == Severity.UNMAPPED)
                    .forEach(f -> problems.add(name + ": " + f.code() + ": " + f.message()));
            m.unmapped().forEach(u -> problems.add(name + ": unmapped " + u));
        }
        SchemaValidator validator = NetworkMappingTest.validator();
        for (ObjectNode t : r.targets()) {
            validator.validate(t).forEach(p -> problems.add(t.path("kind").asText() + "/"
                    + t.path("metadata").path("name").asText() + " does not validate: " + p));
        }
        problems.removeIf(p -> accepted.stream().anyMatch(p::startsWith)
                || LEGACY_FIELDS.stream().anyMatch(f -> p.endsWith("unmapped " + f) || p.contains("forProvider." + f + " ")));
        assertEquals(List.of(), problems);
    }

    /** The pool's objects a finding says are missing: by kind and name, or by kind and selector labels. */
    private static List<String> wanted(String message, String ns, Map<String, ObjectNode> pool) throws IOException {
        Matcher x = MISSING.matcher(message);
        if (x.find()) {
            String key = (x.group(2) != null ? x.group(2) : x.group(6)) + "/" + ns + "/"
                    + (x.group(3) != null ? x.group(3) : x.group(4));
            return pool.containsKey(key) ? List.of(key) : List.of();
        }
        Matcher s = SELECTOR.matcher(message);
        if (!s.find()) {
            return List.of();
        }
        JsonNode labels = Yaml.JSON.readTree(s.group(1)).path("matchLabels");
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : pool.entrySet()) {
            JsonNode have = e.getValue().path("metadata").path("labels");
            boolean all = labels.size() > 0;
            for (Map.Entry<String, JsonNode> l : labels.properties()) {
                all &= have.path(l.getKey()).asText().equals(l.getValue().asText());
            }
            if (all && e.getKey().startsWith(s.group(3) + "/" + ns + "/")) {
                out.add(e.getKey());
                break;
            }
        }
        return out;
    }

    private static List<Path> yamlFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Manifest> read(Path file) {
        try {
            return SourceReader.read(List.of(file.toString()), new ByteArrayInputStream(new byte[0])).manifests();
        } catch (InputException e) {
            // Some upstream examples repeat a key, which kubectl and the API server reject too: not migratable input.
            System.out.println("NetworkExamplesTest: skipped " + file.getFileName() + ": " + e.getMessage());
            return List.of();
        }
    }
}
