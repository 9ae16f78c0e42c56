package io.xp2aso.source;

/** Where an object came from: a file (or "-", a git blob path, a cluster object) and the 1-based line of its document. */
public record Origin(String file, int line) {
    public static final Origin UNKNOWN = new Origin("<unknown>", 0);

    public static Origin cluster(String kind, String namespace, String name) {
        String id = namespace == null || namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
        return new Origin("cluster:" + id, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
