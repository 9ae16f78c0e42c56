package io.xp2aso.migrate;

import io.xp2aso.capz.AksTarget;
import io.xp2aso.mapping.ObserveOnly;
import io.xp2aso.mapping.ServedCrds;
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
 * catalog can write and the cluster's ASO serves (for MapOptions.versions); empty: the catalog's defaults;
 * {@code liveUnits}: the sources are live objects: units come from the live claim -> XR -> MR graph, MRs as they
 * are, never re-rendered (so compositions of any function migrate);
 * {@code servedCrds}: the ASO CRDs the target cluster serves, to validate the output against (null: no check);
 * {@code aksTarget}: what AKS clusters become, plain ASO (the default) or Cluster API objects embedding ASO (capz);
 * {@code subscription}: the Azure subscription ID for ARM IDs of resources outside the sources (--subscription),
 * when no observed ID tells it (null: unknown);
 * {@code observeOnly}: what an MR that only observes its resource becomes (--observe-only; null: skip-object).
 */
public record MigrateOptions(ObservedIndex observed, String targetNamespace, Path mappings, DisplayPaths paths,
                             Consumer<String> progress, Map<String, String> asoVersions, boolean liveUnits,
                             ServedCrds servedCrds, AksTarget aksTarget, String subscription,
                             ObserveOnly observeOnly) {
    public MigrateOptions {
        observeOnly = observeOnly == null ? ObserveOnly.SKIP_OBJECT : observeOnly;
        aksTarget = aksTarget == null ? AksTarget.ASO : aksTarget;
        asoVersions = asoVersions == null ? Map.of() : Map.copyOf(asoVersions);
        observed = observed == null ? ObservedIndex.EMPTY : observed;
        paths = paths == null ? DisplayPaths.asGiven() : paths;
        progress = progress == null ? m -> { } : progress;
    }

    public static MigrateOptions defaults() {
        return new MigrateOptions(ObservedIndex.EMPTY, null, null, null, null, Map.of(), false, null, AksTarget.ASO, null, null);
    }

    public MigrateOptions withObserved(ObservedIndex o) {
        return new MigrateOptions(o, targetNamespace, mappings, paths, progress, asoVersions, liveUnits, servedCrds, aksTarget, subscription, observeOnly);
    }

    public MigrateOptions withTargetNamespace(String ns) {
        return new MigrateOptions(observed, ns, mappings, paths, progress, asoVersions, liveUnits, servedCrds, aksTarget, subscription, observeOnly);
    }

    public MigrateOptions withMappings(Path dir) {
        return new MigrateOptions(observed, targetNamespace, dir, paths, progress, asoVersions, liveUnits, servedCrds, aksTarget, subscription, observeOnly);
    }

    public MigrateOptions withPaths(DisplayPaths p) {
        return new MigrateOptions(observed, targetNamespace, mappings, p, progress, asoVersions, liveUnits, servedCrds, aksTarget, subscription, observeOnly);
    }

    public MigrateOptions withProgress(Consumer<String> p) {
        return new MigrateOptions(observed, targetNamespace, mappings, paths, p, asoVersions, liveUnits, servedCrds, aksTarget, subscription, observeOnly);
    }

    public MigrateOptions withAsoVersions(Map<String, String> versions) {
        return new MigrateOptions(observed, targetNamespace, mappings, paths, progress, versions, liveUnits, servedCrds, aksTarget, subscription, observeOnly);
    }

    public MigrateOptions withLiveUnits(boolean live) {
        return new MigrateOptions(observed, targetNamespace, mappings, paths, progress, asoVersions, live, servedCrds, aksTarget, subscription, observeOnly);
    }

    public MigrateOptions withServedCrds(ServedCrds crds) {
        return new MigrateOptions(observed, targetNamespace, mappings, paths, progress, asoVersions, liveUnits, crds, aksTarget, subscription, observeOnly);
    }

    public MigrateOptions withAksTarget(AksTarget target) {
        return new MigrateOptions(observed, targetNamespace, mappings, paths, progress, asoVersions, liveUnits, servedCrds,
                target, subscription, observeOnly);
    }

    public MigrateOptions withSubscription(String id) {
        return new MigrateOptions(observed, targetNamespace, mappings, paths, progress, asoVersions, liveUnits, servedCrds,
                aksTarget, id, observeOnly);
    }

    public MigrateOptions withObserveOnly(ObserveOnly o) {
        return new MigrateOptions(observed, targetNamespace, mappings, paths, progress, asoVersions, liveUnits, servedCrds,
                aksTarget, subscription, o);
    }
}
