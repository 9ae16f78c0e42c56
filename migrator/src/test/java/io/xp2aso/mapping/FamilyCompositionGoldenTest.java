package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.compose.Composer;
import io.xp2aso.model.Estate;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.Yaml;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Realistic Compositions per family (src/test/resources/mapping/compositions/NAME: XRD, Composition, claim), rendered
 * by the compose stage and mapped: the ASO objects equal the golden file NAME.aso.yaml, validate against the ASO CRDs,
 * leave nothing unmapped and raise no error; references across kinds become owners by Kubernetes name.
 * Regenerate the golden files with {@code -Dxp2aso.updateGolden=true} and review the diff.
 */
class FamilyCompositionGoldenTest {
    static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

    static Results map(String name) {
        String dir = Fixtures.resource("compositions/" + name).toString();
        Estate estate = new Estate(SourceReader.read(List.of(dir), new ByteArrayInputStream(new byte[0])));
        return new Results(Mapper.map(new Composer().compose(estate, ObservedIndex.EMPTY), Fixtures.builtIn(),
                ObservedIndex.EMPTY, new MapOptions(null, SUBSCRIPTION, Map.of())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"messaging", "appstorage", "databases", "cosmos"})
    void compositionMapsToTheGoldenValidAsoObjects(String name) throws Exception {
        Results r = map(name);
        SchemaValidator validator = SchemaValidator.forPath(Shared.reference().resolve("aso/crds"));
        StringBuilder actual = new StringBuilder();
        for (ObjectNode t : r.targets()) {
            assertEquals(List.of(), validator.validate(t), t.path("kind").asText() + "/" + t.path("metadata").path("name").asText());
            actual.append("---\n").append(Yaml.YAML.writeValueAsString(withRelativeSourceFile(t)).replaceFirst("^---\n", ""));
        }
        for (MappedResource m : r.resources()) {
            assertEquals(List.of(), m.unmapped(), m.source().resourceName());
            for (Finding f : m.findings()) {
                // Without observed state the lists Azure replaces whole that the sources leave out are unknown: said so.
                boolean listUnknown = f.code().equals("whole-list-unknown");
                assertTrue(listUnknown || f.severity() != Severity.ERROR && f.severity() != Severity.UNMAPPED, f.toString());
            }
        }
        Path golden = Shared.repoRoot().resolve("migrator/src/test/resources/mapping/compositions/" + name + ".aso.yaml");
        if (Boolean.getBoolean("xp2aso.updateGolden")) {
            Files.writeString(golden, actual.toString());
        }
        assertEquals(Files.readString(golden), actual.toString(), "golden " + golden + " (regenerate with -Dxp2aso.updateGolden=true)");
    }

    @Test
    void serviceBusAndEventHubChainsAreOwnedByName() {
        Results r = map("messaging");
        assertEquals("orders-servicebus", owner(r, "NamespacesTopic", "orders-topic"));
        assertEquals("orders-topic", owner(r, "NamespacesTopicsSubscription", "orders-subscription"));
        assertEquals("orders-subscription", owner(r, "NamespacesTopicsSubscriptionsRule", "orders-subscription-rule"));
        assertEquals("orders-servicebus", owner(r, "NamespacesAuthorizationRule", "orders-sender-policy"));
        assertEquals("orders-topic", owner(r, "TopicAuthorizationRule", "orders-listener-policy"));
        // Event hub children name their hub by name, namespace and resource group, all by selector.
        assertEquals("orders-eventhub", owner(r, "NamespacesEventhubsConsumerGroup", "orders-consumer-group"));
        assertEquals("orders-eventhub", owner(r, "NamespacesEventhubsAuthorizationRule", "orders-eventhub-listener"));
        assertEquals(List.of("Send"), texts(r.spec("NamespacesAuthorizationRule", "orders-sender-policy").path("rights")));
        JsonNode secrets = r.spec("NamespacesAuthorizationRule", "orders-sender-policy").path("operatorSpec").path("secrets");
        assertEquals("orders-servicebus-sender", secrets.path("primaryConnectionString").path("name").asText());
        assertEquals("attribute.primary_connection_string", secrets.path("primaryConnectionString").path("key").asText());
    }

    @Test
    void storageChildrenAreOwnedByTheAccountServices() {
        Results r = map("appstorage");
        assertEquals("invoices-account-queueservice", owner(r, "StorageAccountsQueueServicesQueue", "invoices-queue"));
        assertEquals("invoices-account-fileservice", owner(r, "StorageAccountsFileServicesShare", "invoices-share"));
        // The account configures no table service: the table is owned by the live one's ARM ID, no empty object is written.
        assertEquals("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-invoices-storage/providers/"
                        + "Microsoft.Storage/storageAccounts/stinvoicesprod/tableServices/default",
                r.spec("StorageAccountsTableServicesTable", "invoices-table").path("owner").path("armId").asText());
        assertEquals("invoices-account", owner(r, "StorageAccountsManagementPolicy", "invoices-lifecycle"));
        assertEquals("invoices-identity", owner(r, "FederatedIdentityCredential", "invoices-federated-credential"));
        // The separate network rules land on the account.
        JsonNode acls = r.spec("StorageAccount", "invoices-account").path("networkAcls");
        assertEquals("Deny", acls.path("defaultAction").asText());
        assertEquals("203.0.113.0/24", acls.path("ipRules").path(0).path("value").asText());
        // ...which leave the virtual-network and resource-access rules to Azure: unknown without observed state.
        List<String> unknown = r.findings("account", "whole-list-unknown").stream().map(Finding::message).toList();
        assertEquals(2, unknown.size(), unknown.toString());
        assertTrue(unknown.get(0).contains("spec.networkAcls.virtualNetworkRules"), unknown.get(0));
        assertTrue(unknown.get(1).contains("spec.networkAcls.resourceAccessRules"), unknown.get(1));
    }

    @Test
    void databaseChildrenAreOwnedByTheirServers() {
        Results r = map("databases");
        for (String[] c : new String[][]{{"ServersElasticPool", "ledger-sql-pool", "ledger-sql-server"},
                {"ServersSecurityAlertPolicy", "ledger-sql-alert-policy", "ledger-sql-server"},
                {"ServersEncryptionProtector", "ledger-sql-tde", "ledger-sql-server"},
                {"ServersVirtualNetworkRule", "ledger-sql-vnet-rule", "ledger-sql-server"},
                {"ServersOutboundFirewallRule", "ledger-sql-outbound", "ledger-sql-server"},
                {"FlexibleServersConfiguration", "ledger-mysql-timeout", "ledger-mysql-server"},
                {"FlexibleServersBackup", "ledger-postgres-backup", "ledger-postgres-server"},
                {"RedisFirewallRule", "ledger-redis-firewall", "ledger-redis"},
                {"RedisAccessPolicy", "ledger-redis-reader-policy", "ledger-redis"},
                {"RedisAccessPolicyAssignment", "ledger-redis-reader-assignment", "ledger-redis"}}) {
            assertEquals(c[2], owner(r, c[0], c[1]), c[1]);
        }
        // PostgreSQL names its Entra administrator by the principal's object ID; MySQL's is the singleton ActiveDirectory.
        assertEquals("6e5ad6a2-47a6-4c2b-8c1e-2a8c3f1d9b10", r.spec("FlexibleServersAdministrator", "ledger-postgres-admin").path("azureName").asText());
        assertEquals("6e5ad6a2-47a6-4c2b-8c1e-2a8c3f1d9b10", r.spec("FlexibleServersAdministrator", "ledger-mysql-admin").path("sid").asText());
        assertEquals("ServiceManaged", r.spec("ServersEncryptionProtector", "ledger-sql-tde").path("serverKeyName").asText());
        assertEquals(53687091200L, r.spec("ServersElasticPool", "ledger-sql-pool").path("maxSizeBytes").asLong());
    }

    /** SQLContainer, SQLTrigger and SQLStoredProcedure have no upjet example: this Composition is their proof. */
    @Test
    void cosmosContainerChildrenAreOwnedByTheContainer() {
        Results r = map("cosmos");
        assertEquals("catalog-account", owner(r, "SqlDatabase", "catalog-database"));
        assertEquals("catalog-database", owner(r, "SqlDatabaseContainer", "catalog-container"));
        for (String[] c : new String[][]{{"SqlDatabaseContainerUserDefinedFunction", "catalog-tax-function"},
                {"SqlDatabaseContainerTrigger", "catalog-stamp-trigger"},
                {"SqlDatabaseContainerStoredProcedure", "catalog-reprice-procedure"}}) {
            assertEquals("catalog-container", owner(r, c[0], c[1]), c[1]);
            assertEquals(r.spec(c[0], c[1]).path("azureName").asText(), r.spec(c[0], c[1]).path("resource").path("id").asText());
        }
        JsonNode composite = r.spec("SqlDatabaseContainer", "catalog-container").path("resource").path("indexingPolicy")
                .path("compositeIndexes");
        assertEquals("descending", composite.path(0).path(1).path("order").asText());
    }

    private static String owner(Results r, String kind, String name) {
        return r.spec(kind, name).path("owner").path("name").asText();
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The source-file annotation holds the absolute path of the test resources; keep the part below them. */
    private static JsonNode withRelativeSourceFile(ObjectNode t) {
        ObjectNode copy = t.deepCopy();
        ObjectNode ann = (ObjectNode) copy.path("metadata").path("annotations");
        String file = ann.path(Mapper.SOURCE_FILE).asText();
        int at = file.indexOf("/mapping/");
        ann.put(Mapper.SOURCE_FILE, file.substring(at + 1));
        return copy;
    }
}
