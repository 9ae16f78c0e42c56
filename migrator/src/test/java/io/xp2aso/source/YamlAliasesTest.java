package io.xp2aso.source;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Anchors, aliases, merge keys and duplicate keys read as Kubernetes' YAML reader (sigs.k8s.io/yaml) reads them. */
class YamlAliasesTest {
    private static List<Manifest> read(String text) {
        SourceReader r = new SourceReader();
        r.readText("a.yaml", text);
        return r.result().manifests();
    }

    private static InputException fails(String text) {
        return assertThrows(InputException.class, () -> read(text));
    }

    @Test
    void aliasesAreExpanded() {
        JsonNode spec = read("""
                apiVersion: example.org/v1
                kind: Bucket
                metadata:
                  name: b
                spec:
                  parameters: &p
                    accountName: &acct stteamaassetsprod
                    containerName: *acct
                    tags: &tags {team: a, cost: "7"}
                  copy: *p
                  more: [*tags, *acct]
                """).get(0).node().get("spec");
        assertEquals("stteamaassetsprod", spec.at("/parameters/containerName").asText());
        assertEquals("stteamaassetsprod", spec.at("/copy/containerName").asText());
        assertEquals("a", spec.at("/more/0/team").asText());
        assertEquals("stteamaassetsprod", spec.at("/more/1").asText());
        // Each alias is its own copy: a later change to one does not show in the other.
        assertTrue(spec.get("copy") != spec.get("parameters"));
    }

    @Test
    void anchorsDoNotCarryOverToTheNextDocument() {
        InputException e = fails("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: &v one}\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {x: *v}\n");
        assertEquals(9, e.origin().line());
        assertTrue(e.getMessage().contains("alias *v refers to no anchor"), e.getMessage());
    }

    @Test
    void mergeKeysMergeWithWrittenKeysWinning() {
        JsonNode data = read("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: m}
                base: &base {location: westeurope, sku: LRS, tier: Hot}
                other: &other {sku: GRS, kind: StorageV2, tier: Cool}
                data:
                  one:
                    <<: *base
                    sku: ZRS
                  two:
                    tier: Premium
                    <<: [*other, *base]
                """).get(0).node().get("data");
        assertEquals("westeurope", data.at("/one/location").asText());
        assertEquals("ZRS", data.at("/one/sku").asText());
        assertEquals("Hot", data.at("/one/tier").asText());
        assertEquals("GRS", data.at("/two/sku").asText(), "the first merged map wins");
        assertEquals("Premium", data.at("/two/tier").asText(), "a written key wins wherever it is");
        assertEquals("westeurope", data.at("/two/location").asText());
        assertTrue(!data.get("one").has("<<"));
        InputException e = fails("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n  <<: not-a-map\n");
        assertEquals(5, e.origin().line());
        assertTrue(e.getMessage().contains("merge key"), e.getMessage());
    }

    @Test
    void duplicateKeysAreAnErrorAtTheSecond() {
        InputException e = fails("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {x: y}\n  name: b\n");
        assertEquals("a.yaml", e.origin().file());
        assertEquals(6, e.origin().line());
        assertTrue(e.getMessage().contains("duplicate key \"name\""), e.getMessage());
        InputException json = assertThrows(InputException.class, () -> new SourceReader().readText("a.json",
                "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\",\n \"kind\": \"Secret\"}"));
        assertEquals(2, json.origin().line());
    }

    @Test
    void billionLaughsStopsFastWithAClearError() {
        StringBuilder b = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  l0: &l0 lol\n");
        for (int i = 1; i <= 9; i++) {
            b.append("  l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                b.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            b.append("]\n");
        }
        InputException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> fails(b.toString()));
        assertTrue(e.getMessage().contains("billion laughs"), e.getMessage());
        assertTrue(e.origin().line() >= 5, "line " + e.origin().line());
    }

    @Test
    void deepNestingIsOnePlainLineWithItsLine() {
        String text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  x: " + "[".repeat(3000) + "]".repeat(3000) + "\n";
        InputException e = fails(text);
        assertEquals(5, e.origin().line());
        assertTrue(e.getMessage().contains("nests deeper than 1000 levels"), e.getMessage());
        assertTrue(!e.getMessage().contains("StreamReadConstraints"), e.getMessage());
    }
}
