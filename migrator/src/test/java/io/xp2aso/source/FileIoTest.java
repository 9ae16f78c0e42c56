package io.xp2aso.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads and writes in pieces give the same bytes as whole-file calls, and text stays strictly UTF-8. */
class FileIoTest {
    @TempDir
    Path dir;

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void readsFilesOfEverySizeWhole() throws IOException {
        for (int n : new int[]{0, 1, 4095, FileIo.PIECE - 1, FileIo.PIECE, FileIo.PIECE + 1, 3 * FileIo.PIECE + 17}) {
            Path f = dir.resolve("f" + n);
            byte[] data = random(n);
            Files.write(f, data);
            assertArrayEquals(data, FileIo.readAllBytes(f), n + " bytes");
        }
    }

    @Test
    void aStreamLongerThanItsHintIsReadWhole() throws IOException {
        byte[] data = random(2 * FileIo.PIECE + 5);
        assertArrayEquals(data, FileIo.readAllBytes(new ByteArrayInputStream(data), 10));
        assertArrayEquals(data, FileIo.readAllBytes(new ByteArrayInputStream(data), 0));
    }

    @Test
    void textMustBeUtf8() throws IOException {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "name: café → \uFFFD ok\n", StandardCharsets.UTF_8);
        assertEquals("name: café → \uFFFD ok\n", FileIo.readString(good), "a real U+FFFD is text like any other");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThrows(MalformedInputException.class, () -> FileIo.readString(latin1));
        assertThrows(MalformedInputException.class, () -> Files.readString(latin1), "the same as Files.readString");
    }

    @Test
    void writesPassOnInPieces() throws IOException {
        List<Integer> sizes = new ArrayList<>();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream recording = new OutputStream() {
            @Override
            public void write(int b) {
                sizes.add(1);
                sink.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sizes.add(len);
                sink.write(b, off, len);
            }
        };
        byte[] data = random(2 * FileIo.PIECE + 3);
        try (OutputStream out = FileIo.inPieces(recording)) {
            out.write(data);
            out.write(data, 1, 10);
            out.write(7);
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(data);
        expected.write(data, 1, 10);
        expected.write(7);
        assertArrayEquals(expected.toByteArray(), sink.toByteArray());
        assertEquals(List.of(FileIo.PIECE, FileIo.PIECE, 3, 10, 1), sizes);
        assertTrue(sizes.stream().allMatch(s -> s <= FileIo.PIECE));
    }
}
