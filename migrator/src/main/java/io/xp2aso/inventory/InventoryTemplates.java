package io.xp2aso.inventory;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.xp2aso.report.Templates;

import java.io.StringWriter;
import java.util.Map;

/**
 * Renders the inventory reports from the Mustache templates packaged under reports/. HTML values are
 * HTML-escaped (mustache.java's default); Markdown values go through {@link Templates}, so a name or a
 * cluster message can neither break a table nor inject markup.
 */
final class InventoryTemplates {
    private InventoryTemplates() {
    }

    static String html(Map<String, Object> scope) {
        return render(new DefaultMustacheFactory("reports"), "inventory.html.mustache", scope);
    }

    /** Markdown through the project's shared escaping (pipes, line breaks and HTML neutralised). */
    static String markdown(Map<String, Object> scope) {
        return Templates.renderMarkdown("inventory.md.mustache", scope);
    }

    private static String render(DefaultMustacheFactory factory, String name, Map<String, Object> scope) {
        Mustache m = factory.compile(name);
        StringWriter w = new StringWriter();
        m.execute(w, scope);
        return w.toString();
    }
}
