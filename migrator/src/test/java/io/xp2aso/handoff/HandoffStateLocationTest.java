package io.xp2aso.handoff;

import io.xp2aso.cli.Main;
import io.xp2aso.handoff.exec.ExecutionState;
import io.xp2aso.handoff.exec.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** issue #16.5: the handoff's progress never lives where migrate replaces files, and migrate keeps off a started handoff. */
class HandoffStateLocationTest {
    @TempDir
    Path dir;

    record Result(int code, String err) {
    }

    private static Result migrate(Path out) {
        Path root = io.xp2aso.testutil.Shared.repoRoot();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new String[]{"migrate", root.resolve("samples/crossplane").toString(), "--observed",
                root.resolve("samples/observed/observed.yaml").toString(), "-o", out.toString()}, new PrintWriter(o),
                new PrintWriter(e));
        return new Result(code, e.toString());
    }

    private static void started(StateStore store) {
        ExecutionState st = new ExecutionState();
        st.unit("team-a/assets").done.add("preflight");
        store.save(st);
    }

    @Test
    void theStateLivesBesideTheOutputFolder() {
        Path out = dir.resolve("out");
        assertEquals(dir.resolve("out.handoff-state.json"), StateStore.forPlan(out.resolve("handoff/plan.json")).file());
        assertEquals(dir.resolve("out.handoff-state.json"), StateStore.forOutput(out).file());
        // a plan outside a migrate output keeps its state beside it
        assertEquals(dir.resolve("plan.state.json"), StateStore.forPlan(dir.resolve("plan.json")).file());
    }

    @Test
    void migrateRefusesToReplaceAnOutputWhoseHandoffStarted() throws IOException {
        Path out = dir.resolve("out");
        assertTrue(migrate(out).code() <= 1);
        String plan = Files.readString(out.resolve("handoff/plan.json"));
        StateStore store = StateStore.forPlan(out.resolve("handoff/plan.json"));
        started(store);

        Result again = migrate(out);
        assertEquals(2, again.code(), again.err());
        assertTrue(again.err().startsWith("error: " + out + ": the handoff of this output has started (its state: "
                + store.file() + "); migrating into it would replace the plan that run depends on"), again.err());
        assertEquals(plan, Files.readString(out.resolve("handoff/plan.json")), "the output is untouched");
        assertTrue(store.exists(), "the state is kept");

        Files.delete(store.file());
        assertTrue(migrate(out).code() <= 1, "without a started handoff migrate replaces the output as before");
    }

    @Test
    void aStateLeftInsideTheOutputIsNeitherReplacedNorIgnored() throws IOException {
        Path out = dir.resolve("out");
        assertTrue(migrate(out).code() <= 1);
        Path legacy = out.resolve("handoff/plan.state.json");
        started(new StateStore(legacy));
        Result again = migrate(out);
        assertEquals(2, again.code(), again.err());
        assertTrue(Files.exists(legacy), "not deleted");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new String[]{"handoff", out.resolve("handoff/plan.json").toString(), "--offline"},
                new PrintWriter(o), new PrintWriter(e));
        assertEquals(2, code, o + e.toString());
        assertTrue(e.toString().contains("the handoff state is inside the output folder, which migrate replaces: move "
                + "it to " + dir.resolve("out.handoff-state.json")), e.toString());
        assertFalse(Files.exists(dir.resolve("out.handoff-state.json")));
    }
}
