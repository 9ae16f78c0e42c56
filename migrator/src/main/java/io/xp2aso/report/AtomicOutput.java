package io.xp2aso.report;

import io.xp2aso.source.FileIo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;

/**
 * Builds an output folder in a temporary sibling and moves it into place whole on {@link #commit()},
 * so a failed run never leaves a half-written DIR behind. Files are written by relative path.
 */
public final class AtomicOutput implements OutputSink, AutoCloseable {
    private final Path target;
    private final Path staging;
    private final java.util.Set<String> written = new java.util.HashSet<>();
    private final java.util.Set<Path> dirs = new java.util.HashSet<>();
    private boolean committed;

    public AtomicOutput(Path target) {
        this.target = target.toAbsolutePath().normalize();
        try {
            Path parent = this.target.getParent();
            Files.createDirectories(parent);
            this.staging = createStaging(parent, "." + this.target.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder beside " + target, e);
        }
    }

    public Path target() {
        return target;
    }

    /**
     * A new folder with the permissions any folder the user creates gets (the umask's), not the 0700 of
     * Files.createTempDirectory: the output is moved into place as it is, and CI or reviewers read it as others.
     */
    private static Path createStaging(Path parent, String prefix) throws IOException {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path p = parent.resolve(prefix + Long.toUnsignedString(random.nextLong(), 36));
            try {
                return Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Writes a UTF-8 text file at a path relative to the output folder, creating folders as needed. */
    @Override
    public void write(String relative, String content) {
        Path p = claim(relative);
        try {
            if (content.length() < LARGE) {
                Files.writeString(p, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } else {
                // In pieces (see FileIo); the writer's encoder refuses what is not text, as writeString does.
                try (Writer w = open(p)) {
                    w.write(content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative, e);
        }
    }

    /** Opens a file to write in pieces (buffered, UTF-8); it is complete when the writer is closed. */
    @Override
    public Writer open(String relative) {
        Path p = claim(relative);
        try {
            return open(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative, e);
        }
    }

    /** Texts from this size on are written in pieces. */
    private static final int LARGE = 64 * 1024;

    private static Writer open(Path p) throws IOException {
        return Files.newBufferedWriter(p, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Opens a file to write its bytes in pieces (buffered); it is complete when the stream is closed. */
    @Override
    public OutputStream openStream(String relative) {
        Path p = claim(relative);
        try {
            // Writes larger than the buffer go straight through: in pieces (see FileIo).
            return new BufferedOutputStream(FileIo.inPieces(Files.newOutputStream(p, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)), 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative, e);
        }
    }

    private synchronized Path claim(String relative) {
        Path p = resolve(relative);
        if (!written.add(staging.relativize(p).toString())) {
            throw new IllegalStateException(relative + " is written twice");
        }
        if (dirs.add(p.getParent())) {
            try {
                Files.createDirectories(p.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + relative, e);
            }
        }
        return p;
    }

    public Path resolve(String relative) {
        Path p = staging.resolve(relative).normalize();
        if (!p.startsWith(staging)) {
            throw new IllegalArgumentException("output path escapes the output folder: " + relative);
        }
        return p;
    }

    /** Replaces the target folder with what was written. The previous contents are removed only after the swap. */
    public void commit() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
                move(target, old);
            }
            move(staging, target);
            committed = true;
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the output into " + target, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // The staging folder is hidden and named as such; a leftover is harmless.
            }
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
