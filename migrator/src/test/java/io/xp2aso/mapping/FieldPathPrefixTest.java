package io.xp2aso.mapping;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** isInside and isUnder answer as the plain definitions (a prefix, then a dot) for any pair of paths. */
class FieldPathPrefixTest {
    @Test
    void examples() {
        assertTrue(FieldPath.isInside("a.b", "a"));
        assertTrue(FieldPath.isInside("a.b.c", "a.b"));
        assertFalse(FieldPath.isInside("ab", "a"), "a longer name is not inside");
        assertFalse(FieldPath.isInside("a", "a"), "a path is not inside itself");
        assertFalse(FieldPath.isInside("a", "a.b"));
        assertTrue(FieldPath.isUnder("a", "a"));
        assertTrue(FieldPath.isUnder("a.b", ""));
        assertFalse(FieldPath.isUnder("ab.c", "a"));
    }

    @Test
    void agreeWithTheDefinitionOnRandomPaths() {
        String alphabet = "ab.[0]";
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            String path = random(random, alphabet);
            String prefix = random.nextInt(4) == 0 ? path.substring(0, random.nextInt(path.length() + 1)) : random(random, alphabet);
            assertEquals(path.startsWith(prefix + "."), FieldPath.isInside(path, prefix), "'" + path + "' in '" + prefix + "'");
            assertEquals(prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "."),
                    FieldPath.isUnder(path, prefix), "'" + path + "' under '" + prefix + "'");
        }
    }

    private static String random(Random random, String alphabet) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(7);
        for (int j = 0; j < n; j++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
