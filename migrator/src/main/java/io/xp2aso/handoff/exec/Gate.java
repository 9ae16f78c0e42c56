package io.xp2aso.handoff.exec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Stops a step for a person. What was shown is digested and saved; {@code --approve UNIT} on a later run approves
 * exactly that, and a changed content (a different preview) stops again.
 */
final class Gate {
    private Gate() {
    }

    static void require(UnitRun run, String step, List<String> lines, String message) {
        if (lines.isEmpty()) {
            return;
        }
        String digest = digest(lines);
        if (digest.equals(run.state.approved.get(step))) {
            return;
        }
        String why = message;
        if (run.approve && step.equals(run.state.pendingStep)) {
            if (digest.equals(run.state.pendingDigest)) {
                run.state.approved.put(step, digest);
                run.state.pendingStep = "";
                run.state.pendingDigest = "";
                run.save();
                run.say("approved as shown before");
                return;
            }
            why = message + " (it changed since it was shown: review it again)";
        } else if (run.approve) {
            why = message + " (--approve applies only to what a previous run showed)";
        }
        run.state.pendingStep = step;
        run.state.pendingDigest = digest;
        run.save();
        throw new NeedsApproval(why + "; after review run: xp2aso handoff PLAN.json --execute --resume --approve "
                + run.unit.id(), lines);
    }

    static String digest(List<String> lines) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                md.update(l.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
