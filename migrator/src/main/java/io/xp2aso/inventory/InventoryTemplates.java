package io.xp2aso.inventory;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * Renders the inventory reports from the Mustache templates packaged under reports/. HTML values are
 * HTML-escaped (mustache.java's default); Markdown values are escaped for table cells, so a name or a
 * cluster message can neither break a table nor inject markup.
 */
final class InventoryTemplates {
    private InventoryTemplates() {
    }

    static String html(Map<String, Object> scope) {
        return render(new DefaultMustacheFactory("reports"), "inventory.html.mustache", scope);
    }

    static String markdown(Map<String, Object> scope) {
        return render(new MarkdownFactory(), "inventory.md.mustache", scope);
    }

    private static String render(DefaultMustacheFactory factory, String name, Map<String, Object> scope) {
        Mustache m = factory.compile(name);
        StringWriter w = new StringWriter();
        m.execute(w, scope);
        return w.toString();
    }

    /** Backslash-escapes Markdown punctuation and keeps every value on one line. */
    static String escapeMarkdown(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '|', '<', '>', '`', '*', '_', '[', ']', '#', '~' -> b.append('\\').append(c);
                case '\n', '\r', '\t' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final class MarkdownFactory extends DefaultMustacheFactory {
        MarkdownFactory() {
            super("reports");
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escapeMarkdown(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
