package io.xp2aso.handoff.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;
import io.xp2aso.source.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The handoff's progress, replaced atomically on every save. It never lives in migrate's output folder, which
 * migrate replaces whole: for a plan at {@code DIR/handoff/plan.json} it is {@code DIR.handoff-state.json} beside
 * DIR; for a plan anywhere else, {@code NAME.state.json} beside the plan.
 */
public final class StateStore {
    /** Where the state was kept before: inside the output folder, where a new migrate run deleted it. */
    static final String LEGACY = "plan.state.json";
    private final Path file;

    public StateStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The state of the plan at {@code plan}; a state left at the legacy place inside the output is refused. */
    public static StateStore forPlan(Path plan) {
        Path abs = plan.toAbsolutePath().normalize();
        Path folder = abs.getParent();
        Path output = folder == null ? null : folder.getParent();
        if (output != null && output.getParent() != null && folder.getFileName().toString().equals("handoff")) {
            StateStore store = forOutput(output);
            Path legacy = folder.resolve(LEGACY);
            if (Files.exists(legacy) && !store.exists()) {
                throw new InputException(new Origin(legacy.toString(), 0), "the handoff state is inside the output "
                        + "folder, which migrate replaces: move it to " + store.file() + " and run again");
            }
            return store;
        }
        String name = abs.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return new StateStore(abs.resolveSibling(base + ".state.json"));
    }

    /** The state of the handoff of migrate's output folder {@code dir}: a file beside it. */
    public static StateStore forOutput(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return new StateStore(abs.resolveSibling(abs.getFileName() + ".handoff-state.json"));
    }

    /** The state file inside migrate's output folder {@code dir} from before it moved out, when there is one. */
    public static Path legacyIn(Path dir) {
        return dir.resolve("handoff").resolve(LEGACY);
    }

    /** True when a run changed something (a step done, a value remembered, retire begun). */
    public boolean started() {
        return exists() && load().units.values().stream().anyMatch(u -> !u.done.isEmpty() || u.retireStarted
                || !u.originals.isEmpty());
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    public ExecutionState load() {
        if (!Files.exists(file)) {
            return new ExecutionState();
        }
        try {
            return Yaml.JSON.readValue(file.toFile(), ExecutionState.class);
        } catch (IOException e) {
            throw new InputException(new Origin(file.toString(), 0), "cannot read the handoff state: " + e.getMessage());
        }
    }

    public void save(ExecutionState state) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, Yaml.JSON.writeValueAsString(state) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the handoff state " + file, e);
        }
    }
}
