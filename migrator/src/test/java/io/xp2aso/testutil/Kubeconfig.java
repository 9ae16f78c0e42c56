package io.xp2aso.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-cluster, one-context kubeconfig with a token user, written as DIR/kubeconfig. */
public final class Kubeconfig {
    private Kubeconfig() {
    }

    public static Path write(Path dir, String context, String server) throws IOException {
        Files.createDirectories(dir);
        Path kc = dir.resolve("kubeconfig");
        Files.writeString(kc, """
                apiVersion: v1
                kind: Config
                clusters: [{name: %1$s, cluster: {server: "%2$s"}}]
                contexts: [{name: %1$s, context: {cluster: %1$s, user: u}}]
                current-context: %1$s
                users: [{name: u, user: {token: t}}]
                """.formatted(context, server));
        return kc;
    }
}
