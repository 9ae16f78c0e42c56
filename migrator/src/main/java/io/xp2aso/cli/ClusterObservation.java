package io.xp2aso.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.xp2aso.inventory.ClusterAccess;
import io.xp2aso.inventory.ClusterException;
import io.xp2aso.inventory.LiveObjects;
import io.xp2aso.inventory.Scanner;
import io.xp2aso.model.ObservedIndex;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;

import java.io.PrintWriter;

/**
 * migrate --from-cluster: the live Crossplane objects of the kubeconfig's cluster (KUBECONFIG, ~/.kube/config or
 * in-cluster; --context picks the context) as the observed state. Cluster problems are bad input (exit 2).
 */
final class ClusterObservation {
    private ClusterObservation() {
    }

    static ObservedIndex observe(String context, PrintWriter progress) {
        try (KubernetesClient client = ClusterAccess.open(null, context)) {
            LiveObjects.LiveState state = LiveObjects.read(client, Scanner.DEFAULT_PAGE_SIZE, progress);
            progress.println("xp2aso migrate: " + state.objects().size() + " observed objects from the cluster at "
                    + client.getMasterUrl());
            return new ObservedIndex(state.objects());
        } catch (ClusterException e) {
            throw new InputException(new Origin(e.where(), 0), e.getMessage(), e);
        }
    }
}
