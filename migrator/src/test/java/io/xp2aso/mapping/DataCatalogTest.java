package io.xp2aso.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.model.Finding;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.model.Severity;
import io.xp2aso.source.Yaml;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database and cache kinds of the catalog (PostgreSQL, MySQL, Azure SQL, Redis, Cosmos DB): realistic MRs from
 * the upjet examples map to the expected ASO objects, which validate against the real ASO CRDs; every kind covers at
 * least 90% of its forProvider fields; children are owned by their migrated server or by its ARM ID; passwords are
 * Secret references, never values.
 */
class DataCatalogTest {
    static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
    static final Set<String> KINDS = Set.of(
            "dbforpostgresql.azure.upbound.io/FlexibleServer", "dbforpostgresql.azure.upbound.io/FlexibleServerDatabase",
            "dbforpostgresql.azure.upbound.io/FlexibleServerFirewallRule",
            "dbforpostgresql.azure.upbound.io/FlexibleServerConfiguration",
            "dbformysql.azure.upbound.io/FlexibleServer", "dbformysql.azure.upbound.io/FlexibleDatabase",
            "dbformysql.azure.upbound.io/FlexibleServerFirewallRule",
            "sql.azure.upbound.io/MSSQLServer", "sql.azure.upbound.io/MSSQLDatabase", "sql.azure.upbound.io/MSSQLFirewallRule",
            "cache.azure.upbound.io/RedisCache",
            "cosmosdb.azure.upbound.io/Account", "cosmosdb.azure.upbound.io/SQLDatabase");

    static SchemaValidator validator;

    @BeforeAll
    static void load() {
        validator = SchemaValidator.forPath(Shared.reference().resolve("aso/crds"));
    }

    static Results map(String fixture, MapOptions options) {
        return new Results(Mapper.map(Fixtures.compose(fixture, ObservedIndex.EMPTY), Fixtures.builtIn(),
                ObservedIndex.EMPTY, options));
    }

    static Results map(String fixture) {
        return map(fixture, new MapOptions(null, SUBSCRIPTION, Map.of()));
    }

    @Test
    void everyKindCoversAtLeastNinetyPercentOfItsFields() {
        List<Coverage.Row> rows = Coverage.run(Fixtures.builtIn(), new CrdStore(Shared.reference().resolve("upjet-azure/crds")));
        List<String> seen = new ArrayList<>();
        for (Coverage.Row r : rows) {
            if (KINDS.contains(r.kind())) {
                seen.add(r.kind() + " " + r.version());
                assertTrue(r.total() > 0, r.kind());
                assertTrue(r.share() >= 0.9, r.kind() + " " + r.version() + " covers " + r.share() + "; unmapped " + r.unmapped());
            }
        }
        // Servers, Redis, Cosmos accounts, SQL databases: v1beta1 and v1beta2; the other children: v1beta1 only.
        assertEquals(20, seen.size(), seen.toString());
    }

