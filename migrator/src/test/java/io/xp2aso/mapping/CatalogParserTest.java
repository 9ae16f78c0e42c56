package io.xp2aso.mapping;

import io.xp2aso.source.InputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mapping files are read strictly; mistakes name file and line. */
class CatalogParserTest {
    private static String error(String yaml) {
        InputException e = assertThrows(InputException.class, () -> CatalogParser.parse("m.yaml", yaml));
        return e.render();
    }

    private static final String HEAD = """
            source: {group: azure.upbound.io, kind: ResourceGroup}
            targets:
              - id: rg
                apiVersion: resources.azure.com/v1api20200601
                kind: ResourceGroup
                rules:
            """;

    @Test
    void errorsNameTheLine() {
        assertEquals("error: m.yaml:7: unknown key `bogus` in a rule (allowed: append, appendKey, case, const, default, divide, "
                + "each, entries, fields, format, from, inItem, joinList, keepUnlisted, multiply, negate, note, observedUnset, onlyIf, pattern, reference, secretRef, "
                + "split, subResource, to, type, values, via)", error(HEAD + "      - {from: a, to: b, bogus: 1}\n"));
        assertTrue(error(HEAD + "      - {from: 'a b', to: b}\n").contains("m.yaml:7: bad field path `a b`"));
        assertTrue(error(HEAD + "      - {from: a, to: b, pattern: '(('}\n").contains("m.yaml:7: bad pattern"));
        assertTrue(error(HEAD + "      - {from: a}\n").contains("m.yaml:7: a rule needs `to`"));
        assertTrue(error(HEAD + "      - {from: [a, b], to: c}\n").contains("joined by a `format`"));
        assertTrue(error(HEAD + "      - {from: a, to: b, const: 1}\n").contains("`from` or `const`, not both"));
        assertTrue(error(HEAD + "      - {from: a, to: b, type: long}\n").contains("type is one of"));
        assertTrue(error(HEAD + "      - {from: a, to: b, reference: {kind: Foo}}\n").contains("cluster-scoped upjet GROUP/Kind"));
        assertTrue(error("source: {group: storage.azure.m.upbound.io, kind: Account}\n").contains("matches it automatically"));
        assertTrue(error("source: {group: azure.upbound.io, kind: X}\n").contains("either `targets` or `mergeInto`"));
        assertTrue(error("source: {group: azure.upbound.io, kind: X}\ntargets:\n  - id: a\n    apiVersion: foo/v1\n    kind: K\n")
                .contains("m.yaml:4: apiVersion must be an ASO"));
        assertTrue(error(HEAD + "      - {from: a, to: b}\nignore:\n  - {path: a, reason: ' '}\n")
                .contains("needs a reason"));
        assertTrue(error(HEAD + "      - {from: a, to: b, observedUnset: 0}\n").contains("m.yaml:7: `observedUnset` is a list"));
        assertTrue(error(HEAD + "      - {to: b, const: 1, observedUnset: [0]}\n").contains("applies to plain values"));
        assertTrue(error("source: [\n").contains("malformed YAML"));
        assertTrue(error("a: 1\n---\nb: 2\n").contains("exactly one YAML document"));
    }

    @Test
    void everyConstructParses() {
        KindMapping m = CatalogParser.parse("m.yaml", HEAD + """
                      - {from: a, to: b}
                      - {to: c, const: X}
                      - {from: d, to: e, default: 3, type: integer}
                      - {from: f, to: g, values: {'true': Enabled}, keepUnlisted: true}
                      - {from: [h, i], to: j, format: '{0}_{1}'}
                      - {from: k, to: l, pattern: '^(x)_(y)$', format: '{2}', case: lower}
                      - {from: m, to: n, divide: 1024}
                      - {from: o, to: p, each: [{to: service}]}
                      - {from: q, to: r, fields: [{from: s, to: t}]}
                      - {from: u, to: v, reference: {kind: network.azure.upbound.io/Subnet}}
                      - {from: w, to: x, secretRef: true}
                      - {from: y, to: z, joinList: ', '}
                      - {from: aa, to: bb, negate: true}
                ignore:
                  - {path: zz, reason: because, severity: warning}
                """);
        assertEquals(13, m.targets().get(0).rules().size());
        assertEquals("azure.upbound.io/ResourceGroup", m.groupKind());
        assertFalse(m.isMerge());
        assertEquals("because", m.ignore().get(0).reason());
    }

    @Test
    void namespacedGroupsFindTheClusterScopedFile() {
        MappingCatalog c = Fixtures.builtIn();
        assertTrue(c.hasMapping("storage.azure.upbound.io/v1beta1", "Account"));
        assertTrue(c.hasMapping("storage.azure.m.upbound.io/v1beta1", "Account"));
        assertTrue(c.hasMapping("azure.m.upbound.io/v1beta1", "ResourceGroup"));
        assertFalse(c.hasMapping("storage.azure.upbound.io/v1beta1", "Blob")); // data plane: no ASO kind
        assertEquals(java.util.List.of("v20250601", "v1api20230101"), c.targetVersions("storage.azure.com", "StorageAccount"));
        assertEquals("built-in", c.location());
    }
}
