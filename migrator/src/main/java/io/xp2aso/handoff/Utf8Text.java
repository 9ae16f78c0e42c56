package io.xp2aso.handoff;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Text built straight into UTF-8 bytes, for the plan's large Markdown. A StringBuilder turns to two bytes per character
 * for good at the first character beyond Latin-1 (plan.md's dashes and arrows), and then every later append widens
 * and the final encoding goes character by character: at 10,000 units that was most of the cost of writing plan.md.
 * Here text gathers in a StringBuilder until such a character comes ({@link #appendWide}, or any text that holds
 * one), is encoded, and a fresh builder takes the rest.
 */
final class Utf8Text {
    private final ByteArrayOutputStream bytes;
    private StringBuilder run;
    private final int runCapacity;

    Utf8Text(int capacity) {
        bytes = new ByteArrayOutputStream(capacity);
        runCapacity = Math.max(16, capacity / 4);
        run = new StringBuilder(runCapacity);
    }

    Utf8Text append(String s) {
        run.append(s);
        return this;
    }

    Utf8Text append(char c) {
        run.append(c);
        return this;
    }

    Utf8Text append(long n) {
        run.append(n);
        return this;
    }

    /** Text known to hold characters beyond Latin-1: encoded apart, so the pending run stays one byte per char. */
    Utf8Text appendWide(String s) {
        flush();
        bytes.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The text so far, in UTF-8. */
    byte[] toBytes() {
        flush();
        return bytes.toByteArray();
    }

    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    private void flush() {
        if (run.length() == 0) {
            return;
        }
        String text = run.toString();
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        bytes.writeBytes(encoded);
        // More bytes than chars: the run held a character beyond ASCII and may have widened; start a narrow one.
        if (encoded.length != text.length()) {
            run = new StringBuilder(runCapacity);
        } else {
            run.setLength(0);
        }
    }
}
