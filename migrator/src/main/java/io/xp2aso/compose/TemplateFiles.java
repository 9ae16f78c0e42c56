package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.Origin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The templates of a function-go-templating step with {@code source: FileSystem}, when the sources hold the chain
 * that puts them in the function's pod: the Function object the step names, its DeploymentRuntimeConfig
 * ({@code spec.runtimeConfigRef}, "default" when absent), a container volume mounted at {@code fileSystem.dirPath}
 * and the ConfigMap behind that volume. The function reads every file of the folder in name order, skipping hidden
 * ones (a mounted ConfigMap's "..data" entries), each followed by "\n---\n": so do these.
 */
public final class TemplateFiles {
    public static final TemplateFiles NONE = new TemplateFiles(List.of());

    /** The template text and the ConfigMap it came from. */
    record Found(String template, Origin origin) {
    }

    private final Map<String, Manifest> functions = new HashMap<>();
    private final Map<String, Manifest> runtimeConfigs = new HashMap<>();
    private final Map<String, List<Manifest>> configMaps = new HashMap<>();

    public TemplateFiles(List<Manifest> sources) {
        for (Manifest m : sources) {
            if (m.group().equals("pkg.crossplane.io") && m.kind().equals("Function")) {
                functions.put(m.name(), m);
            } else if (m.group().equals("pkg.crossplane.io") && m.kind().equals("DeploymentRuntimeConfig")) {
                runtimeConfigs.put(m.name(), m);
            } else if (m.apiVersion().equals("v1") && m.kind().equals("ConfigMap")) {
                configMaps.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
            }
        }
    }

    /** The templates in dirPath of the function's pod, or the reason xp2aso cannot read them (a String). */
    Object find(String function, String dirPath) {
        Manifest fn = functions.get(function);
        if (fn == null) {
            return "the Function object " + function + " is not in the sources";
        }
        String rcName = fn.node().path("spec").path("runtimeConfigRef").path("name").asText("default");
        Manifest rc = runtimeConfigs.get(rcName);
        if (rc == null) {
            return "Function " + function + "'s DeploymentRuntimeConfig " + rcName + " is not in the sources";
        }
        String dir = trim(dirPath);
        JsonNode pod = rc.node().path("spec").path("deploymentTemplate").path("spec").path("template").path("spec");
        String volume = null;
        for (JsonNode c : pod.path("containers")) {
            for (JsonNode vm : c.path("volumeMounts")) {
                if (trim(vm.path("mountPath").asText("")).equals(dir)) {
                    volume = vm.path("name").asText("");
                }
            }
        }
        if (volume == null) {
            return "DeploymentRuntimeConfig " + rcName + " mounts no volume at " + dirPath;
        }
        String cmName = null;
        for (JsonNode v : pod.path("volumes")) {
            if (v.path("name").asText("").equals(volume)) {
                if (v.path("configMap").path("items").size() > 0) {
                    return "volume " + volume + " of DeploymentRuntimeConfig " + rcName + " selects ConfigMap items,"
                            + " which xp2aso does not map to files";
                }
                cmName = v.path("configMap").path("name").asText("");
            }
        }
        if (cmName == null || cmName.isEmpty()) {
            return "volume " + volume + " of DeploymentRuntimeConfig " + rcName + " is not a ConfigMap";
        }
        List<Manifest> cms = configMaps.getOrDefault(cmName, List.of());
        Manifest cm = cms.size() == 1 ? cms.get(0) : cms.stream()
                .filter(m -> m.namespace().equals("crossplane-system")).findFirst().orElse(null);
        if (cm == null) {
            return cms.isEmpty() ? "ConfigMap " + cmName + " is not in the sources"
                    : "ConfigMap " + cmName + " is in several namespaces of the sources, none crossplane-system";
        }
        // Go's fs.WalkDir visits names in byte order, as TreeMap orders these (ConfigMap keys are ASCII).
        Map<String, String> files = new TreeMap<>();
        cm.node().path("data").properties().forEach(e -> files.put(e.getKey(), e.getValue().asText("")));
        StringBuilder t = new StringBuilder();
        files.forEach((name, text) -> {
            if (!name.startsWith(".")) {
                t.append(text).append("\n---\n");
            }
        });
        return new Found(t.toString(), cm.origin());
    }

    private static String trim(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
