package io.xp2aso.inventory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Bounds a blocking API call. fabric8's request timeout covers the wait for a response's headers, not its body: a
 * connection that stalls after them leaves a list call waiting forever (fabric8io/kubernetes-client#6909). A scan
 * of a production cluster must end, so a call that takes longer than its deadline is abandoned and reported.
 */
final class ApiCallDeadline {
    /** Long enough for a page of 500 large objects over a slow link, short enough that nobody waits all night. */
    static final Duration PAGE = Duration.ofSeconds(120);

    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "xp2aso-api-call");
        t.setDaemon(true); // an abandoned call must not keep the JVM alive
        return t;
    });

    private ApiCallDeadline() {
    }

    /** The call's result; {@code late} when it has not finished within {@code limit}. */
    static <T> T call(Supplier<T> call, Duration limit, Supplier<RuntimeException> late) {
        Future<T> f = CALLS.submit(call::get);
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw late.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw late.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
