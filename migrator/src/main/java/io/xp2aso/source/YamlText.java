package io.xp2aso.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a JSON tree as YAML, byte for byte as {@code Yaml.YAML.writeValueAsString(node)} does, without going through
 * Jackson's YAMLGenerator and SnakeYAML's event Emitter (a few percent of a whole migration's CPU).
 *
 * <p>It reproduces the two layers for a subset: Jackson's choice of style per scalar (YAMLGenerator with
 * MINIMIZE_QUOTES and ALWAYS_QUOTE_NUMBERS_AS_STRINGS, and StringQuotingChecker.Default) and the SnakeYAML Emitter's
 * block layout, scalar analysis and plain / single-quoted / double-quoted writers (width 80, indent 2, indicator
 * indent 2 with indentWithIndicator). Anything outside that subset — a character outside printable ASCII (so no
 * line breaks, tabs, unicode or escapes), an empty or 128+ character key, a number type other than int, long or
 * double, a non-container root, very deep nesting — sends the whole document to Jackson, so the output never
 * differs. YamlTextTest compares both on every sample and on generated tricky scalars.
 */
public final class YamlText {
    private YamlText() {
    }

    // SnakeYAML DumperOptions defaults as YAMLGenerator configures them (see Yaml.yamlFactory()).
    private static final int BEST_WIDTH = 80;
    private static final int BEST_INDENT = 2;
    private static final int INDICATOR_INDENT = 2;
    private static final int MAX_SIMPLE_KEY_LENGTH = 128;
    private static final int MAX_DEPTH = 200;
    private static final int NO_INDENT = -1;

