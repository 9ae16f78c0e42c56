package io.xp2aso.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
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
 * the API server does. Expectations match the path without limit/continue. Every list request is recorded.
 */
final class PagingDispatcher extends KubernetesMixedDispatcher {
    /** Recorded list requests: path without query, and the continue token ("" for a first page). */
    record ListRequest(String path, String query, long limit, String continueToken) {
    }

    final List<ListRequest> lists = new CopyOnWriteArrayList<>();
    /** Continue tokens that expire once: the first request with one gets 410 Gone and a fresh token, as etcd compaction does. */
    final java.util.Set<String> expireOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

    PagingDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
        super(responses);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        int q = path.indexOf('?');
        if (request.method() != HttpMethod.GET || q < 0 || path.contains("watch=")) {
            return super.dispatch(request);
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
        MockResponse r = super.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), stripped,
                request.getHeaders(), request.getBody()));
        if (limit <= 0 || r.code() != 200) {
            return r;
        }
        try {
            JsonNode body = Yaml.JSON.readTree(r.getBody().getBytes());
            if (!(body instanceof ObjectNode list) || !(list.get("items") instanceof ArrayNode items)) {
                return r;
            }
            ArrayNode page = Yaml.JSON.createArrayNode();
            for (long i = offset; i < Math.min(items.size(), offset + limit); i++) {
                page.add(items.get((int) i));
            }
            list.set("items", page);
            ObjectNode md = list.with("metadata");
            if (offset + limit < items.size()) {
                md.put("continue", String.valueOf(offset + limit));
            } else {
                md.remove("continue");
            }
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                    .setBody(Yaml.JSON.writeValueAsString(list));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many list requests for a path carried a continue token (pages after the first). */
    long continuations(String path) {
        return lists.stream().filter(l -> l.path().equals(path) && !l.continueToken().isEmpty()).count();
    }
}
