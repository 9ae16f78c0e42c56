package io.xp2aso.migrate;

import io.xp2aso.model.ObservedIndex;
import io.xp2aso.report.DisplayPaths;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Options of a migrate run.
 * {@code observed}: live objects (--observed or a cluster), {@link ObservedIndex#EMPTY} when none;
 * {@code targetNamespace}: namespace of ASO objects whose source has none (null: the mapper's default);
 * {@code mappings}: a mapping catalog folder replacing the built-in catalog (null: built-in);
 * {@code paths}: how source files are shown in reports and manifest headers;
 * {@code progress}: receives one-line progress messages (the CLI prints them on standard error);
 * {@code asoVersions}: the ASO version to write per "group/Kind", chosen by --from-cluster among the versions the
 * catalog can write and the cluster's ASO serves (for MapOptions.versions); empty: the catalog's defaults.
 */
public record MigrateOptions(ObservedIndex observed, String targetNamespace, Path mappings, DisplayPaths paths,
                             Consumer<String> progress, Map<String, String> asoVersions) {
    public MigrateOptions {
        asoVersions = asoVersions == null ? Map.of() : Map.copyOf(asoVersions);
        observed = observed == null ? ObservedIndex.EMPTY : observed;
        paths = paths == null ? DisplayPaths.asGiven() : paths;
        progress = progress == null ? m -> { } : progress;
    }

    public static MigrateOptions defaults() {
        return new MigrateOptions(ObservedIndex.EMPTY, null, null, null, null, Map.of());
    }

    public MigrateOptions withObserved(ObservedIndex o) {
        return new MigrateOptions(o, targetNamespace, mappings, paths, progress, asoVersions);
    }

    public MigrateOptions withTargetNamespace(String ns) {
        return new MigrateOptions(observed, ns, mappings, paths, progress, asoVersions);
    }

    public MigrateOptions withMappings(Path dir) {
        return new MigrateOptions(observed, targetNamespace, dir, paths, progress, asoVersions);
    }

    public MigrateOptions withPaths(DisplayPaths p) {
        return new MigrateOptions(observed, targetNamespace, mappings, p, progress, asoVersions);
    }

    public MigrateOptions withProgress(Consumer<String> p) {
        return new MigrateOptions(observed, targetNamespace, mappings, paths, p, asoVersions);
    }

    public MigrateOptions withAsoVersions(Map<String, String> versions) {
        return new MigrateOptions(observed, targetNamespace, mappings, paths, progress, versions);
    }
}
