package io.xp2aso.source;

/** Where an object came from: a file (or "-", a git blob path, a cluster object) and the 1-based line of its document. */
public record Origin(String file, int line) {
    public static final Origin UNKNOWN = new Origin("<unknown>", 0);

    /** A live object: "cluster:CONTEXT/APIVERSION/KIND/[NAMESPACE/]NAME" (there is no file or line to point at). */
    public static Origin cluster(String context, String apiVersion, String kind, String namespace, String name) {
        String id = namespace == null || namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
        return new Origin("cluster:" + context + "/" + apiVersion + "/" + id, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
