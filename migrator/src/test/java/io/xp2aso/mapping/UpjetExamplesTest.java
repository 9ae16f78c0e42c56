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
import io.xp2aso.source.SourceSet;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every upjet example (cluster-scoped and namespaced, every version) that holds one of the kinds below migrates:
 * every ASO object validates against the ASO CRDs, no forProvider field of those kinds is left unmapped, and the only
 * errors are those an incomplete example must raise — a parent, reference or merge target the example names by a
 * bare name or ARM ID without including it (then spec.owner is missing, and said so).
 */
class UpjetExamplesTest {
    /** The kinds held to this bar (cluster-scoped group; the namespaced .m. group is the same kind). */
    static final Set<String> KINDS = Set.of(
            "storage.azure.upbound.io/Queue", "storage.azure.upbound.io/Share", "storage.azure.upbound.io/Table",
            "storage.azure.upbound.io/ManagementPolicy", "storage.azure.upbound.io/AccountNetworkRules",
            "servicebus.azure.upbound.io/NamespaceAuthorizationRule", "servicebus.azure.upbound.io/TopicAuthorizationRule",
            "servicebus.azure.upbound.io/Subscription", "servicebus.azure.upbound.io/SubscriptionRule",
            "eventhub.azure.upbound.io/AuthorizationRule", "eventhub.azure.upbound.io/ConsumerGroup",
            "eventhub.azure.upbound.io/NamespaceAuthorizationRule",
            "managedidentity.azure.upbound.io/FederatedIdentityCredential",
            "dbforpostgresql.azure.upbound.io/FlexibleServerActiveDirectoryAdministrator",
            "dbforpostgresql.azure.upbound.io/FlexibleServerBackup",
            "dbformysql.azure.upbound.io/FlexibleServerActiveDirectoryAdministrator",
            "dbformysql.azure.upbound.io/FlexibleServerConfiguration",
            "sql.azure.upbound.io/MSSQLElasticPool", "sql.azure.upbound.io/MSSQLFailoverGroup",
            "sql.azure.upbound.io/MSSQLOutboundFirewallRule", "sql.azure.upbound.io/MSSQLServerSecurityAlertPolicy",
            "sql.azure.upbound.io/MSSQLServerTransparentDataEncryption", "sql.azure.upbound.io/MSSQLVirtualNetworkRule",
            "cache.azure.upbound.io/RedisFirewallRule", "cache.azure.upbound.io/RedisLinkedServer",
            "cache.azure.upbound.io/RedisCacheAccessPolicy", "cache.azure.upbound.io/RedisCacheAccessPolicyAssignment",
            "cosmosdb.azure.upbound.io/SQLFunction", "cosmosdb.azure.upbound.io/MongoDatabase",
            "cdn.azure.upbound.io/FrontdoorProfile", "cdn.azure.upbound.io/FrontdoorEndpoint",
            "cdn.azure.upbound.io/FrontdoorOriginGroup", "cdn.azure.upbound.io/FrontdoorOrigin",
            "cdn.azure.upbound.io/FrontdoorRoute", "cdn.azure.upbound.io/FrontdoorRuleSet",
            "cdn.azure.upbound.io/FrontdoorCustomDomain", "cdn.azure.upbound.io/Profile");

    /** Errors an example raises only because it leaves out the resource it names. */
    static final Set<String> INCOMPLETE_EXAMPLE = Set.of("owner-unresolved", "reference-unresolved", "merge-target-missing");

    @TestFactory
    Stream<DynamicTest> everyExampleOfTheseKindsMigratesToValidAsoObjects() throws IOException {
        Path ref = Shared.reference();
        SchemaValidator validator = SchemaValidator.forPath(ref.resolve("aso/crds"));
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("upjet-azure/examples", "upjet-azure/examples-namespaced")) {
            try (Stream<Path> walk = Files.walk(ref.resolve(dir))) {
                walk.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Path file : files) {
            List<Manifest> docs;
            try {
                docs = SourceReader.read(List.of(file.toString()), new ByteArrayInputStream(new byte[0])).manifests();
            } catch (InputException e) {
                // Some upstream examples repeat a key, which kubectl and the API server reject too: not migratable input.
                System.out.println("UpjetExamplesTest: skipped " + ref.relativize(file) + ": " + e.getMessage());
                continue;
            }
            List<String> kinds = docs.stream().map(UpjetExamplesTest::clusterKind).filter(heldKinds()::contains).toList();
            if (kinds.isEmpty()) {
                continue;
            }
            seen.addAll(kinds);
            tests.add(DynamicTest.dynamicTest(ref.relativize(file).toString(), () -> check(file, validator)));
        }
        tests.add(DynamicTest.dynamicTest("every kind has an example", () -> assertEquals(new TreeSet<>(heldKinds()), seen)));
        return tests.stream();
    }

