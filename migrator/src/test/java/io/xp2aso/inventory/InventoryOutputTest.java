package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Yaml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** inventory.json, inventory.md and inventory.html of a scanned estate: content, escaping, self-containment. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InventoryOutputTest {
    Path tmp;

    MockCluster cluster;
    EstateSeeder seeded;
    Path out;
    JsonNode json;
    Inventory inv;
    Analysis analysis;

    @BeforeAll
    void scanAndWrite(@TempDir Path dir) throws Exception {
        tmp = dir;
        cluster = new MockCluster();
        seeded = new EstateSeeder(cluster).seed(40, 30, 4);
        cluster.forbid(ScannerTest.VAULTS_PATH, "forbidden");
        inv = new Scanner(cluster.client, "", null, 25, new PrintWriter(new StringWriter())).scan();
        analysis = InventoryAnalysis.analyze(inv, TestCatalog.SUPPORT);
        out = tmp.resolve("out");
        InventoryWriter.write(out, inv, analysis);
        json = Yaml.JSON.readTree(out.resolve("inventory.json").toFile());
        if (System.getProperty("dumpInventory") != null) { for (String f : List.of("inventory.json","inventory.md","inventory.html")) Files.copy(out.resolve(f), Path.of("/tmp/" + f), java.nio.file.StandardCopyOption.REPLACE_EXISTING); }
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void writesTheThreeFilesAndNothingElse() throws Exception {
        try (var files = Files.list(out)) {
            assertEquals(List.of("inventory.html", "inventory.json", "inventory.md"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (var siblings = Files.list(tmp)) {
            assertEquals(List.of("out"), siblings.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void jsonHasTheDocumentedKeysInOrder() {
        assertEquals(List.of("schemaVersion", "cluster", "summary", "aso", "kinds", "unlisted", "xrds", "compositions",
                "environmentConfigs", "providers", "functions", "providerConfigs", "claims", "composites",
                "managedResources", "graph", "migratability", "blockers", "clusterApi", "aksClusters"), fieldNames(json));
        JsonNode s = json.path("summary");
        assertEquals(seeded.claims, s.path("claims").asInt());
        assertEquals(seeded.composites, s.path("composites").asInt());
        assertEquals(seeded.mrKeys.size(), s.path("managedResources").asInt());
        assertEquals(seeded.drifting.size(), s.path("drifting").asInt());
        assertEquals(seeded.unhealthy.size(), s.path("unhealthy").asInt());
        assertEquals(1, s.path("unlistedKinds").asInt());
        assertEquals(1, s.path("unmappedKinds").asInt());
        assertEquals(analysis.movable(), s.path("movableManagedResources").asLong());
        assertEquals(3, s.path("compositionRevisions").asInt());
        assertEquals(cluster.url().replaceAll("/$", ""), json.path("cluster").path("server").asText().replaceAll("/$", ""));

        JsonNode account = find(json.path("managedResources"), "Account", "st-0003-sa");
        assertEquals("drifting", account.path("state").asText());
        assertEquals("spec.forProvider.accountTier", account.path("drift").get(0).path("path").asText());
        assertEquals("Orphan", account.path("deletionPolicy").asText());
        assertEquals("team-d", account.path("claimNamespace").asText());
        JsonNode claim = find(json.path("claims"), "Network", "net-0001");
        assertEquals("XNetwork", claim.path("resourceRef").path("kind").asText());
        assertEquals("network", claim.path("composition").asText());
        assertTrue(json.path("aso").path("installed").asBoolean());
        assertEquals(403, json.path("unlisted").get(0).path("status").asInt());
        JsonNode storage = find(json.path("compositions"), "Composition", "storage");
        assertEquals("crossplane-contrib/function-patch-and-transform",
                storage.path("pipeline").get(0).path("function").asText());
        assertTrue(storage.path("pipeline").get(0).path("supported").asBoolean());
        JsonNode rgKind = null;
        for (JsonNode k : json.path("kinds")) {
            if (k.path("resource").asText().equals("resourcegroups.azure.upbound.io")) {
                rgKind = k;
            }
        }
        assertEquals(4, rgKind.path("pages").asInt()); // 40 + 30 + 4 + 5 = 79 in pages of 25
    }

    @Test
    void secretValuesNeverAppear() throws Exception {
        for (String f : List.of("inventory.json", "inventory.md", "inventory.html")) {
            String text = Files.readString(out.resolve(f));
            assertFalse(text.contains("TOPSECRET"), f);
            assertFalse(text.contains("clientSecret"), f);
        }
    }

    @Test
    void htmlIsOneWellFormedSelfContainedPage() throws Exception {
        String html = Files.readString(out.resolve("inventory.html"));
        Document doc = parse(html);
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertEquals(0, doc.getElementsByTagName("link").getLength());
        assertEquals(0, doc.getElementsByTagName("img").getLength());
        assertFalse(html.contains("src="));
        assertFalse(html.contains("url("));
        assertEquals(1, doc.getElementsByTagName("style").getLength());
        // A cluster message with markup is text, not markup.
        assertTrue(textOf(table(doc, "unhealthy-table")).contains("<script>alert(1)</script> | subnet \"snet-a\" overlaps & conflicts"));
    }

    @Test
    void htmlTablesMatchTheInventory() throws Exception {
        Document doc = parse(Files.readString(out.resolve("inventory.html")));
        List<List<String>> mig = rows(table(doc, "migratability-table"));
        assertEquals(analysis.kinds().size(), mig.size());
        List<String> workspace = mig.stream().filter(r -> r.get(1).equals("Workspace")).findFirst().orElseThrow();
        assertEquals(List.of("synapse.azure.upbound.io/v1beta2", "Workspace", "no", "", "4", "4", "0", "0", "0"), workspace);
        List<String> account = mig.stream().filter(r -> r.get(1).equals("Account")).findFirst().orElseThrow();
        assertEquals("StorageAccount storage.azure.com/v1api20230101", account.get(3));
        List<String> container = mig.stream().filter(r -> r.get(1).equals("Container")).findFirst().orElseThrow();
        assertEquals("StorageAccountsBlobServicesContainer storage.azure.com/v1api20230101 (CRD missing)", container.get(3));
        List<List<String>> drift = rows(table(doc, "drift-table"));
        assertEquals(seeded.drifting.size(), drift.size());
        assertEquals(List.of("Account/st-0003-sa", "spec.forProvider.accountTier", "Standard", "Premium"), drift.get(0));
        List<List<String>> unlisted = rows(table(doc, "unlisted-table"));
        assertEquals("vaults.keyvault.azure.upbound.io", unlisted.get(0).get(0));
        List<List<String>> aso = rows(table(doc, "aso-table"));
        assertEquals(List.of("resources.azure.com", "ResourceGroup", "v1api20200601, v20200601", "v1api20200601"), aso.get(0));
        List<List<String>> paused = rows(table(doc, "paused-table"));
        assertTrue(paused.stream().anyMatch(r -> r.get(0).equals("Network/team-c/net-0007")), paused.toString());
    }

    @Test
    void htmlGraphNestsClaimXrAndMrs() throws Exception {
        Document doc = parse(Files.readString(out.resolve("inventory.html")));
        Element graph = doc.getElementById("graph-list");
        if (graph == null) {
            graph = byId(doc.getDocumentElement(), "graph-list");
        }
        List<Element> roots = children(graph, "li");
        assertEquals(analysis.graph().size(), roots.size());
        Element claim = roots.stream().filter(li -> spanText(li, "name").equals("team-b/net-0001")).findFirst().orElseThrow();
        assertEquals("claim", spanText(claim, "role"));
        Element xr = children(children(claim, "ul").get(0), "li").get(0);
        assertEquals("XNetwork", spanText(xr, "kind"));
        List<Element> mrs = children(children(xr, "ul").get(0), "li");
        assertEquals(List.of("ResourceGroup", "Subnet", "Subnet", "VirtualNetwork"),
                mrs.stream().map(li -> spanText(li, "kind")).toList());
        assertTrue(mrs.stream().allMatch(li -> li.getAttribute("class").equals("healthy")));
        Element an = roots.stream().filter(li -> spanText(li, "name").equals("team-a/an-0000")).findFirst().orElseThrow();
        Element anXr = children(children(an, "ul").get(0), "li").get(0);
        Element vault = children(children(anXr, "ul").get(0), "li").stream()
                .filter(li -> spanText(li, "kind").equals("Vault")).findFirst().orElseThrow();
        assertEquals("missing", vault.getAttribute("class"));
    }

    @Test
    void markdownEscapesCellsAndListsTheGraph() throws Exception {
        String md = Files.readString(out.resolve("inventory.md"));
        assertTrue(md.contains("create failed: &lt;script&gt;alert(1)&lt;/script&gt; \\| subnet \"snet-a\" overlaps &amp; conflicts"), md);
        assertTrue(md.contains("\n- claim Network team-b/net-0001: healthy\n  - composite XNetwork net-0001-x: healthy\n"
                + "    - managed ResourceGroup net-0001-rg: healthy\n"), md);
        assertTrue(md.contains("| synapse.azure.upbound.io/v1beta2 | Workspace | no |  | 4 | 4 | 0 | 0 | 0 |"), md);
        for (String line : md.split("\n")) {
            if (line.startsWith("|")) {
                assertTrue(line.endsWith("|"), line);
            }
        }
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new java.io.ByteArrayInputStream(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Element table(Document doc, String id) {
        Element e = byId(doc.getDocumentElement(), id);
        if (e == null) {
            throw new AssertionError("no element #" + id);
        }
        return e;
    }

    private static Element byId(Element root, String id) {
        if (id.equals(root.getAttribute("id"))) {
            return root;
        }
        NodeList nl = root.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i) instanceof Element c) {
                Element found = byId(c, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Body rows of a table, as cell texts. */
    private static List<List<String>> rows(Element table) {
        List<List<String>> out = new ArrayList<>();
        Element tbody = children(table, "tbody").get(0);
        for (Element tr : children(tbody, "tr")) {
            List<String> cells = new ArrayList<>();
            for (Element td : children(tr, "td")) {
                cells.add(td.getTextContent());
            }
            out.add(cells);
        }
        return out;
    }

    private static String textOf(Element e) {
        return e.getTextContent();
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nl = parent.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            Node n = nl.item(i);
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String spanText(Element li, String cls) {
        for (Element span : children(li, "span")) {
            if (span.getAttribute("class").equals(cls)) {
                return span.getTextContent();
            }
        }
        return "";
    }

    private static JsonNode find(JsonNode array, String kind, String name) {
        for (JsonNode n : array) {
            if (n.path("kind").asText().equals(kind) && n.path("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no " + kind + " " + name);
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = n.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }
}
