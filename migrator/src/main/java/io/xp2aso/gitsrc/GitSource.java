package io.xp2aso.gitsrc;

import io.xp2aso.source.SourceSet;

import java.nio.file.Files;
import java.nio.file.Path;

/** Entry point of the Git source: decides whether a SOURCE argument is a Git repository and reads it at a ref. */
public final class GitSource {
    private GitSource() {
    }

    /**
     * True when SOURCE should be read through Git even without {@code --ref}: a URL, or a path ending in ".git"
     * (a bare repository or a .git folder). A plain folder is read from disk unless a ref is given.
     */
    public static boolean isGitSource(String source) {
        if (GitLocation.isUrl(source)) {
            return true;
        }
        String s = source.replace('\\', '/');
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.endsWith(".git") && Files.isDirectory(Path.of(source));
    }

    /** Reads SOURCE (path or URL) at REF; a local path inside a work tree limits the read to that folder. */
    public static SourceSet read(String source, String ref) {
        try (GitRepository repo = GitRepository.open(source)) {
            return repo.read(ref);
        }
    }
}
