package io.xp2aso.gitsrc;

import io.xp2aso.report.AtomicOutput;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.SourceSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Git repository opened for reading manifests at any ref, straight from the object database: no checkout,
 * the work tree (if any) is never touched. A URL is cloned into a temporary bare repository, removed on close.
 *
 * <p>File naming: objects read at a ref carry their repo-relative path (e.g. {@code claims/db.yaml}), as if the
 * repository were checked out at the current folder, so reports and SARIF locations point at repository files.
 * Errors while reading name the revision too, {@code path@ref:LINE}: {@code error: claims/db.yaml@HEAD~1:12: malformed
 * YAML: ...}.
 */
public final class GitRepository implements AutoCloseable {
    private final Repository repo;
    private final String display;
    private final String defaultSubfolder;
    private final Path tempClone;

    private GitRepository(Repository repo, String display, String defaultSubfolder, Path tempClone) {
        this.repo = repo;
        this.display = display;
        this.defaultSubfolder = defaultSubfolder;
        this.tempClone = tempClone;
    }

    /** Opens a local path (work tree, folder inside one, bare repository) or clones a URL (see {@link GitLocation}). */
    public static GitRepository open(String source) {
        GitLocation loc = GitLocation.parse(source);
        return loc.remote() ? clone(loc) : openLocal(loc.repository());
    }

    private static GitRepository openLocal(String pathText) {
        Path path = Path.of(pathText).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new InputException(new Origin(pathText, 0), "no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            throw new InputException(new Origin(pathText, 0), "not a Git repository (a file, not a folder)");
        }
        FileRepositoryBuilder b = new FileRepositoryBuilder().setMustExist(true).findGitDir(path.toFile());
        if (b.getGitDir() == null) {
            throw new InputException(new Origin(pathText, 0), "not a Git repository (nor inside one)");
        }
        Repository repo;
        try {
            repo = b.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(new Origin(pathText, 0), "cannot open Git repository: " + e.getMessage(), e);
        }
        String sub = "";
        if (!repo.isBare()) {
            try {
                Path work = repo.getWorkTree().toPath().toRealPath();
                Path real = path.toRealPath();
                if (real.startsWith(work)) {
                    sub = GitLocation.normalizeFolder(work.relativize(real).toString());
                }
            } catch (IOException e) {
                repo.close();
                throw new InputException(new Origin(pathText, 0), "cannot resolve path: " + e.getMessage(), e);
            }
            if (sub.equals(".git") || sub.startsWith(".git/")) {
                sub = "";
            }
        }
        return new GitRepository(repo, pathText, sub, null);
    }