    private static void check(Path file, SchemaValidator validator) throws IOException {
        Estate estate = new Estate(readExample(file));
        MappingResult mapped = Mapper.map(new Composer().compose(estate, ObservedIndex.EMPTY), Fixtures.builtIn(),
                ObservedIndex.EMPTY, new MapOptions(null, DataCatalogTest.SUBSCRIPTION, Map.of()));
        for (MappedResource m : new Results(mapped).resources()) {
            String kind = clusterKind(m.source().object());
            if (!heldKinds().contains(kind)) {
                continue;
            }
            String who = kind + " " + m.source().object().path("metadata").path("name").asText();
            // A field ASO cannot hold is reported unmapped, never dropped: only those FamilyExamplesKinds names.
            List<String> expectedUnmapped = FamilyExamplesKinds.ASO_CANNOT_HOLD.getOrDefault(kind, List.of());
            assertEquals(expectedUnmapped, m.unmapped().stream().filter(expectedUnmapped::contains).toList(), who);
            assertEquals(List.of(), m.unmapped().stream().filter(u -> !expectedUnmapped.contains(u)).toList(), who);
            boolean ownerUnresolved = false;
            for (Finding f : m.findings()) {
                if (f.severity() == Severity.ERROR) {
                    // A generated Azure name (a role definition's GUID) that the example does not give is only known live.
                    boolean generatedName = f.code().equals("azure-name-unknown") && f.message().contains("only known to the cluster");
                    assertTrue(generatedName || INCOMPLETE_EXAMPLE.contains(f.code()) && f.message().contains("part of this migration"),
                            who + ": " + f);
                    ownerUnresolved |= f.code().equals("owner-unresolved");
                }
                assertFalse(f.severity() == Severity.UNMAPPED
                        && expectedUnmapped.stream().noneMatch(f.message()::contains), who + ": " + f);
            }
            for (ObjectNode t : m.targets()) {
                for (SchemaValidator.Problem p : validator.validate(t)) {
                    // An example without its parent: the owner is missing, and an owner-unresolved error says so.
                    boolean explained = ownerUnresolved && p.path().equals("spec.owner") && !t.path("spec").has("owner");
                    assertTrue(explained, who + " -> " + t.path("kind").asText() + ": " + p);
                }
            }
        }
    }

    /**
     * The example with uptest's placeholders for the test subscription and random names filled in, as uptest does before applying it
     * (a diagnostic setting's target is `${data.azurerm_client_config.current.subscription_resource_id}/resourceGroups/...`).
     */
    private static SourceSet readExample(Path file) throws IOException {
        String text = Files.readString(file)
                .replace("${data.azurerm_client_config.current.subscription_resource_id}", "/subscriptions/" + DataCatalogTest.SUBSCRIPTION)
                .replace("${data.azurerm_subscription.primary.id}", "/subscriptions/" + DataCatalogTest.SUBSCRIPTION)
                .replace("${data.azurerm_client_config.current.subscription_id}", DataCatalogTest.SUBSCRIPTION)
                .replace("${Rand.RFC1123Subdomain}", "x2a7k");
        return SourceReader.read(List.of("-"), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** These kinds and the breadth families' ({@link FamilyExamplesKinds}). */
    static Set<String> heldKinds() {
        Set<String> all = new TreeSet<>(KINDS);
        all.addAll(FamilyExamplesKinds.KINDS);
        return all;
    }

    private static String clusterKind(Manifest m) {
        return clusterKind(m.node());
    }

    private static String clusterKind(JsonNode node) {
        String apiVersion = node.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return group.replace(".m.upbound.io", ".upbound.io") + "/" + node.path("kind").asText();
    }
}
