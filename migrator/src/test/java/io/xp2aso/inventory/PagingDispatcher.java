package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.CustomResourceAware;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.Resetable;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import io.xp2aso.source.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * fabric8's CRUD dispatcher (with expectations first, as in mixed mode) plus what it lacks: list pagination.
 * A GET with {@code limit} gets that many items and a {@code continue} token (the offset) when more remain, as
 * the API server does, from a snapshot taken at the first page. Expectations match the path without
 * limit/continue. Every list request is recorded.
 * It composes the two dispatchers as fabric8's KubernetesMixedDispatcher does, but keeps the CRUD one at hand
 * so that {@link MockCluster#store} can fill the store directly, without a request per object.
 */
final class PagingDispatcher extends Dispatcher implements Resetable, CustomResourceAware {
    /** Recorded list requests: path without query, and the continue token ("" for a first page). */
    record ListRequest(String path, String query, long limit, String continueToken) {
    }

    /** A list as the store returned it for a first page: the rest of its pages are served from it. */
    private record Snapshot(ObjectNode envelope, ArrayNode items) {
    }

    final List<ListRequest> lists = new CopyOnWriteArrayList<>();
    /**
     * Per list path (with its selectors), the list taken at its first page, until its last page is served. The
     * API server, too, serves every page of a list from the snapshot of its first (the continue token carries
     * the resourceVersion); without this each page would make the mock filter and serialize the whole store,
     * which at 20,000 objects costs more than the scan it serves.
     */
    private final Map<String, Snapshot> snapshots = new java.util.concurrent.ConcurrentHashMap<>();
    /** Continue tokens that expire once: the first request with one gets 410 Gone and a fresh token, as etcd compaction does. */
    final java.util.Set<String> expireOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Map<ServerRequest, Queue<ServerResponse>> responses;
    private final MockDispatcher expectations;
    final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();

    PagingDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
        this.responses = responses;
        this.expectations = new MockDispatcher(responses);
    }

    /** Expectations first (mixed mode), then the CRUD store. */
    private MockResponse mixed(RecordedRequest request) {
        return expected(request) ? expectations.dispatch(request) : crud.dispatch(request);
    }

    @Override
    public void shutdown() {
        expectations.shutdown();
        crud.shutdown();
    }

    @Override
    public void releaseResources() {
        expectations.releaseResources();
        crud.releaseResources();
    }

    @Override
    public void reset() {
        crud.reset();
    }

    @Override
    public void expectCustomResource(CustomResourceDefinitionContext context) {
        crud.expectCustomResource(context);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        int q = path.indexOf('?');
        if (request.method() != HttpMethod.GET || q < 0 || path.contains("watch=")) {
            return mixed(request);
        }
        String base = path.substring(0, q);
        long limit = 0;
        long offset = 0;
        String token = "";
        List<String> kept = new ArrayList<>();
        for (String p : path.substring(q + 1).split("&")) {
            String[] kv = p.split("=", 2);
            String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            switch (kv[0]) {
                case "limit" -> limit = Long.parseLong(value);
                case "continue" -> {
                    token = value;
                    offset = Long.parseLong(value);
                }
                default -> kept.add(p);
            }
        }
        String stripped = kept.isEmpty() ? base : base + "?" + String.join("&", kept);
        lists.add(new ListRequest(base, String.join("&", kept), limit, token));
        if (!token.isEmpty() && expireOnce.remove(base + "#" + token)) {
            return new MockResponse().setResponseCode(410).setHeader("Content-Type", "application/json").setBody("""
                    {"kind":"Status","apiVersion":"v1","metadata":{"continue":"%s"},"status":"Failure",
                     "message":"The provided continue parameter is too old to display a consistent list result.",
                     "reason":"Expired","code":410}""".formatted(token));
        }
        Snapshot snapshot = token.isEmpty() || limit <= 0 ? null : snapshots.get(stripped);
        if (snapshot == null) {
            RecordedRequest whole = new RecordedRequest(request.getHttpVersion(), request.method(), stripped,
                    request.getHeaders(), request.getBody());
            boolean fromStore = !expected(whole);
            MockResponse r = mixed(whole);
            if (limit <= 0 || r.code() != 200) {
                return r;
            }
            try {
                JsonNode body = Yaml.JSON.readTree(r.getBody().getBytes());
                if (!(body instanceof ObjectNode list) || !(list.get("items") instanceof ArrayNode items)) {
                    return r;
                }
                list.remove("items");
                snapshot = new Snapshot(list, items);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (fromStore && offset + limit < snapshot.items().size()) {
                snapshots.put(stripped, snapshot);
            }
        }
        ArrayNode items = snapshot.items();
        ObjectNode list = snapshot.envelope().deepCopy();
        ArrayNode page = list.putArray("items");
        for (long i = offset; i < Math.min(items.size(), offset + limit); i++) {
            page.add(items.get((int) i));
        }
        ObjectNode md = list.with("metadata");
        if (offset + limit < items.size()) {
            md.put("continue", String.valueOf(offset + limit));
        } else {
            md.remove("continue");
            snapshots.remove(stripped, snapshot);
        }
        try {
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                    .setBody(Yaml.JSON.writeValueAsString(list));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean expected(RecordedRequest request) {
        Queue<ServerResponse> expected = responses.get(new SimpleRequest(request.method(), request.getPath()));
        return expected != null && !expected.isEmpty();
    }

    /** How many list requests for a path carried a continue token (pages after the first). */
    long continuations(String path) {
        return lists.stream().filter(l -> l.path().equals(path) && !l.continueToken().isEmpty()).count();
    }
}
