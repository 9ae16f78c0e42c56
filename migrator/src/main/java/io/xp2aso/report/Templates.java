package io.xp2aso.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The Mustache templates of reports/ (packaged into the jar under reports/). {@code {{x}}} writes x as
 * Markdown-safe inline text (table pipes, line breaks and HTML are neutralised); {@code {{{x}}}} writes it raw.
 */
public final class Templates {
    private static final DefaultMustacheFactory MARKDOWN = new DefaultMustacheFactory("reports") {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(markdownInline(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private Templates() {
    }

    /** Renders reports/{name} with a Markdown-escaping scope. */
    public static String renderMarkdown(String name, Object scope) {
        Mustache m = MARKDOWN.compile(name);
        StringWriter w = new StringWriter();
        m.execute(w, scope);
        return w.toString();
    }

    /** Text safe inside a Markdown table cell or list item. */
    public static String markdownInline(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '|' -> sb.append("\\|");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\r' -> { }
                case '\n' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
