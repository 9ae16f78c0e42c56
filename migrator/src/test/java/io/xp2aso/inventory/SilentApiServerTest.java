package io.xp2aso.inventory;

import io.xp2aso.model.ObjectKind;
import io.xp2aso.testutil.Kubeconfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An API server that accepts the connection and never answers: the scan ends with a clear error, not never. */
class SilentApiServerTest {
    @Test
    void aPageWithoutAnAnswerEndsTheListWithAClearError(@TempDir Path dir) throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // read nothing, write nothing
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Path kc = Kubeconfig.write(dir, "silent", "http://127.0.0.1:" + silent.getLocalPort());
            ClusterKind vaults = new ClusterKind("keyvault.azure.upbound.io", "v1beta1", "Vault", "vaults", false,
                    ObjectKind.MANAGED, List.of("managed"));
            try (var client = ClusterAccess.open(kc.toString(), null)) {
                PagedLister lister = new PagedLister(client, 500, new PrintWriter(new StringWriter()), Duration.ofSeconds(2));
                ClusterException e = assertThrows(ClusterException.class, () -> lister.list(vaults, null, null, o -> { }));
                assertEquals("cluster:http://127.0.0.1:" + silent.getLocalPort() + "/", e.where());
                assertTrue(e.getMessage().startsWith("no complete answer from the API server within 2 s while listing "
                        + "vaults"), e.getMessage());
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
