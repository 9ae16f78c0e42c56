package io.xp2aso.testutil;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/** A kubeconfig whose only cluster is a loopback port nothing listens on: for "unreachable cluster" tests. */
public record DeadCluster(Path kubeconfig, int port) {
    public static DeadCluster in(Path dir) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path kc = Kubeconfig.write(dir, "dead", "http://127.0.0.1:" + port);
        return new DeadCluster(kc, port);
    }

    /** The start of the error the CLI prints for it. */
    public String unreachable() {
        return "error: cluster:http://127.0.0.1:" + port + "/: cannot reach the cluster";
    }
}
