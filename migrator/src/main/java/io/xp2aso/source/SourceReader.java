package io.xp2aso.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yaml.snakeyaml.reader.ReaderException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads Kubernetes objects from folders (recursively), files and standard input.
 * Every object keeps its file and line. Helm templates and non-Kubernetes documents are recorded as skipped;
 * malformed YAML is an {@link InputException} naming the file and line.
 */
public final class SourceReader {
    private final List<Manifest> manifests = new ArrayList<>();
    private final List<SourceSet.SkippedInput> skipped = new ArrayList<>();

    /** Reads every source given on the command line: a folder, a file, or "-" for standard input. */
    public static SourceSet read(List<String> sources, InputStream stdin) {
        SourceReader reader = new SourceReader();
        for (String s : sources) {
            if (s.equals("-")) {
                reader.readStream("<stdin>", stdin);
            } else {
                reader.readPath(Path.of(s));
            }
        }
        return reader.result();
    }

    public SourceSet result() {
        return new SourceSet(manifests, skipped);
    }

    public void readPath(Path path) {
        if (!Files.exists(path)) {
            throw new InputException(new Origin(path.toString(), 0), "no such file or directory");
        }
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> !isHidden(path, p))
                        .filter(SourceReader::isManifestFile)
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new InputException(new Origin(path.toString(), 0), "cannot list folder: " + e.getMessage(), e);
            }
            for (Path f : files) {
                readFile(f);
            }
        } else {
            readFile(path);
        }
    }

    private static boolean isHidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    public static boolean isManifestFile(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    /** Files at least this large get a progress line: parsing them takes seconds. */
    static final long LARGE_FILE = 16L * 1024 * 1024;

    private void readFile(Path f) {
        long size = f.toFile().length();
        if (size >= LARGE_FILE) {
            // Standard error, beside the CLI's stage lines: a long silence on a large input looks like a hang.
            System.err.printf("xp2aso: reading %s (%d MB)...%n", f, size / (1024 * 1024));
        }
        String text;
        try {
            text = FileIo.readString(f);
        } catch (MalformedInputException e) {
            throw new InputException(new Origin(f.toString(), FileIo.lineOfBadUtf8(f)),
                    "not UTF-8 text (a binary file?): remove it from the sources or convert it to UTF-8", e);
        } catch (IOException e) {
            throw new InputException(new Origin(f.toString(), 0), "cannot read file: " + e.getMessage(), e);
        }
        readText(f.toString(), text);
    }

    private void readStream(String name, InputStream in) {
        try {
            readText(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputException(new Origin(name, 0), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Texts larger than twice this are parsed in chunks of documents on every core. */
    private static final int CHUNK_CHARS = 256 * 1024;

    /** Parses one file's text (YAML or JSON, multi-document) and records its objects. */
    public void readText(String file, String text) {
        if (file.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            // `kubectl get -o json` output: the JSON parser is many times faster than the YAML one. A .json file that
            // is not JSON after all is read as YAML below, which also gives the error message.
            Parsed json = parse(file, new DocumentChunks.Chunk(text, 1), Yaml.JSON.getFactory());
            if (json.error() == null) {
                skipped.addAll(json.skipped());
                manifests.addAll(json.found());
                return;
            }
        }
        List<DocumentChunks.Chunk> chunks = DocumentChunks.split(text, CHUNK_CHARS);
        List<Parsed> parsed = (chunks.size() == 1 ? chunks.stream() : chunks.parallelStream())
                .map(c -> parse(file, c, Yaml.factory())).toList();
        for (Parsed p : parsed) {
            skipped.addAll(p.skipped());
            if (p.error() != null) {
                if (text.contains("{{")) {
                    // A Helm chart template is not YAML until rendered: report it, do not fail the run.
                    skipped.add(new SourceSet.SkippedInput(p.error().origin(),
                            "Helm/Go template, not YAML until rendered; render it first, e.g. `helm template ... | xp2aso migrate -`"));
                    return;
                }
                throw p.error();
            }
        }
        for (Parsed p : parsed) {
            manifests.addAll(p.found());
        }
    }

    /** One chunk's objects and skipped documents, and the error that stopped it (null when none). */
    private record Parsed(List<Manifest> found, List<SourceSet.SkippedInput> skipped, InputException error) {
    }

    private static Parsed parse(String file, DocumentChunks.Chunk chunk, com.fasterxml.jackson.core.JsonFactory factory) {
        List<Manifest> found = new ArrayList<>();
        List<SourceSet.SkippedInput> skipped = new ArrayList<>();
        int offset = chunk.firstLine() - 1;
        TreeCompactor compactor = new TreeCompactor();
        try (JsonParser p = factory.createParser(chunk.text())) {
            TreeReader trees = new TreeReader(p, file, offset);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line = offset + p.currentTokenLocation().getLineNr();
                if (t == JsonToken.START_OBJECT) {
                    int lineInChunk = p.currentTokenLocation().getLineNr();
                    JsonNode node = compactor.compact(trees.readDocument());
                    // Compositions keep the lines of their templates and steps: the text may not be on disk later.
                    NodeLines lines = isComposition(node)
                            ? NodeLines.scan(factory, chunk.text(), lineInChunk, line) : NodeLines.NONE;
                    add(found, skipped, (ObjectNode) node, new Origin(file, line), lines);
                } else if (t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    skipped.add(new SourceSet.SkippedInput(new Origin(file, line), "document is a list, not a Kubernetes object"));
                } else if (t != JsonToken.VALUE_NULL) {
                    if (!(t == JsonToken.VALUE_STRING && p.getText().isBlank())) {
                        skipped.add(new SourceSet.SkippedInput(new Origin(file, line), "document is a scalar, not a Kubernetes object"));
                    }
                }
            }
        } catch (InputException e) {
            return new Parsed(found, skipped, e);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof ReaderException re) {
                return new Parsed(found, skipped, new InputException(new Origin(file, offset + lineOfCodePoint(chunk.text(), re.getPosition())),
                        String.format("character U+%04X is not allowed in YAML: is this a binary file? Remove it from the sources", re.getCodePoint()), e));
            }
            JsonLocation loc = e.getLocation();
            int line = loc == null || loc.getLineNr() <= 0 ? 0 : offset + loc.getLineNr();
            return new Parsed(found, skipped, new InputException(new Origin(file, line),
                    "malformed YAML: " + e.getOriginalMessage(), e));
        } catch (IOException e) {
            return new Parsed(found, skipped, new InputException(new Origin(file, 0), "cannot parse: " + e.getMessage(), e));
        }
        return new Parsed(found, skipped, null);
    }

    private static boolean isComposition(JsonNode node) {
        String kind = node.path("kind").asText("");
        return (kind.equals("Composition") || kind.equals("CompositionRevision"))
                && node.path("apiVersion").asText("").startsWith("apiextensions.crossplane.io/");
    }

    /** The 1-based line of the code point at {@code index} (code points, as SnakeYAML counts them). */
    private static int lineOfCodePoint(String text, int index) {
        int end = text.offsetByCodePoints(0, Math.min(index, text.codePointCount(0, text.length())));
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void add(List<Manifest> out, List<SourceSet.SkippedInput> skipped, ObjectNode node, Origin origin,
                            NodeLines lines) {
        String kind = node.path("kind").asText("");
        String apiVersion = node.path("apiVersion").asText("");
        if (kind.isEmpty() || apiVersion.isEmpty()) {
            skipped.add(new SourceSet.SkippedInput(origin, "not a Kubernetes object (no apiVersion/kind)"));
            return;
        }
        // kubectl get -o yaml wraps objects in a List.
        if (kind.equals("List") || (kind.endsWith("List") && node.get("items") != null && node.get("items").isArray())) {
            for (JsonNode item : node.get("items")) {
                if (item instanceof ObjectNode o) {
                    add(out, skipped, o, origin, NodeLines.NONE);
                }
            }
            return;
        }
        out.add(new Manifest(node, origin, lines));
    }
}
