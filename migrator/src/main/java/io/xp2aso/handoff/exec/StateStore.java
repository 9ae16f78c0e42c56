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

/** The state file beside the plan ({@code plan.state.json}), replaced atomically on every save. */
public final class StateStore {
    private final Path file;

    public StateStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    public static StateStore besidePlan(Path plan) {
        String name = plan.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return new StateStore(plan.toAbsolutePath().resolveSibling(base + ".state.json"));
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
