package io.xp2aso.testutil;

import java.nio.file.Path;
import java.util.function.Supplier;

/** Runs a command with fabric8's `kubeconfig` system property (read like KUBECONFIG) set, then restores it. */
public final class KubeconfigProperty {
    private KubeconfigProperty() {
    }

    public static <T> T with(Path kubeconfig, Supplier<T> run) {
        String before = System.getProperty("kubeconfig");
        System.setProperty("kubeconfig", kubeconfig.toString());
        try {
            return run.get();
        } finally {
            if (before == null) {
                System.clearProperty("kubeconfig");
            } else {
                System.setProperty("kubeconfig", before);
            }
        }
    }
}
