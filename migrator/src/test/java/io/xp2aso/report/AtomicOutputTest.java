package io.xp2aso.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicOutputTest {
    /** DIR/out holding old.txt, as an earlier run left it. */
    private static Path earlierRun(Path dir) throws IOException {
        Path target = dir.resolve("out");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old.txt"), "earlier run");
        return target;
    }

    @Test
    void filesAppearOnlyOnCommitAndWhole(@TempDir Path dir) throws IOException {
        Path target = earlierRun(dir);
        try (AtomicOutput out = new AtomicOutput(target)) {
            out.write("a/b.txt", "whole\n");
            try (Writer w = out.open("c/streamed.txt")) {
                w.write("part 1\n");
                w.write("part 2\n");
            }
            try (OutputStream s = out.openStream("c/bytes.txt")) {
                s.write("bytes — 1\n".getBytes(StandardCharsets.UTF_8));
                s.write("bytes → 2\n".getBytes(StandardCharsets.UTF_8));
            }
            assertFalse(Files.exists(target.resolve("a/b.txt")), "nothing is visible before commit");
            out.commit();
        }
        assertEquals("whole\n", Files.readString(target.resolve("a/b.txt")));
        assertEquals("part 1\npart 2\n", Files.readString(target.resolve("c/streamed.txt")));
        assertEquals("bytes — 1\nbytes → 2\n", Files.readString(target.resolve("c/bytes.txt")));
        assertFalse(Files.exists(target.resolve("old.txt")), "the earlier output is replaced whole");
    }

    /** Large texts and streams go to the file in pieces (see FileIo): the same bytes, and still only real text. */
    @Test
    void largeFilesAreWrittenWholeAndOnlyAsText(@TempDir Path dir) throws IOException {
        String large = "line → ".repeat(100_000) + "end\n";
        byte[] bytes = ("stream — ".repeat(200_000)).getBytes(StandardCharsets.UTF_8);
        Path target = dir.resolve("out");
        try (AtomicOutput out = new AtomicOutput(target)) {
            out.write("large.md", large);
            try (OutputStream s = out.openStream("large.bin")) {
                s.write(bytes);
                s.write(bytes, 3, 70_000);
            }
            assertThrows(java.io.UncheckedIOException.class, () -> out.write("bad.md", "x".repeat(100_000) + "\uD800"),
                    "a lone surrogate has no UTF-8 form");
            assertThrows(java.io.UncheckedIOException.class, () -> out.write("bad-small.md", "x\uD800"));
            out.commit();
        }
        assertEquals(large, Files.readString(target.resolve("large.md")));
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        expected.write(bytes);
        expected.write(bytes, 3, 70_000);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.toByteArray(), Files.readAllBytes(target.resolve("large.bin")));
    }

    @Test
    void aFailedRunLeavesTheTargetUntouched(@TempDir Path dir) throws IOException {
        Path target = earlierRun(dir);
        try (AtomicOutput out = new AtomicOutput(target)) {
            out.write("new.txt", "x");
        }
        assertTrue(Files.exists(target.resolve("old.txt")));
        assertFalse(Files.exists(target.resolve("new.txt")));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "the staging folder is removed");
        }
    }

    @Test
    void aPathIsWrittenOnce(@TempDir Path dir) {
        try (AtomicOutput out = new AtomicOutput(dir.resolve("out"))) {
            out.write("report.md", "x");
            assertThrows(IllegalStateException.class, () -> out.write("report.md", "y"));
            assertThrows(IllegalStateException.class, () -> out.open("./report.md"));
            assertThrows(IllegalStateException.class, () -> out.openStream("report.md"));
            assertThrows(IllegalArgumentException.class, () -> out.openStream("../escape.txt"));
            assertThrows(IllegalArgumentException.class, () -> out.write("../escape.txt", "z"));
        }
        InMemoryOutput mem = new InMemoryOutput();
        mem.write("a", "1");
        assertThrows(IllegalStateException.class, () -> mem.write("a", "2"));
        assertThrows(IllegalStateException.class, () -> mem.open("a"));
        assertThrows(IllegalStateException.class, () -> mem.openStream("a"));
    }

    @Test
    void inMemoryFilesAreTheTextWritten() throws IOException {
        InMemoryOutput mem = new InMemoryOutput();
        mem.write("a.txt", "whole");
        try (Writer w = mem.open("b.txt")) {
            w.write("chars — 1");
        }
        OutputStream s = mem.openStream("c.txt");
        s.write("bytes → 2".getBytes(StandardCharsets.UTF_8));
        assertEquals("", mem.files().get("c.txt"), "a file is complete when closed");
        s.close();
        assertEquals(java.util.Map.of("a.txt", "whole", "b.txt", "chars — 1", "c.txt", "bytes → 2"), mem.files());
    }

    @Test
    void severalThreadsWriteTheirFilesAndClaimEachPathOnce(@TempDir Path dir) throws IOException {
        // Every path is offered twice, by different threads, into folders created on the way: each file is written
        // exactly once, whole, and the second claim of each path fails (one of them, whichever comes second).
        java.util.List<String> paths = java.util.stream.IntStream.range(0, 2_000)
                .mapToObj(i -> "aso/ns-" + (i % 7) + "/unit-" + (i % 97) + "/file-" + i + ".yaml").toList();
        java.util.List<String> twice = new java.util.ArrayList<>(paths);
        twice.addAll(paths);
        java.util.Collections.shuffle(twice, new java.util.Random(3));
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        InMemoryOutput mem = new InMemoryOutput();
        try (AtomicOutput out = new AtomicOutput(dir.resolve("out"))) {
            twice.parallelStream().forEach(p -> {
                for (OutputSink sink : java.util.List.of(out, mem)) {
                    try {
                        sink.write(p, "content of " + p + "\n");
                    } catch (IllegalStateException e) {
                        refused.incrementAndGet();
                    }
                }
            });
            out.commit();
        }
        assertEquals(2 * paths.size(), refused.get());
        for (String p : paths) {
            assertEquals("content of " + p + "\n", Files.readString(dir.resolve("out").resolve(p)));
            assertEquals("content of " + p + "\n", mem.files().get(p));
        }
        assertEquals(paths.size(), mem.files().size());
    }

    @Test
    void theOutputFolderGetsTheUsersUsualPermissionsNotPrivateOnes(@TempDir Path dir) throws IOException {
        Path usual = Files.createDirectory(dir.resolve("made-by-the-user"));
        Path target = dir.resolve("out");
        try (AtomicOutput out = new AtomicOutput(target)) {
            out.write("a/b.yaml", "x: 1\n");
            out.commit();
        }
        assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(target),
                "DIR as a folder the user makes (umask), not createTempDirectory's 0700");
        assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(target.resolve("a")));
    }
}
