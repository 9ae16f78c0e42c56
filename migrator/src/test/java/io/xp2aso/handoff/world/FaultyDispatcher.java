package io.xp2aso.handoff.world;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.xp2aso.source.Yaml;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CRUD API server, with faults injected into the executor's writes (recognised by its user agent): the Nth write
 * answers 409 or 500, either instead of being applied or after being applied (a lost response). Also denies or
 * refuses requests wholesale for the permission tests.
 */
public final class FaultyDispatcher extends Dispatcher {
    public static final String EXECUTOR_AGENT = "xp2aso-executor";

    public record Fault(int nthWrite, int code, boolean afterApplying) {
    }

    /** A DELETE the server applied: who sent it, the path and its propagationPolicy ("" when the request named none). */
    public record Delete(String agent, String path, String propagation) {
    }

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of());
    private final AtomicInteger writes = new AtomicInteger();
    private volatile List<Fault> faults = List.of();
    private volatile int denyAllCode;
    private volatile int injected;
    private final List<Delete> deletes = new CopyOnWriteArrayList<>();
    private final Set<String> orphanedUids = ConcurrentHashMap.newKeySet();

    /** Every DELETE applied, in order. */
    public List<Delete> deletes() {
        return List.copyOf(deletes);
    }

    /** UIDs of objects deleted with propagationPolicy Orphan: garbage collection orphans their dependents. */
    boolean orphaned(String uid) {
        return orphanedUids.contains(uid);
    }

    public void faults(List<Fault> f) {
        faults = List.copyOf(f);
        writes.set(0);
        injected = 0;
    }

    /** Answers every request not from the emulated controllers with this code (403: denied). */
    public void denyClients(int code) {
        denyAllCode = code;
    }

    public int writes() {
        return writes.get();
    }

    public int injected() {
        return injected;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        boolean executor = String.valueOf(request.getHeader("User-Agent")).startsWith(EXECUTOR_AGENT);
        boolean controllers = "controllers".equals(request.getHeader("User-Agent"));
        if (!controllers && denyAllCode != 0) {
            return status(denyAllCode, "Forbidden", "requests are denied for the test");
        }
        String method = request.getMethod();
        boolean write = !"GET".equals(method);
        if (executor && write) {
            int n = writes.incrementAndGet();
            for (Fault f : faults) {
                if (f.nthWrite() == n) {
                    injected++;
                    if (f.afterApplying()) {
                        apply(request);
                    }
                    return status(f.code(), f.code() == 409 ? "Conflict" : "InternalError", "injected fault on write " + n);
                }
            }
        }
        return apply(request);
    }

    /** The CRUD server's answer; a DELETE's propagationPolicy (which the CRUD server ignores) is recorded first. */
    private MockResponse apply(RecordedRequest request) {
        if ("DELETE".equals(request.getMethod())) {
            String body = request.getUtf8Body();
            String policy = "";
            try {
                policy = body == null || body.isBlank() ? "" : Yaml.JSON.readTree(body).path("propagationPolicy").asText("");
            } catch (IOException e) {
                policy = "unreadable";
            }
            deletes.add(new Delete(String.valueOf(request.getHeader("User-Agent")), request.getPath(), policy));
            if (policy.equals("Orphan")) {
                MockResponse found = crud.handleGet(request.getPath());
                if (found.code() == 200) {
                    try {
                        orphanedUids.add(Yaml.JSON.readTree(found.getBody().readUtf8()).path("metadata").path("uid").asText());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return crud.dispatch(request);
    }

    private static MockResponse status(int code, String reason, String message) {
        return new MockResponse().setResponseCode(code).setBody("{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\","
                + "\"reason\":\"" + reason + "\",\"message\":\"" + message + "\",\"code\":" + code + "}");
    }
}
