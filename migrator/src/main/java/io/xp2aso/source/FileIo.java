package io.xp2aso.source;

import java.io.FileInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * File reads and writes that never hand the JDK one large array at once. A java.nio channel copies a heap array
 * through a temporary direct buffer as large as the array and keeps that buffer for the thread's later calls: one
 * read of a 44 MB snapshot held 44 MB outside the heap for the rest of the run, and reading a large plan.json would
 * hold as much as the plan. Pieces of at most {@link #PIECE} bytes keep those buffers small.
 */
public final class FileIo {
    static final int PIECE = 256 * 1024;

    private FileIo() {
    }

    /** The whole file, read in pieces. */
    public static byte[] readAllBytes(Path file) throws IOException {
        try (InputStream in = new FileInputStream(file.toFile())) {
            return readAllBytes(in, file.toFile().length());
        }
    }

    /**
     * The whole file as UTF-8 text; bytes that are not UTF-8 are an error (a MalformedInputException), as with
     * {@link java.nio.file.Files#readString(Path)}.
     */
    public static String readString(Path file) throws IOException {
        byte[] bytes = readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        // The fast decoding replaces bad bytes with U+FFFD; only then (or for a real U+FFFD) decode strictly to tell.
        if (text.indexOf('\uFFFD') >= 0) {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        }
        return text;
    }

    /** The 1-based line of the first byte sequence in the file that is not UTF-8, or 0 when there is none. */
    public static int lineOfBadUtf8(Path file) {
        try {
            byte[] bytes = readAllBytes(file);
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
            if (!StandardCharsets.UTF_8.newDecoder().decode(in, out, true).isError()) {
                return 0;
            }
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return line;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Everything left in {@code in}; {@code sizeHint}: the expected size (a file's length), or 0 when unknown. */
    static byte[] readAllBytes(InputStream in, long sizeHint) throws IOException {
        byte[] buf = new byte[(int) Math.min(Math.max(sizeHint, 0) + 1, Integer.MAX_VALUE - 8)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (buf.length >= Integer.MAX_VALUE - 8) {
                    throw new IOException("file larger than 2 GB");
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2 + PIECE, Integer.MAX_VALUE - 8));
            }
            int r = in.read(buf, n, Math.min(PIECE, buf.length - n));
            if (r < 0) {
                return n == buf.length ? buf : Arrays.copyOf(buf, n);
            }
            n += r;
        }
    }

    /** A stream that passes every write on in pieces of at most {@link #PIECE} bytes. */
    public static OutputStream inPieces(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                java.util.Objects.checkFromIndexSize(off, len, b.length);
                while (len > 0) {
                    int piece = Math.min(len, PIECE);
                    out.write(b, off, piece);
                    off += piece;
                    len -= piece;
                }
            }
        };
    }
}
