package io.xp2aso.compose;

import io.xp2aso.compose.GoTemplateLexer.Piece;
import io.xp2aso.compose.GoTemplateLexer.Tok;
import io.xp2aso.compose.GoTemplateLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a function-go-templating template into one Helm's engine runs with the function's semantics, at the token
 * level (never by patterns over the text), keeping every line where it was so errors name the template's own line:
 * <ul>
 * <li>custom delimiters become {{ }} (Helm cannot change them), and "{" in text that would open an action is escaped;
 * <li>the function's own functions, and those whose Helm version behaves differently (fromYaml, fromJson), become
 *     calls of named templates in {@code _xp2aso.tpl} that return their value through a dict;
 * <li>field chains that can pass through a missing map key become a named template too: Helm runs templates with
 *     missingkey=zero, where {@code .a.b} on a missing {@code a} is an error, while the function (Go's default)
 *     yields no value;
 * <li>functions Helm adds that the function lacks are the function's parse error ("function ... not defined").
 * </ul>
 */
final class GoTemplateRewriter {
    /** Functions of function-go-templating (and sprig's fromJson) run by a named template xp2aso.NAME. */
    static final Set<String> REWRITTEN = Set.of("getComposedResource", "getCompositeResource",
            "getComposedConnectionDetails", "getExtraResources", "getExtraResourcesFromContext", "getResourceCondition",
            "setResourceNameAnnotation", "getCredentialData", "randomChoice", "fromYaml", "fromJson");
    /** Helm's own functions, absent from function-go-templating: a template using them fails to parse there. */
    static final Set<String> HELM_ONLY = Set.of("toToml", "fromToml", "toYamlPretty", "fromYamlArray", "fromJsonArray",
            "tpl", "required", "lookup");
    private static final Set<String> KEYWORDS = Set.of("if", "range", "with", "else", "end", "define", "template",
            "block", "break", "continue");

    private final String left;
    private final String right;
    private final List<Integer> sites = new ArrayList<>();
    /** The line of the action being rewritten (its first line, for an action spanning several). */
    private int line;

    private GoTemplateRewriter(String left, String right) {
        this.left = left;
        this.right = right;
    }

    /** The Helm-ready text and the template line of each named-template call site (site N at index N-1). */
    record Rewritten(String text, List<Integer> sites) {
        Rewritten {
            sites = List.copyOf(sites);
        }

        /** The template line of a call site, 0 when unknown. */
        int line(int site) {
            return site >= 1 && site <= sites.size() ? sites.get(site - 1) : 0;
        }
    }

    /** The Helm-ready template; a {@link GoTemplateLexer.Error} names the template line of a problem. */
    static Rewritten rewrite(String template, String left, String right) {
        GoTemplateRewriter r = new GoTemplateRewriter(left, right);
        String text = r.run(template);
        return new Rewritten(text, r.sites);
    }

    private String run(String src) {
        boolean custom = !left.equals("{{") || !right.equals("}}");
        List<Piece> pieces = GoTemplateLexer.pieces(src, left, right);
        StringBuilder out = new StringBuilder(src.length() + 256);
        for (int p = 0; p < pieces.size(); p++) {
            Piece piece = pieces.get(p);
            switch (piece.kind()) {
                case TEXT -> out.append(custom ? escapeText(piece.text(), p + 1 < pieces.size()) : piece.text());
                case COMMENT -> out.append(open(piece)).append(piece.text()).append(close(piece));
                case ACTION -> {
                    String body = action(piece.text(), piece.line());
                    int missing = GoTemplateLexer.count(piece.text()) - GoTemplateLexer.count(body);
                    out.append(open(piece)).append(body).append("\n".repeat(Math.max(0, missing))).append(close(piece));
                }
            }
        }
        return out.toString();
    }

    private static String open(Piece p) {
        return p.trimLeft() ? "{{- " : "{{";
    }

    private static String close(Piece p) {
        return p.trimRight() ? " -}}" : "}}";
    }

    /** Text of a template with custom delimiters: a "{" that would start "{{" is printed by an action instead. */
    private static String escapeText(String text, boolean actionFollows) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean last = i + 1 == text.length();
            if (c == '{' && ((!last && text.charAt(i + 1) == '{') || (last && actionFollows))) {
                b.append("{{\"{\"}}");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    // ---- actions ---------------------------------------------------------------------------------------------

    /** A cursor over one action's tokens. */
    private static final class Cursor {
        final List<Token> tokens;
        final int line;
        int i;

        Cursor(List<Token> tokens, int line) {
            this.tokens = tokens;
            this.line = line;
        }

        boolean done() {
            return i >= tokens.size();
        }

        Token peek() {
            return tokens.get(i);
        }
    }

    private String action(String body, int line) {
        this.line = line;
        Cursor c = new Cursor(GoTemplateLexer.tokens(body, line), line);
        StringBuilder out = new StringBuilder();
        // Keywords and template names pass through; what follows them is a pipeline.
        while (!c.done()) {
            Token t = c.peek();
            if (t.type() == Tok.SPACE || (t.type() == Tok.IDENT && KEYWORDS.contains(t.text()))
                    || (t.type() == Tok.STRING && !out.toString().isBlank() && isNameAfterKeyword(out))) {
                out.append(t.text());
                c.i++;
                continue;
            }
            break;
        }
        if (!c.done()) {
            out.append(pipeline(c, false));
        }
        if (!c.done()) {
            throw new GoTemplateLexer.Error(line, "unexpected " + GoFormat.quote(c.peek().text(), false) + " in command");
        }
        return out.toString();
    }

    /** After define, template or block comes the template's name as a string. */
    private static boolean isNameAfterKeyword(StringBuilder sofar) {
        String s = sofar.toString().strip();
        return s.endsWith("define") || s.endsWith("template") || s.endsWith("block");
    }

    /** A pipeline up to a closing parenthesis (inParens) or the end of the action. */
    private String pipeline(Cursor c, boolean inParens) {
        StringBuilder decl = new StringBuilder();
        // Declarations: $x :=, $i, $v :=, $x =
        int save = c.i;
        StringBuilder d = new StringBuilder();
        boolean declared = false;
        while (!c.done()) {
            Token t = c.peek();
            if (t.type() == Tok.SPACE || t.type() == Tok.VARIABLE || t.type() == Tok.COMMA) {
                d.append(t.text());
                c.i++;
            } else if (t.type() == Tok.DECLARE || t.type() == Tok.ASSIGN) {
                d.append(t.text());
                c.i++;
                declared = true;
                break;
            } else {
                break;
            }
        }
        if (declared) {
            decl.append(d);
        } else {
            c.i = save;
        }
        List<String> commands = new ArrayList<>();
        while (true) {
            String cmd = command(c, commands);
            commands.clear();
            commands.add(cmd);
            if (c.done()) {
                break;
            }
            Token t = c.peek();
            if (t.type() == Tok.RPAREN) {
                if (!inParens) {
                    throw new GoTemplateLexer.Error(c.line, "unexpected right paren");
                }
                break;
            }
            if (t.type() == Tok.PIPE) {
                c.i++;
                // The commands so far become the piped value of the next one; kept as text until then.
                commands.set(0, cmd + "|");
                continue;
            }
            throw new GoTemplateLexer.Error(c.line, "unexpected " + GoFormat.quote(t.text(), false) + " in pipeline");
        }
        return decl + commands.get(0);
    }

    /**
     * One command; {@code before} holds the pipeline so far ending in "|" (empty for the first command). Returns the
     * pipeline text up to and including this command.
     */
    private String command(Cursor c, List<String> before) {
        String piped = before.isEmpty() ? "" : before.get(0);
        List<String> operands = new ArrayList<>();
        List<String> spaces = new ArrayList<>();
        String lead = "";
        String fn = null;
        StringBuilder space = new StringBuilder();
        while (!c.done()) {
            Token t = c.peek();
            if (t.type() == Tok.PIPE || t.type() == Tok.RPAREN) {
                break;
            }
            if (t.type() == Tok.SPACE) {
                space.append(t.text());
                c.i++;
                continue;
            }
            if (operands.isEmpty() && fn == null) {
                lead = space.toString();
            } else {
                spaces.add(space.toString());
            }
            space.setLength(0);
            boolean first = operands.isEmpty() && fn == null;
            if (first && t.type() == Tok.IDENT && REWRITTEN.contains(t.text()) && !followedByField(c)) {
                fn = t.text();
                c.i++;
                continue;
            }
            operands.add(operand(c));
        }
        String trailing = space.toString();
        if (fn == null) {
            StringBuilder b = new StringBuilder(piped).append(lead);
            for (int k = 0; k < operands.size(); k++) {
                if (k > 0) {
                    b.append(spaces.get(k - 1).isEmpty() ? " " : spaces.get(k - 1));
                }
                b.append(operands.get(k));
            }
            return b.append(trailing).toString();
        }
        List<String> args = new ArrayList<>(operands);
        if (!piped.isEmpty()) {
            // "x | f a" is "f a x": the pipeline so far becomes the last argument.
            args.add("(" + piped.substring(0, piped.length() - 1) + ")");
        }
        return lead + call(fn, args) + trailing;
    }

    private static boolean followedByField(Cursor c) {
        return c.i + 1 < c.tokens.size() && c.tokens.get(c.i + 1).type() == Tok.FIELD;
    }

    /** One operand: adjacent atoms (a term and its field chain). */
    private String operand(Cursor c) {
        List<String> atoms = new ArrayList<>();
        List<Tok> kinds = new ArrayList<>();
        while (!c.done()) {
            Token t = c.peek();
            if (t.type() == Tok.SPACE || t.type() == Tok.PIPE || t.type() == Tok.RPAREN) {
                break;
            }
            if (t.type() == Tok.LPAREN) {
                c.i++;
                String inner = pipeline(c, true);
                if (c.done() || c.peek().type() != Tok.RPAREN) {
                    throw new GoTemplateLexer.Error(c.line, "unclosed left paren");
                }
                c.i++;
                atoms.add("(" + inner + ")");
                kinds.add(Tok.LPAREN);
                continue;
            }
            if (t.type() == Tok.IDENT && HELM_ONLY.contains(t.text())) {
                throw new GoTemplateLexer.Error(c.line, "function " + GoFormat.quote(t.text(), false) + " not defined");
            }
            if (t.type() == Tok.IDENT && REWRITTEN.contains(t.text()) && !atoms.isEmpty()) {
                throw new GoTemplateLexer.Error(c.line, "unexpected " + t.text() + " in operand");
            }
            if (t.type() == Tok.DECLARE || t.type() == Tok.ASSIGN || t.type() == Tok.COMMA) {
                throw new GoTemplateLexer.Error(c.line, "unexpected " + GoFormat.quote(t.text(), false) + " in operand");
            }
            if (t.type() == Tok.IDENT && REWRITTEN.contains(t.text())) {
                // A function of the function used as an operand: called without arguments, as Go would.
                c.i++;
                atoms.add(call(t.text(), List.of()));
                kinds.add(Tok.LPAREN);
                continue;
            }
            atoms.add(t.text());
            kinds.add(t.type());
            c.i++;
        }
        return chain(atoms, kinds);
    }

    /** A term and its fields; chains that may cross a missing key go through xp2aso.field. */
    private String chain(List<String> atoms, List<Tok> kinds) {
        int fieldsFrom;
        String receiver;
        Tok head = kinds.get(0);
        if (head == Tok.FIELD) {
            receiver = ".";
            fieldsFrom = 0;
        } else if (head == Tok.VARIABLE || head == Tok.LPAREN) {
            receiver = atoms.get(0);
            fieldsFrom = 1;
        } else {
            return String.join("", atoms);
        }
        for (int k = fieldsFrom; k < kinds.size(); k++) {
            if (kinds.get(k) != Tok.FIELD) {
                return String.join("", atoms);
            }
        }
        int fields = kinds.size() - fieldsFrom;
        // The first field of the data ($ or .) reads a map that is there; a missing key only matters from the second.
        boolean root = head == Tok.FIELD || receiver.equals("$");
        if (fields == 0 || (root && fields < 2)) {
            return String.join("", atoms);
        }
        List<String> args = new ArrayList<>();
        args.add(receiver);
        for (int k = fieldsFrom; k < atoms.size(); k++) {
            args.add(GoFormat.quote(atoms.get(k).substring(1), false));
        }
        return call("field", args);
    }

    /** A value-returning call of the named template xp2aso.NAME: it sets "out" in the dict it is given. */
    private String call(String fn, List<String> args) {
        sites.add(line);
        int site = sites.size();
        String v = "$xp2aso" + site;
        return "(index (list (" + v + " := dict \"at\" " + site + " \"in\" (list " + String.join(" ", args)
                + ")) (include \"xp2aso." + fn + "\" " + v + ")) 0).out";
    }
}
