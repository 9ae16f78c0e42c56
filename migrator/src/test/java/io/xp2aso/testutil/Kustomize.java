package io.xp2aso.testutil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.source.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Builds kustomizations with the real kustomize inside kubectl (`kubectl kustomize`), as Argo CD does. */
public final class Kustomize {
    private Kustomize() {
    }

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Writes {@code files} (relative path -> text) below {@code root}. */
    public static void write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** The objects `kubectl kustomize DIR` renders. */
    public static List<ObjectNode> build(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err);
        }
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> it = Yaml.YAML.readerFor(JsonNode.class).readValues(out)) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n instanceof ObjectNode o && !o.isEmpty()) {
                    objects.add(o);
                }
            }
        }
        return objects;
    }

    public static String policy(JsonNode obj) {
        return obj.path("metadata").path("annotations").path("serviceoperator.azure.com/reconcile-policy").asText("(none)");
    }
}
