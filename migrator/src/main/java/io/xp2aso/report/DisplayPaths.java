package io.xp2aso.report;

import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;
import io.xp2aso.source.SourceSet;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the file names of origins into the paths reports show: absolute paths under a base folder (the working
 * folder of the run, or the repository root) become relative to it, with forward slashes, so reports do not depend
 * on where the checkout lives. Relative names are shown as given (the CLI reads them relative to its base).
 * Names that are not paths under the base (stdin, git blobs, cluster objects) are shown unchanged.
 */
public final class DisplayPaths {
    private final Path base;

    /** @param base the folder to relativize against, or null to show file names as given */
    public DisplayPaths(Path base) {
        this.base = base == null ? null : base.toAbsolutePath().normalize();
    }

    public static DisplayPaths asGiven() {
        return new DisplayPaths(null);
    }

    public String file(Origin origin) {
        return origin == null ? Origin.UNKNOWN.file() : file(origin.file());
    }

    public String file(String file) {
        if (base == null || file == null || file.startsWith("<") || file.contains(":") && !isWindowsPath(file)) {
            return slashes(file);
        }
        try {
            Path p = Path.of(file);
            if (!p.isAbsolute()) {
                // Relative names are already relative to where the run started (the CLI's base): keep them.
                return slashes(file);
            }
            Path abs = p.normalize();
            if (abs.startsWith(base)) {
                return slashes(base.relativize(abs).toString());
            }
            return slashes(file);
        } catch (InvalidPathException e) {
            return slashes(file);
        }
    }

    /**
     * The same objects with their origins shown as {@link #file}: applied when reading, so every stage (manifest
     * headers, mapper annotations, findings, the plan) names files the same way, independent of the checkout's place.
     */
    public SourceSet relativize(SourceSet sources) {
        if (base == null) {
            return sources;
        }
        List<Manifest> manifests = new ArrayList<>(sources.manifests().size());
        for (Manifest m : sources.manifests()) {
            manifests.add(new Manifest(m.node(), origin(m.origin()), m.lines()));
        }
        List<SourceSet.SkippedInput> skipped = new ArrayList<>(sources.skipped().size());
        for (SourceSet.SkippedInput s : sources.skipped()) {
            skipped.add(new SourceSet.SkippedInput(origin(s.origin()), s.reason()));
        }
        return new SourceSet(manifests, skipped);
    }

    public Origin origin(Origin o) {
        String f = file(o);
        return f.equals(o.file()) ? o : new Origin(f, o.line());
    }

    /** "file:line", or "file" when the line is unknown. */
    public String location(Origin origin) {
        String f = file(origin);
        return origin != null && origin.line() > 0 ? f + ":" + origin.line() : f;
    }

    private static boolean isWindowsPath(String f) {
        return f.length() > 2 && Character.isLetter(f.charAt(0)) && f.charAt(1) == ':';
    }

    private static String slashes(String f) {
        return f == null ? null : f.replace('\\', '/');
    }
}
