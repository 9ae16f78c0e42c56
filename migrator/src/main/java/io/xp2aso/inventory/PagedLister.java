package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.xp2aso.source.Yaml;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Lists one kind page by page (limit/continue) through fabric8's generic resources and hands each object to a
 * consumer as a Jackson tree, so at most one page of raw objects is in memory at a time. A 403 or another API
 * error on the kind is returned as an {@link UnlistedKind}; an unreachable cluster or rejected credentials abort
 * the scan with a {@link ClusterException}.
 */
final class PagedLister {
    /** Progress lines every this many pages, for kinds with very many objects. */
    private static final int PROGRESS_EVERY_PAGES = 10;

    private final KubernetesClient client;
    private final long pageSize;
    private final PrintWriter progress;
    private final java.time.Duration pageDeadline;

    PagedLister(KubernetesClient client, long pageSize, PrintWriter progress) {
        this(client, pageSize, progress, ApiCallDeadline.PAGE);
    }

    /** {@code pageDeadline}: the longest a page may take before the cluster counts as not answering. */
    PagedLister(KubernetesClient client, long pageSize, PrintWriter progress, java.time.Duration pageDeadline) {
        this.client = client;
        this.pageSize = pageSize;
        this.progress = progress;
        this.pageDeadline = pageDeadline;
    }

    record Result(long count, int pages, UnlistedKind failure) {
    }

    /**
     * @param namespace     list only this namespace (namespaced kinds), or null for all
     * @param labelSelector server-side label filter, or null
     */
    Result list(ClusterKind kind, String namespace, String labelSelector, Consumer<JsonNode> each) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op =
                client.genericKubernetesResources(kind.context());
        String token = null;
        long count = 0;
        int pages = 0;
        do {
            ListOptionsBuilder b = new ListOptionsBuilder().withLimit(pageSize);
            if (token != null) {
                b.withContinue(token);
            }
            if (labelSelector != null) {
                b.withLabelSelector(labelSelector);
            }
            ListOptions opts = b.build();
            GenericKubernetesResourceList page;
            long sofar = count;
            try {
                page = ApiCallDeadline.call(() -> {
                    if (!kind.namespaced()) {
                        return op.list(opts);
                    } else if (namespace != null) {
                        return op.inNamespace(namespace).list(opts);
                    }
                    return op.inAnyNamespace().list(opts);
                }, pageDeadline, () -> new ClusterException("cluster:" + client.getMasterUrl(), "no complete answer from "
                        + "the API server within " + pageDeadline.toSeconds() + " s while listing " + kind.resource()
                        + (sofar > 0 ? " (after " + sofar + " objects)" : "") + ": check the API server and the "
                        + "network, then run again", null));
            } catch (KubernetesClientException e) {
                int code = e.getCode();
                String fresh = expiredContinuation(e);
                if (token != null && fresh != null) {
                    // The list outlived its snapshot (410 Gone). The API server offers a token that continues from
                    // the next key in a newer snapshot: an inventory can live with that, a restart could loop forever.
                    progress.printf("scan: %s: list snapshot expired after %d objects, continuing on a newer one%n",
                            kind.resource(), count);
                    token = fresh;
                    continue;
                }
                // No HTTP status at all (fabric8 reports 0 or -1) means no answer from the API server.
                if (code <= 0 || code == 401) {
                    throw unreachable(e);
                }
                String message = e.getStatus() != null && e.getStatus().getMessage() != null
                        ? e.getStatus().getMessage() : e.getMessage();
                return new Result(count, pages, new UnlistedKind(kind.apiVersion(), kind.kind(), kind.resource(),
                        kind.namespaced() && namespace != null ? namespace : "", code, Text.clip(message, 500)));
            }
            pages++;
            for (GenericKubernetesResource r : page.getItems()) {
                // fabric8 omits apiVersion/kind on list items; put them back so summaries see whole objects.
                if (r.getApiVersion() == null) {
                    r.setApiVersion(kind.apiVersion());
                }
                if (r.getKind() == null) {
                    r.setKind(kind.kind());
                }
                each.accept(toTree(r));
                count++;
            }
            token = page.getMetadata() == null ? null : page.getMetadata().getContinue();
            if (token != null && token.isEmpty()) {
                token = null;
            }
            if (token != null && pages % PROGRESS_EVERY_PAGES == 0) {
                progress.printf("scan: %s: %d so far%n", kind.resource(), count);
                progress.flush();
            }
        } while (token != null);
        return new Result(count, pages, null);
    }

    private static String expiredContinuation(KubernetesClientException e) {
        if (e.getCode() != 410 || e.getStatus() == null || e.getStatus().getMetadata() == null) {
            return null;
        }
        String c = e.getStatus().getMetadata().getContinue();
        return c == null || c.isEmpty() ? null : c;
    }

    private JsonNode toTree(GenericKubernetesResource r) {
        try {
            return Yaml.JSON.readTree(client.getKubernetesSerialization().asJson(r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + r.getKind() + " " + r.getMetadata().getName(), e);
        }
    }

    ClusterException unreachable(KubernetesClientException e) {
        return ClusterAccess.unreachable(client, e);
    }
}
