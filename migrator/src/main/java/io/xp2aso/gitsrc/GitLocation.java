package io.xp2aso.gitsrc;

/**
 * Where a Git source lives: a local path (a work tree, a folder inside one, or a bare repository) or a URL,
 * plus an optional sub-folder to read. URLs take a sub-folder after a double slash, as kustomize does:
 * {@code https://example.com/org/platform.git//crossplane}.
 */
public record GitLocation(String repository, boolean remote, String subfolder) {

    public GitLocation {
        subfolder = normalizeFolder(subfolder);
    }

    /** Parses a SOURCE argument. Local paths keep their sub-folder implicit (found when the repository is opened). */
    public static GitLocation parse(String source) {
        if (!isUrl(source)) {
            return new GitLocation(source, false, "");
        }
        int schemeEnd = source.indexOf("://");
        int searchFrom = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int split = source.indexOf("//", searchFrom);
        if (split < 0) {
            return new GitLocation(source, true, "");
        }
        return new GitLocation(source.substring(0, split), true, source.substring(split + 2));
    }

    /** True for the URL forms Git accepts: scheme URLs and scp-like {@code user@host:path}. */
    public static boolean isUrl(String s) {
        String l = s.toLowerCase();
        if (l.startsWith("https://") || l.startsWith("http://") || l.startsWith("ssh://") || l.startsWith("git://")
                || l.startsWith("file://") || l.startsWith("git+ssh://")) {
            return true;
        }
        // scp-like syntax: git@github.com:org/repo.git (a colon before any slash, and a user@ part).
        int at = s.indexOf('@');
        int colon = s.indexOf(':');
        int slash = s.indexOf('/');
        return at > 0 && colon > at && (slash < 0 || colon < slash);
    }

    static String normalizeFolder(String folder) {
        if (folder == null) {
            return "";
        }
        String f = folder.replace('\\', '/');
        while (f.startsWith("./")) {
            f = f.substring(2);
        }
        f = f.replaceAll("/+", "/");
        if (f.startsWith("/")) {
            f = f.substring(1);
        }
        if (f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        return f.equals(".") ? "" : f;
    }
}
