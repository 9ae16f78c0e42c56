package io.xp2aso.cli;

import io.xp2aso.gitsrc.GitSource;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.SourceReader;
import io.xp2aso.source.SourceSet;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where migrate's inputs come from; the one place that knows the kinds of SOURCE and of observed state.
 * SOURCE: "-" is standard input; a URL, a ".git" folder, or any path when --ref is given is read through Git at
 * the ref without a checkout; anything else is a folder or file on disk. Observed state: an --observed file, or a
 * live cluster through {@link #clusterObserver} ({@link ClusterObservation}), whose objects are also the sources
 * when no SOURCE is given.
 */
final class MigrateInputs {
    /** Reads the observed objects of a live cluster for --from-cluster, with an optional kubeconfig context. */
    @FunctionalInterface
    interface ClusterObserver {
        ClusterObservation.State observe(String context, java.io.PrintWriter progress,
                                         io.xp2aso.mapping.MappingCatalog catalog);
    }

    private MigrateInputs() {
    }

    /** The cluster reader for --from-cluster, when this build has one. */
    static Optional<ClusterObserver> clusterObserver() {
        return Optional.of(ClusterObservation::observe);
    }

    /** Reads every SOURCE in order; bad input is an InputException (exit 2). */
    static SourceSet readSources(List<String> sources, String ref, InputStream stdin) {
        List<io.xp2aso.source.Manifest> manifests = new ArrayList<>();
        List<SourceSet.SkippedInput> skipped = new ArrayList<>();
        for (String s : sources) {
            SourceSet one;
            if (!s.equals("-") && (ref != null || GitSource.isGitSource(s))) {
                one = GitSource.read(s, ref == null ? "HEAD" : ref);
            } else {
                one = SourceReader.read(List.of(s), stdin);
            }
            manifests.addAll(one.manifests());
            skipped.addAll(one.skipped());
        }
        return new SourceSet(manifests, skipped);
    }

    /** The --observed file: a `kubectl get -o yaml` stream or List. */
    static SourceSet readObserved(String file, InputStream stdin) {
        return SourceReader.read(List.of(file), stdin);
    }
}
