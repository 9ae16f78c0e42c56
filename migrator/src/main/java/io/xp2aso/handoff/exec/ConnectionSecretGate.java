package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.AsoTarget;
import io.xp2aso.handoff.ConnectionSecret;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Connection Secrets (#13.9): preflight records the key names (never values) of each Secret Crossplane wrote that ASO
 * replaces in place; final-verify waits until every replacement holds its planned keys and those recorded, so a
 * consumer finds each key it read before, and the replacement is owned (so written) by one of its ASO writers. Only
 * key names are looked at, and only key names are printed.
 */
final class ConnectionSecretGate {
    private ConnectionSecretGate() {
    }

    static void record(UnitRun run) {
        for (ConnectionSecret s : run.unit.connectionSecrets()) {
            if (s.inPlace() && !run.state.secretKeys.containsKey(s.display())) {
                run.kube.get(Preflight.secretRef(s.namespace(), s.name()))
                        .ifPresent(secret -> run.state.secretKeys.put(s.display(), keyNames(secret)));
            }
        }
    }

    /**
     * Hands a Secret replaced in place to its ASO writer. Retire deletes Crossplane's objects with propagationPolicy
     * Orphan, so garbage collection leaves their connection Secret in place without owner, every key still there for
     * its consumers; but ASO writes only a Secret it owns (it never overwrites another's). So the ASO resource that
     * writes it becomes its controller owner: from then on ASO keeps it, and no consumer ever finds it gone. Not when
     * the Secret holds keys ASO does not write: ASO replaces the data of a Secret it owns, so they would vanish.
     */
    static void adopt(UnitRun run, ConnectionSecret s) {
        Optional<AsoTarget> writer = run.unit.aso().stream().filter(t -> s.writtenBy().contains(t.ref().display())).findFirst();
        if (!s.inPlace() || writer.isEmpty() || run.kube.get(Preflight.secretRef(s.namespace(), s.name())).isEmpty()) {
            return;
        }
        JsonNode aso = run.kube.require(writer.get().ref());
        String uid = aso.path("metadata").path("uid").asText("");
        run.kube.waitFor("Secret " + s.display() + " to lose its Crossplane owner (garbage collection orphans it)", () -> {
            Optional<ObjectNode> secret = run.kube.get(Preflight.secretRef(s.namespace(), s.name()));
            String other = secret.map(x -> controller(x)).filter(c -> !c.isEmpty() && !c.equals(uid)).orElse("");
            return other.isEmpty() ? Optional.empty() : Optional.of("its controller owner is still " + other);
        });
        boolean adopted = run.kube.get(Preflight.secretRef(s.namespace(), s.name())).map(x -> controller(x).equals(uid))
                .orElse(false);
        List<String> unwritten = new ArrayList<>(run.state.secretKeys.getOrDefault(s.display(), List.of()));
        unwritten.removeAll(s.keys());
        if (!adopted && !unwritten.isEmpty()) {
            // ASO writes a Secret it owns with exactly its keys: adopting would drop these under the consumers.
            throw new StepFailed("Secret " + s.display() + " holds keys " + unwritten + " that no ASO resource writes ("
                    + writer.get().ref().display() + " writes " + s.keys() + "); once ASO owned it, they would be gone. "
                    + "It is left as it is (without owner, every key kept): add them to the ASO resource's "
                    + "operatorSpec.secrets or secretExpressions and run again");
        }
        run.kube.editIfPresent(Preflight.secretRef(s.namespace(), s.name()), secret -> {
            if (controller(secret).equals(uid)) {
                return false;
            }
            ArrayNode owners = secret.with("metadata").withArray("ownerReferences");
            owners.addObject().put("apiVersion", writer.get().ref().apiVersion()).put("kind", writer.get().ref().kind())
                    .put("name", writer.get().ref().name()).put("uid", uid).put("controller", true);
            return true;
        });
        run.say("Secret " + s.display() + ": controller owner " + writer.get().ref().display() + " (ASO writes it from now on)");
    }

    /** The uid of the object's controller owner, "" when it has none. */
    private static String controller(JsonNode obj) {
        for (JsonNode o : obj.path("metadata").path("ownerReferences")) {
            if (o.path("controller").asBoolean(false)) {
                return o.path("uid").asText("");
            }
        }
        return "";
    }

    static void verify(UnitRun run) {
        for (ConnectionSecret s : run.unit.connectionSecrets()) {
            if (s.replacement().isEmpty()) {
                continue;
            }
            adopt(run, s);
            Set<String> want = new LinkedHashSet<>(s.keys());
            if (s.inPlace()) {
                want.addAll(run.state.secretKeys.getOrDefault(s.display(), List.of()));
            }
            String ns = s.replacement().substring(0, s.replacement().indexOf('/'));
            String name = s.replacement().substring(s.replacement().indexOf('/') + 1);
            run.kube.waitFor("connection Secret " + s.replacement() + " (replacing " + s.display() + ") to hold keys " + want,
                    () -> {
                        Optional<ObjectNode> secret = run.kube.get(Preflight.secretRef(ns, name));
                        if (secret.isEmpty()) {
                            return Optional.of("it does not exist");
                        }
                        List<String> missing = new ArrayList<>(want);
                        missing.removeAll(keyNames(secret.get()));
                        if (!missing.isEmpty()) {
                            return Optional.of("it lacks keys " + missing);
                        }
                        boolean asoOwns = run.unit.aso().stream().anyMatch(t -> s.writtenBy().contains(t.ref().display())
                                && run.kube.get(t.ref()).map(a -> a.path("metadata").path("uid").asText())
                                .filter(u -> u.equals(controller(secret.get()))).isPresent());
                        return asoOwns ? Optional.empty() : Optional.of("no ASO resource that writes it owns it");
                    });
            run.say("connection Secret " + s.replacement() + " holds keys " + want + " (replacing " + s.display() + ")");
        }
    }

    private static List<String> keyNames(JsonNode secret) {
        List<String> out = new ArrayList<>();
        secret.path("data").fieldNames().forEachRemaining(out::add);
        secret.path("stringData").fieldNames().forEachRemaining(k -> {
            if (!out.contains(k)) {
                out.add(k);
            }
        });
        return out;
    }
}
