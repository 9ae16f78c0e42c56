package io.xp2aso.mapping;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class K8sNamesTest {
    private static final String ALPHABET = "abcXYZ019-._ /:é";

    @Test
    void theShortcutsAgreeWithTheRewrites() {
        // The shortcut (a name already valid is kept) must give what the regex rewrite gives, for any text.
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(i % 100 == 0 ? 80 : 8);
            for (int j = 0; j < n; j++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String s = b.toString();
            assertEquals(K8sNames.rewriteDns1123(s), K8sNames.dns1123(s), "dns1123 of '" + s + "'");
            assertEquals(K8sNames.rewriteLabelValue(s), K8sNames.labelValue(s), "label value of '" + s + "'");
            if (!s.isEmpty()) {
                assertEquals(K8sNames.rewriteLabelValue(s).equals(s), K8sNames.isLabelValue(s), "'" + s + "'");
                assertEquals(K8sNames.rewriteDns1123(s).equals(s), K8sNames.isDns1123(s), "'" + s + "'");
            }
        }
    }

    @Test
    void examples() {
        assertTrue(K8sNames.isDns1123("db-00001-server"));
        assertFalse(K8sNames.isDns1123("db--1"));
        assertEquals("db-1", K8sNames.dns1123("DB__1"));
        assertTrue(K8sNames.isLabelValue("team-01.db_1"));
        assertEquals("a-b", K8sNames.labelValue("-a b."));
        assertEquals("", K8sNames.labelValue("--"));
    }
}
