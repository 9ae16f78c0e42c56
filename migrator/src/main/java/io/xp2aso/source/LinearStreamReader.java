package io.xp2aso.source;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * SnakeYAML's StreamReader with the same behaviour (code points, marks, lines and columns, the "special characters"
 * check) but linear in the length of a token. SnakeYAML's own reader copies everything not yet consumed on each 1 KB
 * read, so a scalar of n characters costs n²/1 KB copies: an 8 MB quoted string took over a minute. Here the window
 * only moves its unread part to the front when that part is at most half of it, and otherwise doubles.
 * Every public method of the superclass is overridden; its own state stays unused.
 */
final class LinearStreamReader extends StreamReader {
    private static final int READ = 64 * 1024;
    private static final int SMALL = 4 * READ;
    private final Reader stream;
    private final char[] buffer = new char[READ + 1];
    private int[] window = new int[1024];
    private int length;
    private int pointer;
    private boolean eof;
    private int index;
    private int documentIndex;
    private int line;
    private int column;
    /** Code points read from the stream so far (for positions in the "special characters" error). */
    private int readSoFar;

    LinearStreamReader(Reader stream) {
        super(Reader.nullReader());
        this.stream = stream;
    }

    @Override
    public Mark getMark() {
        // A Mark holds the buffer for its error snippet: give it a small copy around the pointer, not the window.
        int from = Math.max(0, pointer - 256);
        int to = Math.min(length, pointer + 256);
        return new Mark("'reader'", index, line, column, Arrays.copyOfRange(window, from, to), pointer - from);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int n) {
        for (int i = 0; i < n && ensure(0); i++) {
            int c = window[pointer++];
            index++;
            documentIndex++;
            if (Constant.LINEBR.has(c) || c == '\r' && ensure(0) && window[pointer] != '\n') {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return ensure(0) ? window[pointer] : 0;
    }

    @Override
    public int peek(int k) {
        return ensure(k) ? window[pointer + k] : 0;
    }

    @Override
    public String prefix(int n) {
        if (n == 0) {
            return "";
        }
        return ensure(n) ? new String(window, pointer, n) : new String(window, pointer, Math.min(n, length - pointer));
    }

    @Override
    public String prefixForward(int n) {
        String s = prefix(n);
        pointer += n;
        index += n;
        documentIndex += n;
        column += n;
        return s;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }

    /** True when the code point at pointer + k is available, reading more as needed. */
    private boolean ensure(int k) {
        while (!eof && pointer + k >= length) {
            update();
        }
        return pointer + k < length;
    }

    private void update() {
        try {
            int read = stream.read(buffer, 0, READ);
            if (read <= 0) {
                eof = true;
                return;
            }
            if (Character.isHighSurrogate(buffer[read - 1])) {
                if (stream.read(buffer, read, 1) == -1) {
                    throw new ReaderException("'reader'", readSoFar + read, buffer[read - 1],
                            "The last char is HighSurrogate (no LowSurrogate detected).");
                }
                read++;
            }
            makeRoom(read);
            int bad = -1;
            for (int i = 0; i < read; ) {
                int cp = Character.codePointAt(buffer, i, read);
                window[length++] = cp;
                readSoFar++;
                if (!StreamReader.isPrintable(cp)) {
                    bad = cp;
                    break;
                }
                i += Character.charCount(cp);
            }
            if (bad >= 0) {
                throw new ReaderException("'reader'", readSoFar - 1, bad, "special characters are not allowed");
            }
        } catch (IOException e) {
            throw new YAMLException(e);
        }
    }

    /**
     * Room for {@code n} more code points: drops what was consumed, growing the window only when half of it is still
     * unread, and shrinking it again after a long token has been consumed.
     */
    private void makeRoom(int n) {
        int unread = length - pointer;
        if (length + n <= window.length) {
            return;
        }
        int need = unread + n;
        int[] target;
        if (need > window.length / 2) {
            target = new int[Math.max(window.length * 2, need)];
        } else if (window.length > SMALL && need < window.length / 8) {
            target = new int[Math.max(SMALL, 2 * need)];
        } else {
            target = window;
        }
        System.arraycopy(window, pointer, target, 0, unread);
        window = target;
        length = unread;
        pointer = 0;
    }
}
