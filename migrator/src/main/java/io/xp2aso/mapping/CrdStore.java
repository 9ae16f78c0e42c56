package io.xp2aso.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;
import io.xp2aso.source.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CustomResourceDefinitions of a folder (or one file), found by group and kind. CRDs are large (ASO's reach 2 MB),
 * so the folder is first indexed by a streaming scan that builds no trees, and a CRD is parsed on first use and kept.
 */
public final class CrdStore {
    private final List<Path> roots;
    private final String where;
    private Map<String, Path> index;
    private final Map<String, JsonNode> parsed = new HashMap<>();

    public CrdStore(Path dirOrFile) {
        this(List.of(dirOrFile));
    }

    /** Several folders or files (e.g. the ASO CRDs and the upjet CRDs); the first holding a group/kind wins. */
    public CrdStore(List<Path> dirsOrFiles) {
        for (Path p : dirsOrFiles) {
            if (!Files.exists(p)) {
                throw new InputException(new Origin(p.toString(), 0), "CRD folder or file not found");
            }
        }
        this.roots = List.copyOf(dirsOrFiles);
        this.where = roots.size() == 1 ? roots.get(0).toString() : roots.toString();
    }

    private CrdStore(List<JsonNode> crds, String where) {
        this.roots = List.of();
        this.where = where;
        this.index = new HashMap<>();
        for (JsonNode crd : crds) {
            String key = crd.path("spec").path("group").asText("") + "/" + crd.path("spec").path("names").path("kind").asText("");
            parsed.putIfAbsent(key, crd);
        }
    }

    /** CRDs already in memory (e.g. read from a cluster); {@code where} names their source in messages. */
    public static CrdStore of(List<JsonNode> crds, String where) {
        return new CrdStore(crds, where);
    }

    /** Where the CRDs are read from, for messages. */
    public String root() {
        return where;
    }

    /** The CRD of an API group and kind, parsed once. */
    public synchronized Optional<JsonNode> find(String group, String kind) {
        String key = group + "/" + kind;
        if (parsed.containsKey(key)) {
            return Optional.of(parsed.get(key));
        }
        Path file = index().get(key);
        if (file == null) {
            return Optional.empty();
        }
        JsonNode crd = parse(file, group, kind);
        parsed.put(key, crd);
        return Optional.of(crd);
    }

    /** The openAPIV3Schema of one version of a CRD. */
    public Optional<JsonNode> schema(String group, String kind, String version) {
        return find(group, kind).flatMap(crd -> {
            for (JsonNode v : crd.path("spec").path("versions")) {
                if (v.path("name").asText().equals(version)) {
                    JsonNode s = v.path("schema").path("openAPIV3Schema");
                    return s.isMissingNode() ? Optional.empty() : Optional.of(s);
                }
            }
            return Optional.empty();
        });
    }

    /** The served version names of a CRD, in CRD order. */
    public List<String> servedVersions(String group, String kind) {
        List<String> out = new ArrayList<>();
        find(group, kind).ifPresent(crd -> crd.path("spec").path("versions").forEach(v -> {
            if (v.path("served").asBoolean(true)) {
                out.add(v.path("name").asText());
            }
        }));
        return out;
    }

    /** Every "group/Kind" in the store. */
    public synchronized List<String> kinds() {
        java.util.Set<String> out = new java.util.TreeSet<>(index().keySet());
        out.addAll(parsed.keySet());
        return new ArrayList<>(out);
    }

    private synchronized Map<String, Path> index() {
        if (index != null) {
            return index;
        }
        Map<String, Path> out = new HashMap<>();
        for (Path root : roots) {
            for (Path f : files(root)) {
                for (String gk : scan(f)) {
                    out.putIfAbsent(gk, f);
                }
            }
        }
        index = out;
        return out;
    }

    private static List<Path> files(Path root) {
        List<Path> files;
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).filter(p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(".yaml") || n.endsWith(".yml");
                }).sorted().toList();
            } catch (IOException e) {
                throw new InputException(new Origin(root.toString(), 0), "cannot list CRDs: " + e.getMessage(), e);
            }
        } else {
            files = List.of(root);
        }
        return files;
    }

    /** Group/kind of every CRD document in a file, read by streaming without building the (large) tree. */
    private static List<String> scan(Path f) {
        List<String> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8); JsonParser p = Yaml.factory().createParser(r)) {
            while (p.nextToken() != null) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                String kind = "";
                String group = "";
                String crdKind = "";
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("kind") && p.currentToken().isScalarValue()) {
                        kind = p.getText();
                    } else if (field.equals("spec") && p.currentToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String sf = p.currentName();
                            p.nextToken();
                            if (sf.equals("group") && p.currentToken().isScalarValue()) {
                                group = p.getText();
                            } else if (sf.equals("names") && p.currentToken() == JsonToken.START_OBJECT) {
                                while (p.nextToken() == JsonToken.FIELD_NAME) {
                                    String nf = p.currentName();
                                    p.nextToken();
                                    if (nf.equals("kind") && p.currentToken().isScalarValue()) {
                                        crdKind = p.getText();
                                    } else {
                                        p.skipChildren();
                                    }
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                if (kind.equals("CustomResourceDefinition") && !group.isEmpty() && !crdKind.isEmpty()) {
                    out.add(group + "/" + crdKind);
                }
            }
        } catch (IOException e) {
            throw new InputException(new Origin(f.toString(), 0), "cannot read CRD file: " + e.getMessage(), e);
        }
        return out;
    }

    private static JsonNode parse(Path f, String group, String kind) {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8); JsonParser p = Yaml.factory().createParser(r)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    JsonNode doc = Yaml.YAML.readTree(p);
                    if (doc.path("kind").asText().equals("CustomResourceDefinition")
                            && doc.path("spec").path("group").asText().equals(group)
                            && doc.path("spec").path("names").path("kind").asText().equals(kind)) {
                        return doc;
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new InputException(new Origin(f.toString(), 0), "cannot parse CRD: " + e.getMessage(), e);
        }
        throw new InputException(new Origin(f.toString(), 0), "CRD " + group + "/" + kind + " vanished from the file");
    }
}
