package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.ConnectionSecret;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Connection Secrets (#13.9): preflight records the key names (never values) of each Secret Crossplane wrote that ASO
 * replaces in place; final-verify waits until every replacement holds its planned keys and those recorded, so a
 * consumer finds each key it read before. Only key names are looked at, and only key names are printed.
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

    static void verify(UnitRun run) {
        for (ConnectionSecret s : run.unit.connectionSecrets()) {
            if (s.replacement().isEmpty()) {
                continue;
            }
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
                        return missing.isEmpty() ? Optional.empty() : Optional.of("it lacks keys " + missing);
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
