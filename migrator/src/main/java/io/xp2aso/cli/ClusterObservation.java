package io.xp2aso.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.xp2aso.inventory.AsoCrd;
import io.xp2aso.inventory.AsoInstallation;
import io.xp2aso.inventory.ClusterAccess;
import io.xp2aso.inventory.ClusterException;
import io.xp2aso.inventory.LiveObjects;
import io.xp2aso.inventory.Scanner;
import io.xp2aso.mapping.CrdStore;
import io.xp2aso.mapping.KindMapping;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.mapping.ServedCrds;
import io.xp2aso.mapping.TargetSpec;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * migrate --from-cluster: the live Crossplane objects of the kubeconfig's cluster (KUBECONFIG, ~/.kube/config or
 * in-cluster; --context picks the context), as the observed state or as the sources themselves, and the ASO CRDs
 * it serves. Cluster problems are bad input (exit 2).
 */
final class ClusterObservation {
    private ClusterObservation() {
    }

    /**
     * What --from-cluster learns: the live objects (whole), the ASO kinds and versions the cluster serves, and the
     * served schemas of the versions the catalog can write.
     */
    record State(List<Manifest> objects, AsoInstallation aso, ServedCrds served, Optional<Manifest> argoSettings) {
        /** The live objects, and Argo CD's tracking settings for the handoff plan (never a source). */
        ObservedIndex observed() {
            if (argoSettings.isEmpty()) {
                return new ObservedIndex(objects);
            }
            List<Manifest> all = new ArrayList<>(objects);
            all.add(argoSettings.get());
            return new ObservedIndex(all);
        }
    }

    static State observe(String context, PrintWriter progress, MappingCatalog catalog) {
        try (KubernetesClient client = ClusterAccess.open(null, context)) {
            LiveObjects.LiveState state = LiveObjects.read(client, Scanner.DEFAULT_PAGE_SIZE, progress, writable(catalog));
            progress.println("xp2aso migrate: " + state.objects().size() + " observed objects from the cluster at "
                    + client.getMasterUrl());
            String cluster = "cluster " + state.context() + " (" + client.getMasterUrl() + ")";
            Map<String, List<String>> served = new HashMap<>();
            for (AsoCrd c : state.aso().crds()) {
                served.put(c.group() + "/" + c.kind(), c.servedVersions());
            }
            return new State(state.objects(), state.aso(),
                    new ServedCrds(cluster, served, CrdStore.of(state.asoCrds(), cluster)), state.argoSettings());
        } catch (ClusterException e) {
            throw new InputException(new Origin(e.where(), 0), e.getMessage(), e);
        }
    }

    /** Per ASO "group/Kind" the catalog writes, every version it can write (the schemas to read from the cluster). */
    static Map<String, Set<String>> writable(MappingCatalog catalog) {
        Map<String, Set<String>> out = new HashMap<>();
        for (KindMapping m : catalog.entries()) {
            for (TargetSpec t : m.targets()) {
                out.computeIfAbsent(t.group() + "/" + t.kind(), k -> new LinkedHashSet<>()).addAll(t.allVersions());
            }
        }
        return out;
    }

    /**
     * Per ASO "group/Kind" a mapping writes, the first version the catalog can write (its default, then the
     * alternatives) that the cluster's ASO serves. Kinds with no served version are left out: the mapper then
     * writes its default, and the served-schema check reports the gap (aso-crd-not-served, aso-version-not-served).
     */
    static Map<String, String> chooseVersions(MappingCatalog catalog, AsoInstallation aso) {
        Map<String, String> out = new TreeMap<>();
        for (KindMapping m : catalog.entries()) {
            for (TargetSpec t : m.targets()) {
                List<String> served = aso.servedVersions(t.group(), t.kind());
                for (String v : t.allVersions()) {
                    if (served.contains(v)) {
                        out.putIfAbsent(t.group() + "/" + t.kind(), v);
                        break;
                    }
                }
            }
        }
        return out;
    }
}
