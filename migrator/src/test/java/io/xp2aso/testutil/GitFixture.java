package io.xp2aso.testutil;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A throw-away Git repository for tests: write, delete, commit, tag. Author, committer and clock are fixed,
 * so commit ids are the same on every run (golden files may show them).
 */
public final class GitFixture implements AutoCloseable {
    private final Path dir;
    private final Git git;
    private int tick;

    private GitFixture(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static GitFixture init(Path dir) {
        try {
            Files.createDirectories(dir);
            return new GitFixture(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Git git() {
        return git;
    }

    public GitFixture write(String path, String text) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a file from test resources into the repository. */
    public GitFixture copy(Path from, String path) {
        try {
            return write(path, Files.readString(from, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GitFixture delete(String path) {
        try {
            Files.delete(dir.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages everything (additions and deletions) and commits with a fixed identity and clock. */
    public RevCommit commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent who = new PersonIdent("Test", "test@example.com",
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * tick++), ZoneOffset.UTC);
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitFixture tag(String name) {
        try {
            git.tag().setName(name).setAnnotated(false).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitFixture branch(String name) {
        try {
            git.branchCreate().setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