    /** Each fixture maps to exactly its expected objects (`<fixture>.aso.yaml`), all valid, with nothing unmapped. */
    @ParameterizedTest
    @ValueSource(strings = {"postgresql/claim", "postgresql/standalone", "mysql/claim", "mysql/standalone",
            "mssql/claim", "mssql/standalone", "redis/rediscache", "cosmosdb/claim", "cosmosdb/standalone"})
    void fixtureMapsToTheExpectedValidAsoObjects(String name) throws Exception {
        Results r = map(name + ".yaml");
        List<JsonNode> expected = new ArrayList<>();
        String text = Files.readString(Fixtures.resource(name + ".aso.yaml"));
        for (JsonNode doc : Yaml.YAML.readValues(Yaml.YAML.createParser(text), JsonNode.class).readAll()) {
            expected.add(doc);
        }
        List<JsonNode> actual = new ArrayList<>();
        for (ObjectNode t : r.targets()) {
            actual.add(withRelativeSourceFile(t));
            List<SchemaValidator.Problem> problems = validator.validate(t);
            assertEquals(List.of(), problems, t.path("kind").asText() + "/" + t.path("metadata").path("name").asText());
        }
        assertEquals(Yaml.YAML.writeValueAsString(expected), Yaml.YAML.writeValueAsString(actual));
        for (MappedResource m : r.resources()) {
            assertEquals(List.of(), m.unmapped(), m.source().object().path("metadata").path("name").asText());
            for (Finding f : m.findings()) {
                assertTrue(f.severity() != Severity.ERROR && f.severity() != Severity.UNMAPPED, f.toString());
            }
        }
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

    @Test
    void childrenAreOwnedByTheMigratedServerElseByItsArmId() {
        Results pg = map("postgresql/claim.yaml");
        for (String[] child : new String[][]{{"FlexibleServersDatabase", "orders-database"},
                {"FlexibleServersFirewallRule", "orders-office-firewall"}, {"FlexibleServersConfiguration", "orders-backslash-quote"}}) {
            assertEquals("orders-server", pg.spec(child[0], child[1]).path("owner").path("name").asText(), child[1]);
            assertFalse(pg.spec(child[0], child[1]).path("owner").has("armId"));
        }
        assertEquals("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/shared-rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/shared-pg",
                map("postgresql/standalone.yaml").spec("FlexibleServersDatabase", "reporting").path("owner").path("armId").asText());
        // MySQL children name their server by name and resource group: the ARM ID is built from both.
        assertEquals("shop-server", map("mysql/claim.yaml").spec("FlexibleServersDatabase", "shop-database").path("owner").path("name").asText());
        assertEquals("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/shared-rg/providers/Microsoft.DBforMySQL/flexibleServers/shared-mysql",
                map("mysql/standalone.yaml").spec("FlexibleServersDatabase", "legacy").path("owner").path("armId").asText());
        assertEquals("billing-server", map("mssql/claim.yaml").spec("ServersFirewallRule", "billing-firewall").path("owner").path("name").asText());
        // An ARM ID naming a migrated server still leads to the migrated object.
        assertEquals("sqldatabasev1beta2", map("mssql/standalone.yaml").spec("ServersDatabase", "examplemssqldatabase").path("owner").path("name").asText());
        assertEquals("catalog-account", map("cosmosdb/claim.yaml").spec("SqlDatabase", "catalog-database").path("owner").path("name").asText());
    }

    @Test
    void namespacedCrossplaneV2MrsStayInTheirNamespace() throws Exception {
        Results r = map("postgresql/namespaced.yaml");
        JsonNode server = r.target("FlexibleServer", "shop-orders-server");
        assertEquals("team-a", server.path("metadata").path("namespace").asText());
        assertEquals(Yaml.YAML.readTree("{name: db-admin-password, key: password}"), server.path("spec").path("administratorLoginPassword"));
        assertEquals(Yaml.YAML.readTree("{name: Standard_B1ms, tier: Burstable}"), server.path("spec").path("sku"));
        assertTrue(r.findings("secret-copy").get(0).message().contains("nothing to copy"), r.findings("secret-copy").toString());
        JsonNode db = r.target("FlexibleServersDatabase", "orders");
        assertEquals("team-a", db.path("metadata").path("namespace").asText());
        assertEquals("shop-orders-server", db.path("spec").path("owner").path("name").asText());
        assertEquals("orders", db.path("spec").path("azureName").asText());
        for (ObjectNode t : r.targets()) {
            assertEquals(List.of(), validator.validate(t));
        }
        for (MappedResource m : r.resources()) {
            assertEquals(List.of(), m.unmapped());
        }
    }

    @Test
    void passwordsAreSecretReferencesAndNoSecretValueIsWritten() throws Exception {
        Results r = map("mysql/claim.yaml");
        JsonNode password = r.spec("FlexibleServer", "shop-server").path("administratorLoginPassword");
        assertEquals(Yaml.YAML.readTree("{name: example-secret, key: password}"), password);
        assertEquals(1, r.findings("secret-copy").size());
        assertTrue(r.findings("secret-copy").get(0).message().contains("upbound-system/example-secret"));
        // The fixture holds the Secret itself; neither its value nor its decoded text may appear anywhere.
        String all = Yaml.YAML.writeValueAsString(r.targets()) + r.resources().stream().flatMap(m -> m.findings().stream())
                .map(Finding::message).toList();
        assertFalse(all.contains("dGVzdFBhc3N3b3JkITEyMw=="));
        assertFalse(all.contains("testPassword"));
    }

    @Test
    void aDatabaseOfAServerOutsideTheMigrationHasNoGuessedLocation() {
        Results r = map("mssql/server-not-migrated.yaml");
        JsonNode spec = r.spec("ServersDatabase", "analytics");
        assertFalse(spec.has("location"));
        List<Finding> f = r.findings("reference-unresolved");
        assertEquals(1, f.size(), f.toString());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertTrue(f.get(0).message().contains("spec.location"), f.get(0).message());
        assertTrue(f.get(0).message().contains("/servers/shared-sql) is not part of this migration"), f.get(0).message());
        assertTrue(r.resources().get(0).unmapped().isEmpty());
    }

    @Test
    void settingsThatAzureKeepsButAsoDoesNotManageAreWarnings() {
        List<String> sql = map("mssql/claim.yaml").findings("ignored-field").stream().map(Finding::message).toList();
        assertTrue(sql.stream().anyMatch(m -> m.startsWith("forProvider.connectionPolicy is not migrated")), sql.toString());
        assertTrue(sql.stream().anyMatch(m -> m.startsWith("forProvider.shortTermRetentionPolicy is not migrated")), sql.toString());
        Results redis = map("redis/rediscache.yaml");
        List<Finding> ignored = redis.findings("sessions", "ignored-field");
        assertEquals(2, ignored.size(), ignored.toString());
        assertTrue(ignored.stream().allMatch(x -> x.severity() == Severity.WARNING));
        // The storage connection string stays in its Secret: ASO would need it in plain text.
        assertFalse(Yaml.YAML.valueToTree(redis.spec("Redis", "sessions")).toString().contains("rdb-storage-connection-string"));
    }

    @Test
    void withoutTheSubscriptionTheMaintenanceConfigurationIdIsLeftOutAndSaid() {
        Results r = map("mssql/standalone.yaml", MapOptions.defaults());
        assertFalse(r.spec("ServersDatabase", "examplemssqldatabase").has("maintenanceConfigurationId"));
        List<Finding> f = r.findings("examplemssqldatabase", "value-not-mapped");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("{subscription}"), f.get(0).message());
    }
}