    /** YAMLGenerator.PLAIN_NUMBER_P: Jackson's own "looks like a number" pattern, next to SnakeYAML's INT/FLOAT. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]*(\\.[0-9]*)?");

    private enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED }

    /** Thrown inside the fast path when the tree holds something it does not reproduce exactly. */
    private static final class Unsupported extends RuntimeException {
        private static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super(null, null, false, false);
        }
    }

    /** The YAML text of {@code node}, identical to {@code Yaml.YAML.writeValueAsString(node)}. */
    public static String write(JsonNode node) throws JsonProcessingException {
        String fast = tryWrite(node);
        return fast != null ? fast : Yaml.YAML.writeValueAsString(node);
    }

    /** The fast path alone: the text, or null when the tree needs Jackson. Visible for tests and measurement. */
    static String tryWrite(JsonNode node) {
        if (!(node instanceof ObjectNode) && !(node instanceof ArrayNode)) {
            return null;
        }
        Emitter e = new Emitter();
        try {
            e.node(node, false, 0);
            e.writeIndent(); // DocumentEndEvent: ends the last line
        } catch (Unsupported u) {
            return null;
        }
        return e.out.toString();
    }

    /** The state of SnakeYAML's Emitter that block output depends on. */
    private static final class Emitter {
        final StringBuilder out = new StringBuilder(1024);
        int indent = NO_INDENT;
        int column;
        boolean whitespace = true;
        boolean indention = true;

        void node(JsonNode n, boolean mappingContext, int depth) {
            if (depth > MAX_DEPTH) {
                throw Unsupported.INSTANCE;
            }
            Class<?> type = n.getClass();
            if (n instanceof ObjectNode) {
                if (type != ObjectNode.class) {
                    throw Unsupported.INSTANCE;
                }
                if (n.isEmpty()) {
                    emptyFlow("{", "}");
                } else {
                    mapping(n, depth);
                }
            } else if (n instanceof ArrayNode) {
                if (type != ArrayNode.class) {
                    throw Unsupported.INSTANCE;
                }
                if (n.isEmpty()) {
                    emptyFlow("[", "]");
                } else {
                    sequence(n, mappingContext, depth);
                }
            } else if (type == TextNode.class) {
                String text = n.textValue();
                checkAscii(text);
                scalar(text, valueStyle(text), false);
            } else if (type == IntNode.class || type == LongNode.class) {
                scalar(String.valueOf(n.longValue()), Style.PLAIN, false);
            } else if (type == DoubleNode.class) {
                scalar(String.valueOf(n.doubleValue()), Style.PLAIN, false);
            } else if (type == BooleanNode.class) {
                scalar(n.booleanValue() ? "true" : "false", Style.PLAIN, false);
            } else if (type == NullNode.class) {
                scalar("null", Style.PLAIN, false);
            } else {
                throw Unsupported.INSTANCE;
            }
        }

        /** An empty collection: SnakeYAML writes it in flow style whatever the default flow style. */
        private void emptyFlow(String open, String close) {
            writeIndicator(open, true, true, false);
            writeIndicator(close, false, false, false);
        }

        private void mapping(JsonNode n, int depth) {
            int saved = indent;
            increaseIndent(false, false);
            for (Map.Entry<String, JsonNode> field : n.properties()) {
                String key = field.getKey();
                writeIndent();
                // Only simple keys ("key: value"); the "? key" form is left to Jackson.
                if (key.isEmpty() || key.length() >= MAX_SIMPLE_KEY_LENGTH) {
                    throw Unsupported.INSTANCE;
                }
                checkAscii(key);
                scalar(key, needToQuoteName(key) ? Style.DOUBLE_QUOTED : Style.PLAIN, true);
                writeIndicator(":", false, false, false);
                node(field.getValue(), true, depth + 1);
            }
            indent = saved;
        }

        private void sequence(JsonNode n, boolean mappingContext, int depth) {
            int saved = indent;
            increaseIndent(false, mappingContext && !indention);
            boolean first = true;
            for (JsonNode item : n) {
                writeIndent();
                if (first) {
                    writeWhitespace(INDICATOR_INDENT);
                }
                writeIndicator("-", true, false, true);
                if (first) {
                    indent += INDICATOR_INDENT;
                }
                first = false;
                node(item, false, depth + 1);
            }
            indent = saved;
        }

        /** Emitter.expectScalar + chooseScalarStyle + processScalar, for printable ASCII text. */
        private void scalar(String text, Style requested, boolean simpleKey) {
            int saved = indent;
            increaseIndent(true, false);
            Style style = requested;
            if (requested == Style.PLAIN) {
                boolean empty = text.isEmpty();
                style = !(simpleKey && empty) && allowBlockPlain(text) ? Style.PLAIN : Style.SINGLE_QUOTED;
            }
            boolean split = !simpleKey;
            switch (style) {
                case PLAIN -> writePlain(text, split);
                case SINGLE_QUOTED -> writeSingleQuoted(text, split);
                default -> writeDoubleQuoted(text, split);
            }
            indent = saved;
        }

        private void increaseIndent(boolean flow, boolean indentless) {
            if (indent == NO_INDENT) {
                indent = flow ? BEST_INDENT : 0;
            } else if (!indentless) {
                indent += BEST_INDENT;
            }
        }

        private void writeIndicator(String indicator, boolean needWhitespace, boolean ws, boolean indentation) {
            if (!whitespace && needWhitespace) {
                column++;
                out.append(' ');
            }
            whitespace = ws;
            indention = indention && indentation;
            column += indicator.length();
            out.append(indicator);
        }

        void writeIndent() {
            int target = indent == NO_INDENT ? 0 : indent;
            if (!indention || column > target || (column == target && !whitespace)) {
                writeLineBreak();
            }
            writeWhitespace(target - column);
        }

        private void writeWhitespace(int length) {
            if (length <= 0) {
                return;
            }
            whitespace = true;
            for (int i = 0; i < length; i++) {
                out.append(' ');
            }
            column += length;
        }

        private void writeLineBreak() {
            whitespace = true;
            indention = true;
            column = 0;
            out.append('\n');
        }

        private void write(String text, int start, int end) {
            column += end - start;
            out.append(text, start, end);
        }

        /** Emitter.writePlain without the line-break branch (no breaks in printable ASCII). */
        private void writePlain(String text, boolean split) {
            if (text.isEmpty()) {
                return;
            }
            if (!whitespace) {
                column++;
                out.append(' ');
            }
            whitespace = false;
            indention = false;
            boolean spaces = false;
            int start = 0;
            int end = 0;
            int len = text.length();
            while (end <= len) {
                char ch = end < len ? text.charAt(end) : 0;
                if (spaces) {
                    if (ch != ' ') {
                        if (start + 1 == end && column > BEST_WIDTH && split) {
                            writeIndent();
                            whitespace = false;
                            indention = false;
                        } else {
                            write(text, start, end);
                        }
                        start = end;
                    }
                } else if (ch == 0 || ch == ' ') {
                    write(text, start, end);
                    start = end;
                }
                if (ch != 0) {
                    spaces = ch == ' ';
                }
                end++;
            }
        }

        /** Emitter.writeSingleQuoted without the line-break branch. */
        private void writeSingleQuoted(String text, boolean split) {
            writeIndicator("'", true, false, false);
            boolean spaces = false;
            int start = 0;
            int end = 0;
            int len = text.length();
            while (end <= len) {
                char ch = end < len ? text.charAt(end) : 0;
                if (spaces) {
                    if (ch != ' ') {
                        if (start + 1 == end && column > BEST_WIDTH && split && start != 0 && end != len) {
                            writeIndent();
                        } else {
                            write(text, start, end);
                        }
                        start = end;
                    }
                } else if (ch == 0 || ch == ' ' || ch == '\'') {
                    if (start < end) {
                        write(text, start, end);
                        start = end;
                    }
                }
                if (ch == '\'') {
                    column += 2;
                    out.append("''");
                    start = end + 1;
                }
                if (ch != 0) {
                    spaces = ch == ' ';
                }
                end++;
            }
            writeIndicator("'", false, false, false);
        }

        /** Emitter.writeDoubleQuoted for printable ASCII: only '"' and '\' need escapes. */
        private void writeDoubleQuoted(String text, boolean split) {
            writeIndicator("\"", true, false, false);
            int start = 0;
            int end = 0;
            int len = text.length();
            while (end <= len) {
                boolean atEnd = end >= len;
                char ch = atEnd ? 0 : text.charAt(end);
                if (atEnd || ch == '"' || ch == '\\') {
                    if (start < end) {
                        write(text, start, end);
                        start = end;
                    }
                    if (!atEnd) {
                        column += 2;
                        out.append('\\').append(ch);
                        start = end + 1;
                    }
                }
                if (0 < end && end < len - 1 && (ch == ' ' || start >= end)
                        && column + (end - start) > BEST_WIDTH && split) {
                    if (start < end) {
                        write(text, start, end);
                        start = end;
                    }
                    column += 1;
                    out.append('\\');
                    writeIndent();
                    whitespace = false;
                    indention = false;
                    if (text.charAt(start) == ' ') {
                        column += 1;
                        out.append('\\');
                    }
                }
                end++;
            }
            writeIndicator("\"", false, false, false);
        }
    }

    /** Only printable ASCII: no line breaks, tabs, control characters, unicode or escapes to reproduce. */
    private static void checkAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw Unsupported.INSTANCE;
            }
        }
    }

    /** YAMLGenerator.writeString with MINIMIZE_QUOTES and ALWAYS_QUOTE_NUMBERS_AS_STRINGS (no '\n' here). */
    private static Style valueStyle(String text) {
        if (text.isEmpty() || isReservedKeyword(text) || valueHasQuotableChar(text) || looksLikeYamlNumber(text)) {
            return Style.DOUBLE_QUOTED;
        }
        return Style.PLAIN;
    }

    /** StringQuotingChecker.Default.needToQuoteName (control characters are already excluded). */
    private static boolean needToQuoteName(String name) {
        if (isReservedKeyword(name)) {
            return true;
        }
        char c = name.charAt(0);
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
    }

    /** StringQuotingChecker.isReservedKeyword: YAML 1.1 booleans and nulls Jackson quotes, and '~...'. */
    private static boolean isReservedKeyword(String s) {
        if (s.isEmpty()) {
            return true;
        }
        return switch (s) {
            case "false", "False", "FALSE", "n", "N", "no", "No", "NO", "null", "Null", "NULL",
                    "on", "On", "ON", "off", "Off", "OFF", "true", "True", "TRUE", "y", "Y", "yes", "Yes", "YES" ->
                    true;
            default -> s.charAt(0) == '~';
        };
    }

    /** StringQuotingChecker.valueHasQuotableChar. */
    private static boolean valueHasQuotableChar(String s) {
        int end = s.length();
        for (int i = 0; i < end; i++) {
            switch (s.charAt(i)) {
                case '[', ']', '{', '}', ',':
                    return true;
                case '#':
                    if (i == 0 || isBlank(s.charAt(i - 1))) {
                        return true;
                    }
                    break;
                case ':':
                    if (i == end - 1 || isBlank(s.charAt(i + 1))) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** YAMLGenerator._looksLikeYAMLNumber. */
    private static boolean looksLikeYamlNumber(String text) {
        char c = text.charAt(0);
        if (!((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
            return false;
        }
        if (text.indexOf(':') >= 0) {
            return false;
        }
        return PLAIN_NUMBER.matcher(text).matches()
                || Resolver.INT.matcher(text).matches()
                || Resolver.FLOAT.matcher(text).matches();
    }

    /** Emitter.analyzeScalar(...).isAllowBlockPlain() for printable ASCII text. */
    private static boolean allowBlockPlain(String s) {
        int len = s.length();
        if (len == 0) {
            return true;
        }
        if (s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        if (s.charAt(0) == ' ' || s.charAt(len - 1) == ' ' || hasLeadingZero(s)) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            boolean followedByWhitespace = i + 1 >= len || isBlankOrNul(s.charAt(i + 1));
            if (i == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
                    return false;
                }
                if ((c == '?' || c == ':' || c == '-') && followedByWhitespace) {
                    return false;
                }
            } else {
                if (c == ':' && followedByWhitespace) {
                    return false;
                }
                if (c == '#' && isBlankOrNul(s.charAt(i - 1))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isBlankOrNul(char c) {
        return c == ' ' || c == '\t' || c == 0;
    }

    /** Emitter.hasLeadingZero: "0" followed only by digits and underscores. */
    private static boolean hasLeadingZero(String s) {
        if (s.length() > 1 && s.charAt(0) == '0') {
            for (int i = 1; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (!((ch >= '0' && ch <= '9') || ch == '_')) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
