package io.xp2aso.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.testutil.Shared;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** YamlText must write exactly what Jackson + SnakeYAML write through Yaml.YAML, fast path or fallback. */
class YamlTextTest {
    private static final Nodes F = Nodes.FACTORY;

    // --- real documents --------------------------------------------------------------------------------------------

    @Test
    void samplesInTheRepositoryMatchJackson() throws IOException {
        Path root = Shared.repoRoot().resolve("samples");
        Counts c = compareAll(List.of(root.resolve("crossplane"), root.resolve("aso"), root.resolve("observed")));
        assertTrue(c.documents > 20, "too few sample documents: " + c.documents);
        // The generated ASO manifests are what the writer is for: each of them must take the fast path. The units'
        // handed-over kustomize Components (a JSON patch as a block scalar) are not ASO manifests.
        Counts aso = compareAll(List.of(root.resolve("aso/aso")), p -> !p.toString().contains("/handed-over/"));
        assertEquals(aso.documents, aso.fast, "ASO sample manifests that fell back to Jackson");
    }

    @Test
    void sharedAsoSamplesAndCorpusMatchJackson() throws IOException {
        Path shared = Shared.root();
        Counts c = compareAll(List.of(shared.resolve("reference/aso/samples"), shared.resolve("corpus/crossplane")));
        assertTrue(c.documents > 100, "too few shared documents: " + c.documents);
        assertTrue(c.fast > c.documents / 2, "fast path used for only " + c.fast + " of " + c.documents);
    }

    private record Counts(int documents, int fast) {
    }

    private static Counts compareAll(List<Path> dirs) throws IOException {
        return compareAll(dirs, p -> true);
    }