    private static GitRepository clone(GitLocation loc) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("xp2aso-git-");
        } catch (IOException e) {
            throw new InputException(new Origin(loc.repository(), 0), "cannot create a temporary folder: " + e.getMessage(), e);
        }
        try {
            Git git = Git.cloneRepository()
                    .setURI(loc.repository())
                    .setDirectory(tmp.toFile())
                    .setBare(true)
                    .setCloneAllBranches(true)
                    .call();
            return new GitRepository(git.getRepository(), loc.repository(), loc.subfolder(), tmp);
        } catch (GitAPIException | RuntimeException e) {
            deleteQuietly(tmp);
            throw new InputException(new Origin(loc.repository(), 0), "cannot clone: " + e.getMessage(), e);
        }
    }

    /** The folder read when none is given: the sub-folder the local path points into, or the URL's {@code //folder}. */
    public String defaultSubfolder() {
        return defaultSubfolder;
    }

    /** How the repository was named by the user, for messages. */
    public String display() {
        return display;
    }

    /** Resolves a ref (branch, remote branch, tag, commit id, {@code HEAD~1}, ...) to a commit, or fails with exit 2. */
    public RevCommit commit(String ref) {
        ObjectId id;
        try {
            id = repo.resolve(ref + "^{commit}");
        } catch (AmbiguousObjectException e) {
            throw new InputException(new Origin(display, 0), "ambiguous ref '" + ref + "': give more characters of the commit id", e);
        } catch (RevisionSyntaxException | IOException e) {
            throw new InputException(new Origin(display, 0), "invalid ref '" + ref + "': " + e.getMessage(), e);
        }
        if (id == null) {
            throw new InputException(new Origin(display, 0), "unknown ref '" + ref + "' (no such branch, tag or commit)");
        }
        try (RevWalk rw = new RevWalk(repo)) {
            return rw.parseCommit(id);
        } catch (IOException e) {
            throw new InputException(new Origin(display, 0), "cannot read commit " + id.name() + ": " + e.getMessage(), e);
        }
    }

    /** Reads the manifests of {@link #defaultSubfolder()} at a ref. */
    public SourceSet read(String ref) {
        return read(ref, defaultSubfolder);
    }

    /** Reads every .yaml/.yml/.json file under a repo-relative folder ("" for all) at a ref, with SourceReader's rules. */
    public SourceSet read(String ref, String subfolder) {
        String sub = GitLocation.normalizeFolder(subfolder);
        RevCommit c = commit(ref);
        List<Entry> entries = new ArrayList<>();
        SourceReader reader = new SourceReader();
        List<SourceSet.SkippedInput> notRead = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(c.getTree());
            tw.setRecursive(true);
            if (!sub.isEmpty()) {
                if (!isTree(c, sub)) {
                    throw new InputException(new Origin(sub + "@" + ref, 0), "no such folder at ref " + ref);
                }
                tw.setFilter(PathFilter.create(sub));
            }
            while (tw.next()) {
                String path = tw.getPathString();
                String rel = sub.isEmpty() ? path : path.substring(sub.length() + 1);
                if (isHidden(rel)) {
                    continue;
                }
                FileMode mode = tw.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    notRead.add(new SourceSet.SkippedInput(new Origin(path, 0),
                            "Git submodule, not read: read its repository as a source of its own"));
                } else if (SourceReader.isManifestFile(Path.of(path))) {
                    if (mode == FileMode.SYMLINK) {
                        notRead.add(new SourceSet.SkippedInput(new Origin(path, 0),
                                "symbolic link, not followed in Git sources"));
                    } else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                        entries.add(new Entry(path, tw.getObjectId(0)));
                    }
                }
            }
        } catch (IOException e) {
            throw new InputException(new Origin(display + "@" + ref, 0), "cannot read the tree: " + e.getMessage(), e);
        }
        // The same order as SourceReader's sorted folder walk, so a Git source and its checkout read alike.
        entries.sort(Comparator.comparing(Entry::path));
        for (Entry e : entries) {
            String text;
            try {
                text = new String(repo.open(e.id(), Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new InputException(new Origin(name(e.path(), ref), 0), "cannot read blob: " + ex.getMessage(), ex);
            }
            try {
                reader.readText(e.path(), text);
            } catch (InputException ex) {
                throw new InputException(new Origin(name(e.path(), ref), ex.origin().line()), ex.getMessage(), ex);
            }
        }
        SourceSet read = reader.result();
        List<SourceSet.SkippedInput> skipped = new ArrayList<>(read.skipped());
        skipped.addAll(notRead);
        return new SourceSet(read.manifests(), skipped);
    }

    /** How errors name a file at a ref: the repo-relative path, "@", the ref as given. */
    public static String name(String path, String ref) {
        return path + "@" + ref;
    }

    private boolean isTree(RevCommit c, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
            return tw != null && tw.getFileMode(0) == FileMode.TREE;
        }
    }

    private static boolean isHidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        repo.close();
        if (tempClone != null) {
            deleteQuietly(tempClone);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            AtomicOutput.deleteTree(p);
        } catch (IOException ignored) {
            // A temporary clone left behind is harmless; the OS cleans its temp folder.
        }
    }

    private record Entry(String path, ObjectId id) {
    }
}
