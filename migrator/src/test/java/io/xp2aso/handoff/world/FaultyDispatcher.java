package io.xp2aso.handoff.world;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.util.List;
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

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of());
    private final AtomicInteger writes = new AtomicInteger();
    private volatile List<Fault> faults = List.of();
    private volatile int denyAllCode;
    private volatile int injected;

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
                        crud.dispatch(request);
                    }
                    return status(f.code(), f.code() == 409 ? "Conflict" : "InternalError", "injected fault on write " + n);
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
