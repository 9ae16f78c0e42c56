package io.xp2aso.diff;

import io.xp2aso.gitsrc.GitRepository;
import io.xp2aso.migrate.MigrationRun;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;
import io.xp2aso.source.SourceSet;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * `xp2aso diff`'s work without the command line: read a repository at two refs (no checkout), migrate each in
 * memory, compare the outputs. The repository is opened (or cloned) once for both refs.
 */
public final class GitDiff {
    private GitDiff() {
    }

    public static OutputDiff run(String repository, String baseRef, String headRef,
                                 Function<SourceSet, MigrationRun> migrate) {
        try (GitRepository repo = GitRepository.open(repository)) {
            DiffSide base = side(repo, baseRef, migrate);
            DiffSide head = side(repo, headRef, migrate);
            return OutputDiffer.compare(base, head);
        }
    }

    private static DiffSide side(GitRepository repo, String ref, Function<SourceSet, MigrationRun> migrate) {
        String commit = repo.commit(ref).name();
        SourceSet sources = repo.read(ref);
        MigrationRun run;
        try {
            run = migrate.apply(sources);
        } catch (InputException e) {
            // Objects read at a ref carry repo paths; say which revision the bad input is in.
            Origin o = e.origin();
            boolean repoPath = !o.file().isEmpty() && !o.file().startsWith("<") && !o.file().contains("@")
                    && !o.file().startsWith("cluster:");
            if (!repoPath) {
                throw e;
            }
            throw new InputException(new Origin(GitRepository.name(o.file(), ref), o.line()), e.getMessage(), e);
        }
        Set<String> files = new TreeSet<>();
        sources.manifests().forEach(m -> files.add(m.origin().file()));
        sources.skipped().forEach(s -> files.add(s.origin().file()));
        return RunSide.of(ref, commit, run, files);
    }
}
