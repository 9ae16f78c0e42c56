package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.FieldManagers;
import io.xp2aso.handoff.GitOps;
import io.xp2aso.handoff.GitOpsDetector;
import io.xp2aso.handoff.Keys;
import io.xp2aso.handoff.ManagedHandoff;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.handoff.UnknownManager;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Preflight's live GitOps checks on the unit's claim, XRs and MRs: a GitOps tool the plan has no steps for would
 * re-create what retire deletes, and a writer xp2aso does not know could change what ASO takes over. Field managers
 * come from {@code metadata.managedFields}; the operator may acknowledge a manager by name ({@code --ack-manager}).
 */
final class GitOpsChecks {
    private GitOpsChecks() {
    }

    static List<String> check(UnitRun run) {
        List<String> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (UnknownManager m : run.unit.unknownManagers()) {
            if (!run.ackManagers.contains(m.manager())) {
                problems.add(m.describe() + " (seen when the plan was made)");
                reported.add(m.object() + "\n" + m.manager());
            }
        }
        String argoLabel = argoInstanceLabel(run);
        for (ObjectRef r : objects(run)) {
            Optional<ObjectNode> live = run.kube.get(r);
            if (live.isEmpty()) {
                continue;
            }
            GitOps g = GitOpsDetector.detect(live.get(), argoLabel);
            GitOps planned = run.unit.gitops();
            if (g != null) {
                String manager = g.evidence().startsWith("field manager ") ? g.evidence().substring(14) : "";
                if (planned == null && !run.ackManagers.contains(manager)) {
                    problems.add(r.display() + " is tracked by " + g.describe() + " (" + g.evidence() + ") but the plan "
                            + "has no GitOps steps: the tool would re-create what retire deletes. Migrate again from the "
                            + "live objects (--from-cluster, or --observed with managed fields) so the plan has them"
                            + (manager.isEmpty() ? "" : "; if the tool no longer applies it, run again with --ack-manager "
                            + manager));
                } else if (planned != null && !planned.tool().equals(g.tool())) {
                    problems.add(r.display() + " is tracked by " + g.describe() + " (" + g.evidence() + "), the plan "
                            + "expects " + planned.describe() + ": migrate again from the live objects");
                }
            }
            for (String m : GitOpsDetector.managers(live.get())) {
                if (!FieldManagers.known(m) && !GitOpsDetector.gitOpsManager(m) && !run.ackManagers.contains(m)
                        && !reported.contains(r.display() + "\n" + m)) {
                    problems.add(r.display() + " is written by field manager '" + m + "', which xp2aso does not know: "
                            + "it could change or re-create what the handoff hands over. If it will not write this object "
                            + "during the handoff, run again with --ack-manager " + m);
                }
            }
        }
        return problems;
    }

    /** Claim, XRs and MRs of the unit. */
    private static List<ObjectRef> objects(UnitRun run) {
        List<ObjectRef> out = new ArrayList<>(run.claimAndXr());
        for (ManagedHandoff mr : run.unit.resources()) {
            out.add(mr.ref());
        }
        return out;
    }

    /** Argo CD's custom instance label key from ConfigMap argocd/argocd-cm; "" when there is none or it is unreadable. */
    static String argoInstanceLabel(UnitRun run) {
        try {
            return run.kube.get(new ObjectRef("v1", "ConfigMap", Keys.ARGO_CM_NAMESPACE, Keys.ARGO_CM))
                    .map(cm -> cm.path("data").path(Keys.ARGO_CM_LABEL_KEY).asText("")).orElse("");
        } catch (ClusterException e) {
            if (e.kind() == ClusterException.Kind.DENIED) {
                return ""; // may not read it: the field managers still show Argo CD
            }
            throw e;
        }
    }
}
