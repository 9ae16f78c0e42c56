package io.xp2aso.inventory;

import io.xp2aso.report.AtomicOutput;

import java.nio.file.Path;
import java.util.Map;

/** Writes inventory.json, inventory.md and inventory.html into a folder, all or nothing. */
public final class InventoryWriter {
    private InventoryWriter() {
    }

    public static void write(Path dir, Inventory inv, Analysis analysis) {
        // Render everything before touching the output folder, so a rendering error leaves it as it was.
        String json = InventoryJson.render(inv, analysis);
        Map<String, Object> scope = InventoryViews.scope(inv, analysis);
        String md = InventoryTemplates.markdown(scope);
        String html = InventoryTemplates.html(scope);
        try (AtomicOutput out = new AtomicOutput(dir)) {
            out.write("inventory.json", json);
            out.write("inventory.md", md);
            out.write("inventory.html", html);
            out.commit();
        }
    }
}
