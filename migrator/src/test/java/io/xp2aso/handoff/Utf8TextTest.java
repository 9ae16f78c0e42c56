package io.xp2aso.handoff;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Utf8Text gives the same bytes as building the whole text in a StringBuilder and encoding it once. */
class Utf8TextTest {
    private static void same(Utf8Text built, String expected) {
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), built.toBytes());
        assertEquals(expected, built.toString());
    }

    @Test
    void asciiNumbersAndChars() {
        Utf8Text t = new Utf8Text(8);
        t.append("unit ").append(42).append(' ').append(-7L).append('\n');
        same(t, "unit 42 -7\n");
    }

    @Test
    void wideTextBetweenRuns() {
        Utf8Text t = new Utf8Text(16);
        t.append("### 1. `preflight`").appendWide(" — ").append("Preflight\n").append("Delete").appendWide(" → ")
                .append("Orphan");
        same(t, "### 1. `preflight` — Preflight\nDelete → Orphan");
    }

    @Test
    void userTextBeyondAsciiInAnOrdinaryAppend() {
        // Latin-1 (é), beyond Latin-1 (→), a surrogate pair (an emoji) and CJK, then plain text again after a flush.
        Utf8Text t = new Utf8Text(4);
        t.append("café ").append("a → b ").append("\uD83D\uDE80 ").append("名前").appendWide("—").append("plain")
                .append(" more").appendWide("…").append("end");
        same(t, "café a → b \uD83D\uDE80 名前—plain more…end");
    }

    @Test
    void bytesCanBeTakenTwiceAndAppendingGoesOn() {
        Utf8Text t = new Utf8Text(4);
        t.append("a").appendWide("→");
        assertArrayEquals("a→".getBytes(StandardCharsets.UTF_8), t.toBytes());
        t.append("b");
        same(t, "a→b");
    }

    @Test
    void emptyText() {
        same(new Utf8Text(0), "");
    }
}