    private static Counts compareAll(List<Path> dirs, java.util.function.Predicate<Path> include) throws IOException {
        int documents = 0;
        int fast = 0;
        for (Path dir : dirs) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).filter(include)
                        .sorted().toList();
            }
            for (Path file : files) {
                try (MappingIterator<JsonNode> it = Yaml.YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (it.hasNextValue()) {
                        JsonNode doc = it.nextValue();
                        if (doc == null || doc.isMissingNode()) {
                            continue;
                        }
                        documents++;
                        String expected = Yaml.YAML.writeValueAsString(doc);
                        assertEquals(expected, YamlText.write(doc), file.toString());
                        String quick = YamlText.tryWrite(doc);
                        if (quick != null) {
                            fast++;
                            assertEquals(expected, quick, file.toString());
                        }
                    }
                }
            }
        }
        return new Counts(documents, fast);
    }

    // --- hand-picked cases -----------------------------------------------------------------------------------------

    /** Scalars whose quoting Jackson and SnakeYAML decide by subtle rules; every one must take the fast path. */
    private static final List<String> TRICKY = List.of(
            "true", "True", "TRUE", "tRUE", "false", "FALSE", "yes", "Yes", "YES", "yEs", "no", "No", "NO", "on", "On",
            "ON", "oN", "off", "Off", "OFF", "y", "Y", "n", "N", "null", "Null", "NULL", "nULL", "~", "~x", "x~",
            "1e3", "1E3", "1.5e-3", "0x1F", "0X1F", "0o17", "0b101", "0b", "017", "0", "00", "0_1", "09", "1_000",
            "1__0", "_1", ".5", "5.", ".", "..", "...", "...x", "---", "---x", "--", "-", "+", "+1", "-1", "-.5",
            "+.inf", ".inf", ".Inf", ".NaN", ".nan", "-.inf", "1:30", "12:00:01", "1:", "1.2.3", "1-2", "1 2", "1,2",
            "2024-01-01", "2024-01-01T00:00:00Z", "10.0.0.0/16", "v1", "1a", "a1", "=", "<<", "@x", "`x", "%x",
            "&x", "*x", "!x", "|x", ">x", "'x", "\"x", "x'y", "x\"y", "x\\y", "\\", "'", "''", "\"",
            "#", "#x", "x#", "x#y", "x #y", "x # y", ":", ":x", "x:", "x:y", "x: y", "x :y", "::", "?", "?x", "? x",
            "-x", "- x", "x-", "x -", "[", "]", "x[0]", "{", "}", "{x}", ",", "x,y", " x", "x ", " ", "  ", "x  y",
            "a b c", "Standard_LRS", "westeurope", "Microsoft.Storage/storageAccounts",
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg");

    @Test
    void trickyScalarsAsValuesKeysAndItemsMatchJackson() throws IOException {
        for (String s : TRICKY) {
            ObjectNode root = F.objectNode();
            root.put("value", s);
            root.put(s, "key");
            root.putArray("items").add(s).add(F.arrayNode().add(s)).addObject().put(s, s);
            root.putObject("nested").putObject("deeper").put("v", s);
            assertFast(root, s);
        }
    }

    @Test
    void containersNumbersAndNullsMatchJackson() throws IOException {
        ObjectNode root = F.objectNode();
        root.putObject("emptyObject");
        root.putArray("emptyArray");
        root.putNull("nothing");
        root.put("int", 42).put("negative", -7).put("long", 1L << 40).put("smallLong", 3L);
        root.put("double", 1.5).put("bigDouble", 1e300).put("tinyDouble", -1e-7).put("nan", Double.NaN)
                .put("inf", Double.NEGATIVE_INFINITY).put("yes", true).put("no", false);
        ArrayNode arrays = root.putArray("arrays");
        arrays.addArray().addArray().add(1).add("a").addArray();
        arrays.addArray().addObject();
        arrays.addObject().putArray("x").addObject().putArray("y").addArray().add("z");
        arrays.addNull();
        arrays.addObject().put("a", 1).put("b", "c").putArray("d").add("e");
        assertFast(root, "containers");
        assertFast(F.arrayNode().add("a").add(F.objectNode().put("b", 1)).add(F.arrayNode()), "root array");
        assertFast(F.objectNode(), "empty root object");
        assertFast(F.arrayNode(), "empty root array");

        ObjectNode deep = F.objectNode();
        ObjectNode at = deep;
        for (int i = 0; i < 60; i++) {
            at = at.putArray("l" + i).addObject();
        }
        at.put("leaf", "value with spaces that is long enough to reach past the preferred width of eighty columns");
        assertFast(deep, "deep nesting");
    }

    @Test
    void unsupportedNodesFallBackToJackson() throws IOException {
        ObjectNode root = F.objectNode();
        root.put("multi", "line one\nline two\n");
        assertFallback(root);
        assertFallback(F.objectNode().put("tab", "a\tb"));
        assertFallback(F.objectNode().put("unicode", "café"));
        assertFallback(F.objectNode().put("emoji", "x\uD83D\uDE00y"));
        assertFallback(F.objectNode().put("", "empty key"));
        assertFallback(F.objectNode().put("k".repeat(128), "long key"));
        assertFallback(F.objectNode().put("big", new BigInteger("123456789012345678901234567890")));
        assertFallback(F.objectNode().put("decimal", new BigDecimal("1.50")));
        assertFallback(F.objectNode().put("float", 1.5f));
        assertFallback(F.objectNode().put("binary", new byte[] {1, 2, 3}));
        assertFallback(F.textNode("root scalar"));
        // Just under the simple-key limit still takes the fast path.
        assertFast(F.objectNode().put("k".repeat(127), "v"), "127-character key");
    }

    @Test
    void longTextIsSplitAtTheSameSpacesAsSnakeYaml() throws IOException {
        // Plain, single-quoted (leading '-' + space forces it) and double-quoted (": " makes Jackson quote) text at
        // many indents and lengths around the 80-column width.
        Random random = new Random(7);
        for (int round = 0; round < 400; round++) {
            StringBuilder sb = new StringBuilder();
            int words = 1 + random.nextInt(40);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    sb.append(random.nextInt(6) == 0 ? "  " : " ");
                }
                sb.append("abcdefghijklmnopqrstuvwxyz", 0, 1 + random.nextInt(14));
                if (random.nextInt(10) == 0) {
                    sb.append(new String[] {"'", "\"", "\\", ":", "#", ": x", " #"}[random.nextInt(7)]);
                }
            }
            String text = switch (round % 4) {
                case 0 -> sb.toString();
                case 1 -> "- " + sb;
                case 2 -> "x: " + sb;
                default -> sb + " ";
            };
            ObjectNode root = F.objectNode();
            ObjectNode at = root;
            for (int d = 0; d < random.nextInt(8); d++) {
                at = random.nextBoolean() ? at.putObject("level" + d) : at.putArray("items" + d).addObject();
            }
            at.put("k".repeat(1 + random.nextInt(30)), text);
            at.putArray("list").add(text);
            assertFast(root, text);
        }
    }

    // --- generated trees -------------------------------------------------------------------------------------------

    private static final String ASCII_ALPHABET = "abcXYZ019 _-./:#'\"\\,[]{}?!&*|>%@`~=+";

    @Test
    void randomPrintableAsciiTreesTakeTheFastPathAndMatchJackson() throws IOException {
        Random random = new Random(20261125L);
        for (int round = 0; round < 3000; round++) {
            JsonNode tree = randomContainer(random, 0, false);
            assertFast(tree, "round " + round);
        }
    }

    @Test
    void randomTreesWithAnyTextMatchJackson() throws IOException {
        Random random = new Random(99L);
        int fallbacks = 0;
        for (int round = 0; round < 2000; round++) {
            JsonNode tree = randomContainer(random, 0, true);
            String expected = Yaml.YAML.writeValueAsString(tree);
            assertEquals(expected, YamlText.write(tree), "round " + round);
            String quick = YamlText.tryWrite(tree);
            if (quick == null) {
                fallbacks++;
            } else {
                assertEquals(expected, quick, "round " + round);
            }
        }
        assertTrue(fallbacks > 0 && fallbacks < 2000, "both paths exercised: " + fallbacks + " fallbacks");
    }

    private static JsonNode randomContainer(Random random, int depth, boolean anyText) {
        int size = random.nextInt(depth == 0 ? 6 : 4) + (depth == 0 ? 1 : 0);
        if (random.nextInt(3) == 0) {
            ArrayNode a = F.arrayNode();
            for (int i = 0; i < size; i++) {
                a.add(randomValue(random, depth + 1, anyText));
            }
            return a;
        }
        ObjectNode o = F.objectNode();
        for (int i = 0; i < size; i++) {
            String key = randomText(random, anyText);
            if (!anyText && key.isEmpty()) {
                key = "k";
            }
            o.set(key, randomValue(random, depth + 1, anyText));
        }
        return o;
    }

    private static JsonNode randomValue(Random random, int depth, boolean anyText) {
        int pick = random.nextInt(depth > 6 ? 7 : 10);
        return switch (pick) {
            case 0 -> F.numberNode(random.nextInt(2) == 0 ? random.nextInt() : random.nextLong());
            case 1 -> F.numberNode(random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15));
            case 2 -> F.booleanNode(random.nextBoolean());
            case 3 -> F.nullNode();
            case 4, 5, 6 -> F.textNode(randomText(random, anyText));
            default -> randomContainer(random, depth, anyText);
        };
    }

    private static String randomText(Random random, boolean anyText) {
        if (random.nextInt(4) == 0) {
            return TRICKY.get(random.nextInt(TRICKY.size()));
        }
        String alphabet = anyText ? ASCII_ALPHABET + "\n\t\r\u00e9\u00a0\u2028\uFEFF\u0085" : ASCII_ALPHABET;
        int len = random.nextInt(5) == 0 ? 60 + random.nextInt(120) : random.nextInt(12);
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String s = sb.toString();
        return !anyText && s.length() >= 128 && random.nextBoolean() ? s.substring(0, 100) : s;
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static void assertFast(JsonNode tree, String what) throws IOException {
        String expected = Yaml.YAML.writeValueAsString(tree);
        String quick = YamlText.tryWrite(tree);
        if (quick == null && hasLongKey(tree)) {
            assertEquals(expected, YamlText.write(tree), what);
            return;
        }
        assertNotNull(quick, "fast path refused: " + what);
        assertEquals(expected, quick, what);
        assertEquals(expected, YamlText.write(tree), what);
    }

    private static boolean hasLongKey(JsonNode tree) {
        List<JsonNode> todo = new ArrayList<>(List.of(tree));
        while (!todo.isEmpty()) {
            JsonNode n = todo.remove(todo.size() - 1);
            if (n.isObject()) {
                for (var it = n.fieldNames(); it.hasNext(); ) {
                    if (it.next().length() >= 128) {
                        return true;
                    }
                }
            }
            n.forEach(todo::add);
        }
        return false;
    }

    private static void assertFallback(JsonNode tree) throws IOException {
        assertNull(YamlText.tryWrite(tree), "fast path should refuse " + tree);
        assertEquals(Yaml.YAML.writeValueAsString(tree), YamlText.write(tree));
    }
}
