package io.xp2aso.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.xp2aso.inventory.AsoInstallation;
import io.xp2aso.inventory.ClusterAccess;
import io.xp2aso.inventory.ClusterException;
import io.xp2aso.inventory.LiveObjects;
import io.xp2aso.inventory.Scanner;
import io.xp2aso.mapping.KindMapping;
import io.xp2aso.mapping.MappingCatalog;
import io.xp2aso.mapping.TargetSpec;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * migrate --from-cluster: the live Crossplane objects of the kubeconfig's cluster (KUBECONFIG, ~/.kube/config or
 * in-cluster; --context picks the context) as the observed state. Cluster problems are bad input (exit 2).
 */
final class ClusterObservation {
    private ClusterObservation() {
    }

    /** What --from-cluster learns: the live objects, and the ASO kinds and versions the cluster serves. */
    record State(ObservedIndex observed, AsoInstallation aso) {
    }

    static State observe(String context, PrintWriter progress) {
        try (KubernetesClient client = ClusterAccess.open(null, context)) {
            LiveObjects.LiveState state = LiveObjects.read(client, Scanner.DEFAULT_PAGE_SIZE, progress);
            progress.println("xp2aso migrate: " + state.objects().size() + " observed objects from the cluster at "
                    + client.getMasterUrl());
            return new State(new ObservedIndex(state.objects()), state.aso());
        } catch (ClusterException e) {
            throw new InputException(new Origin(e.where(), 0), e.getMessage(), e);
        }
    }

    /**
     * Per ASO "group/Kind" a mapping writes, the first version the catalog can write (its default, then the
     * alternatives) that the cluster's ASO serves. Kinds with no served version are left out: the mapper then
     * writes its default, and `scan` reports the gap (aso-crd-missing, aso-version-not-served).
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
