package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ManagedHandoff;
import io.xp2aso.handoff.ObjectRef;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * After retire, a settle period (two reconcile intervals of the GitOps tools and controllers) during which the
 * executor keeps checking that nothing it deleted reappeared: the claim, the XRs and MRs by name, and objects of
 * their kinds that Crossplane labels with the claim (or the XR) as a re-created claim would compose them.
 */
final class Settle {
    private Settle() {
    }

    static void hold(UnitRun run) {
        Duration d = run.settle;
        if (d.isZero()) {
            run.say("no settle period (--reconcile-interval 0)");
            return;
        }
        run.kube.hold("the settle period after retire", d, () -> reappeared(run));
        run.say("settled: nothing deleted reappeared within " + d.toSeconds() + " s");
    }

    private static Optional<String> reappeared(UnitRun run) {
        for (ObjectRef r : run.claimAndXr()) {
            if (run.kube.get(r).isPresent()) {
                return Optional.of(r.display() + " reappeared");
            }
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (ManagedHandoff mr : run.unit.resources()) {
            if (run.kube.get(mr.ref()).isPresent()) {
                return Optional.of(mr.ref().display() + " reappeared");
            }
            kinds.add(mr.ref().apiVersion() + " " + mr.ref().kind());
        }
        String selector;
        if (run.unit.claim() != null) {
            selector = "crossplane.io/claim-name=" + run.unit.claim().name() + ",crossplane.io/claim-namespace="
                    + run.unit.claim().namespace();
            if (run.unit.composite() != null) {
                kinds.add(run.unit.composite().apiVersion() + " " + run.unit.composite().kind());
            }
        } else if (run.unit.composite() != null) {
            selector = ComposedObjects.COMPOSITE_LABEL + "=" + run.unit.composite().name();
        } else {
            return Optional.empty();
        }
        for (String k : kinds) {
            String[] avKind = k.split(" ");
            List<ObjectNode> found;
            try {
                found = run.kube.cluster().list(avKind[0], avKind[1], "", selector);
            } catch (ClusterException e) {
                if (e.kind() == ClusterException.Kind.UNKNOWN_KIND) {
                    continue;
                }
                throw e;
            }
            if (!found.isEmpty()) {
                return Optional.of(ObjectRef.of(found.get(0)).display() + " was created for " + (run.unit.claim() != null
                        ? run.unit.claim().display() : run.unit.composite().display()));
            }
        }
        return Optional.empty();
    }
}
