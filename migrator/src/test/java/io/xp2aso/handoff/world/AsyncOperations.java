package io.xp2aso.handoff.world;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Azure writes that take time: upjet runs Terraform asynchronously (an apply goes on after the MR changes), and ARM
 * PUTs from ASO are long-running operations ASO polls. An operation started at round t writes Azure at round t + n,
 * whatever its sender's policy is by then. With n = 0 (the default) writes are immediate, as before.
 */
public final class AsyncOperations {
    private record Op(String id, ObjectNode properties, String writer, long finishAt) {
    }

    /** Rounds an upjet apply takes (0: synchronous). */
    public int crossplaneRounds;
    /** Rounds an ASO PUT takes (0: synchronous). */
    public int asoRounds;

    private final World world;
    private final Map<String, Op> running = new LinkedHashMap<>();

    AsyncOperations(World world) {
        this.world = world;
    }

    private static String key(String writer, String id) {
        return writer + " " + id.toLowerCase(Locale.ROOT);
    }

    boolean running(String writer, String id) {
        return running.containsKey(key(writer, id));
    }

    /** Writes now when the sender is synchronous, else starts an operation (unless one runs already). */
    void write(String writer, String id, ObjectNode properties) {
        int rounds = writer.equals("aso") ? asoRounds : crossplaneRounds;
        if (rounds == 0) {
            world.azure.put(id, properties, writer);
        } else if (!running(writer, id)) {
            running.put(key(writer, id), new Op(id, properties.deepCopy(), writer, world.tick + rounds));
        }
    }

    /** Completes the operations due this round: Azure applies them, whoever manages the resource by now. */
    void finishDue() {
        for (Iterator<Op> it = running.values().iterator(); it.hasNext(); ) {
            Op op = it.next();
            if (op.finishAt() <= world.tick) {
                world.azure.put(op.id(), op.properties(), op.writer());
                it.remove();
            }
        }
    }

    /** ARM IDs (lower case) of the sender's operations still running. */
    Iterable<String> runningIds(String writer) {
        return running.values().stream().filter(o -> o.writer().equals(writer)).map(o -> o.id().toLowerCase(Locale.ROOT))
                .toList();
    }
}
