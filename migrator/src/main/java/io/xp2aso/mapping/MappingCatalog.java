package io.xp2aso.mapping;

import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The mapping catalog: every mapping file of a folder (recursively; *.yaml and *.yml), or the built-in catalog
 * packaged into the jar under {@code mappings/}. Looks mappings up by MR apiVersion and kind; the namespaced
 * Crossplane v2 groups ({@code *.azure.m.upbound.io}) find the file of their cluster-scoped group.
 */
public final class MappingCatalog {
    private final Map<String, KindMapping> byGroupKind = new LinkedHashMap<>();
    private final String location;

    private MappingCatalog(String location) {
        this.location = location;
    }

    /** Loads the catalog of a folder, or the built-in one when {@code dirOrNull} is null. Bad files: InputException. */
    public static MappingCatalog load(Path dirOrNull) {
        if (dirOrNull != null) {
            if (!Files.isDirectory(dirOrNull)) {
                throw new InputException(new Origin(dirOrNull.toString(), 0), "mappings folder not found");
            }
            MappingCatalog c = new MappingCatalog(dirOrNull.toString());
            c.readTree(dirOrNull, dirOrNull.toString());
            return c;
        }
        return builtIn();
    }

    /** The built-in catalog, read once: it never changes, and reading it is a quarter of a second of a cold JVM. */
    private static MappingCatalog builtIn;

    /**
     * Starts reading the built-in catalog on a worker while the caller reads its inputs; {@link #load} then finds it
     * read (or waits for it). A failure is left for {@link #load} to report.
     */
    public static void preloadBuiltIn() {
        java.util.concurrent.ForkJoinPool.commonPool().execute(() -> {
            try {
                builtIn();
            } catch (RuntimeException e) {
                // load(null) reads it again and reports the failure where it is needed
            }
        });
    }

    private static synchronized MappingCatalog builtIn() {
        if (builtIn == null) {
            builtIn = readBuiltIn();
        }
        return builtIn;
    }

    private static MappingCatalog readBuiltIn() {
        URL readme = MappingCatalog.class.getClassLoader().getResource("mappings/README.md");
        if (readme == null) {
            throw new IllegalStateException("the built-in mapping catalog is missing from the classpath (mappings/README.md)");
        }
        MappingCatalog c = new MappingCatalog("built-in");
        try {
            URI uri = readme.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                c.readTree(fs.getPath("/mappings"), "mappings");
            } else {
                c.readTree(Path.of(uri).getParent(), "mappings");
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the built-in mapping catalog: " + e.getMessage(), e);
        }
        return c;
    }

    private void readTree(Path root, String displayRoot) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".");
                    })
                    .sorted(Comparator.comparing(p -> root.relativize(p).toString()))
                    .toList();
        } catch (IOException e) {
            throw new InputException(new Origin(displayRoot, 0), "cannot list mapping files: " + e.getMessage(), e);
        }
        for (Path f : files) {
            String display = displayRoot + "/" + root.relativize(f).toString().replace('\\', '/');
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputException(new Origin(display, 0), "cannot read: " + e.getMessage(), e);
            }
            add(CatalogParser.parse(display, text));
        }
    }

    private void add(KindMapping m) {
        KindMapping before = byGroupKind.putIfAbsent(m.groupKind(), m);
        if (before != null) {
            throw new InputException(m.origin(), m.groupKind() + " is already mapped by " + before.origin());
        }
    }

    /** Checks what one file alone cannot: references and merges point at kinds and targets that exist. */
    public List<String> crossFileProblems() {
        List<String> out = new ArrayList<>();
        for (KindMapping m : byGroupKind.values()) {
            if (m.isMerge()) {
                RefSpec via = m.mergeInto().via();
                KindMapping into = byGroupKind.get(via.kind());
                if (into == null) {
                    out.add(m.origin() + ": mergeInto kind " + via.kind() + " has no mapping file");
                } else if (into.isMerge() || into.target(via.target()).isEmpty()) {
                    out.add(m.origin() + ": mergeInto target `" + via.target() + "` is not a target of " + into.origin());
                }
            }
            for (TargetSpec t : m.targets()) {
                if (t.owner() != null && !t.owner().isLocal() && !t.owner().anyKind() && !t.owner().target().isEmpty()) {
                    KindMapping ref = byGroupKind.get(t.owner().kind());
                    if (ref != null && ref.target(t.owner().target()).isEmpty()) {
                        out.add(t.owner().origin() + ": owner target `" + t.owner().target() + "` is not a target of " + ref.origin());
                    }
                }
            }
        }
        return out;
    }

    /** True when an MR of this apiVersion (or bare group) and kind has a mapping file. */
    public boolean hasMapping(String apiVersion, String kind) {
        return find(apiVersion, kind).isPresent();
    }

    public Optional<KindMapping> find(String apiVersionOrGroup, String kind) {
        return Optional.ofNullable(byGroupKind.get(clusterGroup(groupOf(apiVersionOrGroup)) + "/" + kind));
    }

    public List<KindMapping> entries() {
        return Collections.unmodifiableList(new ArrayList<>(byGroupKind.values()));
    }

    /** Where the catalog was read from: a folder or "built-in". */
    public String location() {
        return location;
    }

    /** The served ASO versions a target kind may be written at, default first, for version negotiation. */
    public List<String> targetVersions(String asoGroup, String asoKind) {
        for (KindMapping m : byGroupKind.values()) {
            for (TargetSpec t : m.targets()) {
                if (t.group().equals(asoGroup) && t.kind().equals(asoKind)) {
                    return t.allVersions();
                }
            }
        }
        return List.of();
    }

    /** The cluster-scoped upjet group of a namespaced v2 group: storage.azure.m.upbound.io -> storage.azure.upbound.io. */
    public static String clusterGroup(String group) {
        if (group.equals("azure.m.upbound.io")) {
            return "azure.upbound.io";
        }
        if (group.endsWith(".azure.m.upbound.io")) {
            return group.substring(0, group.length() - ".azure.m.upbound.io".length()) + ".azure.upbound.io";
        }
        return group;
    }

    static String groupOf(String apiVersionOrGroup) {
        int slash = apiVersionOrGroup.indexOf('/');
        return slash < 0 ? apiVersionOrGroup : apiVersionOrGroup.substring(0, slash);
    }
}
