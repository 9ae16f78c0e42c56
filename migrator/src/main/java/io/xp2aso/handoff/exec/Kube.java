package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xp2aso.handoff.Keys;
import io.xp2aso.handoff.ObjectRef;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Cluster calls with bounded retries (conflicts re-read and re-apply; server errors back off through the ticker),
 * read-modify-write edits verified by reading back, and bounded waits.
 */
public final class Kube {
    static final int ATTEMPTS = 5;

    private final Cluster cluster;
    private final Ticker ticker;
    private final Duration timeout;
    private final Duration poll;

    public Kube(Cluster cluster, Ticker ticker, Duration timeout, Duration poll) {
        this.cluster = cluster;
        this.ticker = ticker;
        this.timeout = timeout;
        this.poll = poll;
    }

    public Cluster cluster() {
        return cluster;
    }

    public Optional<ObjectNode> get(ObjectRef ref) {
        return retry(() -> cluster.get(ref));
    }

    public ObjectNode require(ObjectRef ref) {
        return get(ref).orElseThrow(() -> new StepFailed(ref.display() + " does not exist"));
    }

    /**
     * Applies {@code change} to the live object (it returns false when nothing needs changing) and writes it;
     * on a conflict re-reads and re-applies. Returns the object as read back after the write.
     */
    public ObjectNode edit(ObjectRef ref, Predicate<ObjectNode> change) {
        for (int attempt = 1; ; attempt++) {
            ObjectNode live = require(ref);
            if (!change.test(live)) {
                return live;
            }
            try {
                cluster.update(live);
                return require(ref);
            } catch (ClusterException e) {
                if (e.fatal() || attempt >= ATTEMPTS || !(e.kind() == ClusterException.Kind.CONFLICT
                        || e.kind() == ClusterException.Kind.SERVER)) {
                    throw e;
                }
                backoff(attempt);
            }
        }
    }

    /** Like {@link #edit}, for an object that may be gone (e.g. finishing its deletion): then nothing happens. */
    public Optional<ObjectNode> editIfPresent(ObjectRef ref, Predicate<ObjectNode> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<ObjectNode> live = get(ref);
            if (live.isEmpty() || !change.test(live.get())) {
                return live;
            }
            try {
                cluster.update(live.get());
                return get(ref);
            } catch (ClusterException e) {
                if (e.fatal() || attempt >= ATTEMPTS || !(e.kind() == ClusterException.Kind.CONFLICT
                        || e.kind() == ClusterException.Kind.SERVER)) {
                    throw e;
                }
                backoff(attempt);
            }
        }
    }

    /** Creates the object, or when it exists already edits it with {@code whenExists}. */
    public void createOrEdit(ObjectNode object, Predicate<ObjectNode> whenExists) {
        ObjectRef ref = ObjectRef.of(object);
        for (int attempt = 1; ; attempt++) {
            if (get(ref).isPresent()) {
                edit(ref, whenExists);
                return;
            }
            try {
                cluster.create(object.deepCopy());
                return;
            } catch (ClusterException e) {
                // CONFLICT here is "already exists" (or a lost response of our own create): the next round edits it.
                if (e.fatal() || attempt >= ATTEMPTS || !(e.kind() == ClusterException.Kind.CONFLICT
                        || e.kind() == ClusterException.Kind.SERVER)) {
                    throw e;
                }
                backoff(attempt);
            }
        }
    }

    public void delete(ObjectRef ref) {
        retry(() -> {
            cluster.delete(ref);
            return null;
        });
    }

    /** Waits until {@code check} returns empty (satisfied); otherwise it describes the current state for the timeout message. */
    public void waitFor(String what, Supplier<Optional<String>> check) {
        Instant deadline = ticker.now().plus(timeout);
        while (true) {
            Optional<String> pending = check.get();
            if (pending.isEmpty()) {
                return;
            }
            if (!ticker.now().isBefore(deadline)) {
                throw new StepFailed("timed out after " + timeout.toSeconds() + "s waiting for " + what + " (last: "
                        + pending.get() + ")");
            }
            ticker.sleep(poll);
        }
    }

    /**
     * Keeps checking for {@code period}, polling; when {@code bad} describes a problem the step fails at once.
     */
    public void hold(String what, Duration period, Supplier<Optional<String>> bad) {
        Instant end = ticker.now().plus(period);
        while (true) {
            Optional<String> b = bad.get();
            if (b.isPresent()) {
                throw new StepFailed("during " + what + ": " + b.get() + ": something re-creates what the handoff "
                        + "deleted (a GitOps tool or another controller). ASO manages the Azure resources now: remove "
                        + "the source of the re-created objects, make their MRs observe-only and delete them with "
                        + "--cascade=orphan, then run again");
            }
            if (!ticker.now().isBefore(end)) {
                return;
            }
            ticker.sleep(poll);
        }
    }

    public void waitGone(ObjectRef ref) {
        waitFor(ref.display() + " to be deleted", () -> get(ref).map(o -> "still present" + (o.path("metadata")
                .has("deletionTimestamp") ? ", terminating, finalizers " + o.path("metadata").path("finalizers") : "")));
    }

    private <T> T retry(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ClusterException e) {
                if (e.fatal() || attempt >= ATTEMPTS || e.kind() != ClusterException.Kind.SERVER) {
                    throw e;
                }
                backoff(attempt);
            }
        }
    }

    private void backoff(int attempt) {
        ticker.sleep(poll.multipliedBy(attempt));
    }

    // ---- reading objects

    public static String annotation(JsonNode obj, String key) {
        JsonNode v = obj.path("metadata").path("annotations").get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    public static boolean setAnnotation(ObjectNode obj, String key, String value) {
        ObjectNode md = obj.with("metadata");
        String now = annotation(obj, key);
        if (value == null) {
            if (now == null) {
                return false;
            }
            md.with("annotations").remove(key);
            return true;
        }
        if (value.equals(now)) {
            return false;
        }
        md.with("annotations").put(key, value);
        return true;
    }

    public static JsonNode condition(JsonNode obj, String type) {
        for (JsonNode c : obj.path("status").path("conditions")) {
            if (type.equals(c.path("type").asText())) {
                return c;
            }
        }
        return null;
    }

    public static boolean conditionTrue(JsonNode obj, String type) {
        JsonNode c = condition(obj, type);
        return c != null && "True".equals(c.path("status").asText());
    }

    public static String describeCondition(JsonNode obj, String type) {
        JsonNode c = condition(obj, type);
        if (c == null) {
            return type + " not reported";
        }
        String reason = c.path("reason").asText("");
        String message = c.path("message").asText("");
        return type + "=" + c.path("status").asText() + (reason.isEmpty() ? "" : " " + reason)
                + (message.isEmpty() ? "" : ": " + message);
    }

    public static boolean deleting(JsonNode obj) {
        return obj.path("metadata").has("deletionTimestamp") && !obj.path("metadata").path("deletionTimestamp").isNull();
    }

    public static String reconcilePolicy(JsonNode obj) {
        String p = annotation(obj, Keys.RECONCILE_POLICY);
        return p == null ? Keys.POLICY_MANAGE : p;
    }

    /** The ARM ID an ASO resource reports: status.id, else the resource-id annotation. */
    public static String reportedAzureId(JsonNode obj) {
        String id = obj.path("status").path("id").asText("");
        if (id.isEmpty()) {
            String a = annotation(obj, Keys.RESOURCE_ID);
            id = a == null ? "" : a;
        }
        return id;
    }
}
