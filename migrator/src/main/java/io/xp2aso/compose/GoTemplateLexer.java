package io.xp2aso.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Go text/template into text, comments and actions, and an action into tokens, as Go's own lexer does
 * (text/template/parse/lex.go): trim markers, comments, interpreted, raw and character strings, numbers, fields,
 * variables, parentheses and pipes. Strings are single tokens, so delimiters and parentheses inside them are text.
 */
final class GoTemplateLexer {
    /** A template error at a 1-based line of the template. */
    static final class Error extends RuntimeException {
        final int line;

        Error(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    enum Kind { TEXT, COMMENT, ACTION }

    /** One piece of the template; for actions, the content between the delimiters and trim markers. */
    record Piece(Kind kind, String text, boolean trimLeft, boolean trimRight, int line) {
    }

    enum Tok { SPACE, LPAREN, RPAREN, PIPE, DECLARE, ASSIGN, COMMA, STRING, RAW, CHAR, NUMBER, VARIABLE, FIELD, DOT, IDENT }

    record Token(Tok type, String text) {
    }

    private GoTemplateLexer() {
    }

    static List<Piece> pieces(String src, String left, String right) {
        List<Piece> out = new ArrayList<>();
        int pos = 0;
        int line = 1;
        while (pos < src.length()) {
            int open = src.indexOf(left, pos);
            if (open < 0) {
                out.add(new Piece(Kind.TEXT, src.substring(pos), false, false, line));
                break;
            }
            if (open > pos) {
                String text = src.substring(pos, open);
                out.add(new Piece(Kind.TEXT, text, false, false, line));
                line += count(text);
            }
            int start = open + left.length();
            boolean trimLeft = start + 1 < src.length() && src.charAt(start) == '-' && isSpace(src.charAt(start + 1));
            if (trimLeft) {
                start += 2;
            }
            int bodyStart = start;
            if (src.startsWith("/*", bodyStart)) {
                int close = src.indexOf("*/", bodyStart + 2);
                if (close < 0) {
                    throw new Error(line, "unclosed comment");
                }
                int after = close + 2;
                boolean trimRight = false;
                if (after + 1 < src.length() && isSpace(src.charAt(after)) && src.charAt(after + 1) == '-'
                        && src.startsWith(right, after + 2)) {
                    trimRight = true;
                    after += 2;
                }
                if (!src.startsWith(right, after)) {
                    throw new Error(line, "comment ends before closing delimiter");
                }
                String body = src.substring(bodyStart, close + 2);
                out.add(new Piece(Kind.COMMENT, body, trimLeft, trimRight, line));
                line += count(src.substring(open, after + right.length()));
                pos = after + right.length();
                continue;
            }
            int[] end = actionEnd(src, bodyStart, right, line);
            String body = src.substring(bodyStart, end[0]);
            boolean trimRight = end[1] == 1;
            out.add(new Piece(Kind.ACTION, body, trimLeft, trimRight, line));
            int after = end[0] + (trimRight ? 2 : 0) + right.length();
            line += count(src.substring(open, after));
            pos = after;
        }
        return out;
    }

    /** Where the action starting at pos ends: {index of its end, 1 if a right trim marker precedes the delimiter}. */
    private static int[] actionEnd(String src, int pos, String right, int line) {
        int i = pos;
        int l = line;
        while (i < src.length()) {
            if (src.startsWith(right, i)) {
                return new int[]{i, 0};
            }
            char c = src.charAt(i);
            if (isSpace(c) && i + 1 < src.length() && src.charAt(i + 1) == '-' && src.startsWith(right, i + 2)) {
                return new int[]{i, 1};
            }
            if (c == '"' || c == '\'') {
                i = quoted(src, i, c, l);
                continue;
            }
            if (c == '`') {
                int close = src.indexOf('`', i + 1);
                if (close < 0) {
                    throw new Error(l, "unterminated raw quoted string");
                }
                l += count(src.substring(i, close));
                i = close + 1;
                continue;
            }
            if (c == '\n') {
                l++;
            }
            i++;
        }
        throw new Error(line, "unclosed action");
    }

    private static int quoted(String src, int i, char q, int line) {
        int j = i + 1;
        while (j < src.length()) {
            char c = src.charAt(j);
            if (c == '\\' && j + 1 < src.length()) {
                j += 2;
                continue;
            }
            if (c == '\n') {
                break;
            }
            if (c == q) {
                return j + 1;
            }
            j++;
        }
        throw new Error(line, q == '"' ? "unterminated quoted string" : "unterminated character constant");
    }

    /** The tokens of an action's content (between delimiters and trim markers). */
    static List<Token> tokens(String action, int line) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = action.length();
        while (i < n) {
            char c = action.charAt(i);
            int j;
            Tok t;
            if (isSpace(c)) {
                j = i;
                while (j < n && isSpace(action.charAt(j))) {
                    j++;
                }
                t = Tok.SPACE;
            } else if (c == '(') {
                j = i + 1;
                t = Tok.LPAREN;
            } else if (c == ')') {
                j = i + 1;
                t = Tok.RPAREN;
            } else if (c == '|') {
                j = i + 1;
                t = Tok.PIPE;
            } else if (c == ',') {
                j = i + 1;
                t = Tok.COMMA;
            } else if (c == ':' && i + 1 < n && action.charAt(i + 1) == '=') {
                j = i + 2;
                t = Tok.DECLARE;
            } else if (c == '=') {
                j = i + 1;
                t = Tok.ASSIGN;
            } else if (c == '"' || c == '\'') {
                j = quoted(action, i, c, line);
                t = c == '"' ? Tok.STRING : Tok.CHAR;
            } else if (c == '`') {
                int close = action.indexOf('`', i + 1);
                if (close < 0) {
                    throw new Error(line, "unterminated raw quoted string");
                }
                j = close + 1;
                t = Tok.RAW;
            } else if (c == '$') {
                j = alnumEnd(action, i + 1);
                t = Tok.VARIABLE;
            } else if (c == '.') {
                if (i + 1 < n && Character.isDigit(action.charAt(i + 1))) {
                    j = numberEnd(action, i);
                    t = Tok.NUMBER;
                } else {
                    j = alnumEnd(action, i + 1);
                    t = j == i + 1 ? Tok.DOT : Tok.FIELD;
                }
            } else if (c == '+' || c == '-' || Character.isDigit(c)) {
                j = numberEnd(action, i);
                t = Tok.NUMBER;
            } else if (isAlnum(c)) {
                j = alnumEnd(action, i);
                t = Tok.IDENT;
            } else {
                throw new Error(line + count(action.substring(0, i)), "unrecognized character in action: " + GoFormat.quote(String.valueOf(c), false));
            }
            out.add(new Token(t, action.substring(i, j)));
            i = j;
        }
        return out;
    }

    private static int alnumEnd(String s, int i) {
        while (i < s.length() && isAlnum(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int numberEnd(String s, int i) {
        int j = i;
        if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
            j++;
        }
        while (j < s.length()) {
            char c = s.charAt(j);
            if (isAlnum(c) || c == '.') {
                j++;
            } else if ((c == '+' || c == '-') && "eEpP".indexOf(s.charAt(j - 1)) >= 0) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isAlnum(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
