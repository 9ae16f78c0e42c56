package io.xp2aso.migrate;

import io.xp2aso.model.ObservedIndex;
import io.xp2aso.report.DisplayPaths;

import java.util.function.Consumer;

/**
 * Options of a migrate run.
 * {@code observed}: live objects (--observed or a cluster), {@link ObservedIndex#EMPTY} when none;
 * {@code targetNamespace}: namespace of every ASO object (null: the mapper's default, the claim's namespace);
 * {@code paths}: how source files are shown in reports and manifest headers;
 * {@code progress}: receives one-line progress messages (the CLI prints them on standard error).
 */
public record MigrateOptions(ObservedIndex observed, String targetNamespace, DisplayPaths paths,
                             Consumer<String> progress) {
    public MigrateOptions {
        observed = observed == null ? ObservedIndex.EMPTY : observed;
        paths = paths == null ? DisplayPaths.asGiven() : paths;
        progress = progress == null ? m -> { } : progress;
    }

    public static MigrateOptions defaults() {
        return new MigrateOptions(ObservedIndex.EMPTY, null, null, null);
    }

    public MigrateOptions withObserved(ObservedIndex o) {
        return new MigrateOptions(o, targetNamespace, paths, progress);
    }

    public MigrateOptions withTargetNamespace(String ns) {
        return new MigrateOptions(observed, ns, paths, progress);
    }

    public MigrateOptions withPaths(DisplayPaths p) {
        return new MigrateOptions(observed, targetNamespace, p, progress);
    }

    public MigrateOptions withProgress(Consumer<String> p) {
        return new MigrateOptions(observed, targetNamespace, paths, p);
    }
}
