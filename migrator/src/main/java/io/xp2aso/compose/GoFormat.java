package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Go's fmt.Sprintf over Kubernetes unstructured values (string, int64, float64, bool, nil, maps, slices), as used by
 * Crossplane's string Format transform and combine strategy. Verbs, flags (+ - # space 0), width, precision,
 * {@code *}, explicit argument indexes, and Go's error forms ({@code %!d(string=x)}, {@code %!s(MISSING)},
 * {@code %!(EXTRA ...)}, {@code %!(NOVERB)}, {@code %!(BADINDEX)}, {@code %!(BADWIDTH)}, {@code %!(BADPREC)}).
 */
public final class GoFormat {
    private final StringBuilder buf = new StringBuilder();
    // Flags of the verb being printed.
    private boolean plus;
    private boolean minus;
    private boolean sharp;
    private boolean space;
    private boolean zero;
    private boolean plusV;
    private boolean sharpV;
    private boolean widPresent;
    private boolean precPresent;
    private int wid;
    private int prec;
    private boolean reordered;
    private boolean goodArgNum;

    private GoFormat() {
    }

    public static String sprintf(String format, List<JsonNode> args) {
        GoFormat p = new GoFormat();
        p.doPrintf(format, args);
        return p.buf.toString();
    }

    private void clearFlags() {
        plus = minus = sharp = space = zero = plusV = sharpV = false;
        widPresent = precPresent = false;
        wid = prec = 0;
    }

    private void doPrintf(String format, List<JsonNode> a) {
        int end = format.length();
        int argNum = 0;
        boolean afterIndex;
        reordered = false;
        int i = 0;
        while (i < end) {
            goodArgNum = true;
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            if (i > lasti) {
                buf.append(format, lasti, i);
            }
            if (i >= end) {
                break;
            }
            i++;
            clearFlags();
            flags:
            for (; i < end; i++) {
                char c = format.charAt(i);
                switch (c) {
                    case '#' -> sharp = true;
                    case '0' -> zero = !minus;
                    case '+' -> plus = true;
                    case '-' -> {
                        minus = true;
                        zero = false;
                    }
                    case ' ' -> space = true;
                    default -> {
                        break flags;
                    }
                }
            }
            int[] an = argNumber(argNum, format, i, a.size());
            argNum = an[0];
            i = an[1];
            afterIndex = an[2] == 1;

            if (i < end && format.charAt(i) == '*') {
                i++;
                Integer n = intFromArg(a, argNum);
                argNum++;
                widPresent = n != null;
                if (n == null) {
                    buf.append("%!(BADWIDTH)");
                } else {
                    wid = n;
                    if (wid < 0) {
                        minus = true;
                        zero = false;
                        wid = -wid;
                    }
                }
                afterIndex = false;
            } else {
                int[] num = parseNum(format, i, end);
                wid = num[0];
                widPresent = num[1] == 1;
                i = num[2];
                if (afterIndex && widPresent) {
                    goodArgNum = false;
                }
            }

            if (i + 1 <= end && i < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                an = argNumber(argNum, format, i, a.size());
                argNum = an[0];
                i = an[1];
                afterIndex = an[2] == 1;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    Integer n = intFromArg(a, argNum);
                    argNum++;
                    precPresent = n != null;
                    prec = n == null ? 0 : n;
                    if (prec < 0) {
                        prec = 0;
                        precPresent = false;
                    }
                    if (n == null) {
                        buf.append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    int[] num = parseNum(format, i, end);
                    prec = num[0];
                    precPresent = num[1] == 1;
                    i = num[2];
                    if (!precPresent) {
                        prec = 0;
                        precPresent = true;
                    }
                }
            }
            if (!afterIndex) {
                an = argNumber(argNum, format, i, a.size());
                argNum = an[0];
                i = an[1];
            }
            if (i >= end) {
                buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                buf.append('%');
            } else if (!goodArgNum) {
                badArgNum(verb);
            } else if (argNum >= a.size()) {
                buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v') {
                    sharpV = sharp;
                    sharp = false;
                    plusV = plus;
                    plus = false;
                }
                printArg(a.get(argNum), verb);
                argNum++;
            }
        }
        if (!reordered && argNum < a.size()) {
            clearFlags();
            buf.append("%!(EXTRA ");
            for (int k = argNum; k < a.size(); k++) {
                if (k > argNum) {
                    buf.append(", ");
                }
                JsonNode arg = a.get(k);
                if (GoValues.isNil(arg)) {
                    buf.append("<nil>");
                } else {
                    buf.append(GoValues.typeName(arg)).append('=');
                    printArg(arg, 'v');
                }
            }
            buf.append(')');
        }
    }

    private void badArgNum(int verb) {
        buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
    }

    /** Returns {argNum, newIndex, found(1/0)} for an optional [n] argument index. */
    private int[] argNumber(int argNum, String format, int i, int numArgs) {
        if (format.length() <= i || format.charAt(i) != '[') {
            return new int[]{argNum, i, 0};
        }
        reordered = true;
        // parseArgNumber
        int close = -1;
        for (int k = i + 1; k < format.length(); k++) {
            if (format.charAt(k) == ']') {
                close = k;
                break;
            }
        }
        if (close < 0) {
            goodArgNum = false;
            return new int[]{argNum, i + 1, 0};
        }
        int[] num = parseNum(format, i + 1, close);
        boolean ok = num[1] == 1 && num[2] == close;
        if (!ok) {
            goodArgNum = false;
            return new int[]{argNum, close + 1, 1};
        }
        int index = num[0] - 1;
        if (index >= 0 && index < numArgs) {
            return new int[]{index, close + 1, 1};
        }
        goodArgNum = false;
        return new int[]{argNum, close + 1, 1};
    }

    /** {value, present(1/0), newIndex}; like Go, refuses absurdly large numbers. */
    private static int[] parseNum(String s, int start, int end) {
        if (start >= end) {
            return new int[]{0, 0, start};
        }
        int num = 0;
        boolean present = false;
        int i = start;
        while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            if (num > 1_000_000) {
                return new int[]{0, 0, end};
            }
            num = num * 10 + (s.charAt(i) - '0');
            present = true;
            i++;
        }
        return new int[]{num, present ? 1 : 0, i};
    }

    private static Integer intFromArg(List<JsonNode> a, int argNum) {
        if (argNum >= a.size()) {
            return null;
        }
        JsonNode v = a.get(argNum);
        if (!GoValues.isInt(v)) {
            return null;
        }
        long n = v.asLong();
        if (n > 1_000_000 || n < -1_000_000) {
            return null;
        }
        return (int) n;
    }

    // ---- one argument ------------------------------------------------------------------------------------------

    private void printArg(JsonNode arg, int verb) {
        if (GoValues.isNil(arg)) {
            if (verb == 'T' || verb == 'v') {
                padString("<nil>");
            } else {
                badVerbNil(verb);
            }
            return;
        }
        if (verb == 'T') {
            fmtS(GoValues.typeName(arg));
            return;
        }
        printValue(arg, verb, 0);
    }

    private void printValue(JsonNode v, int verb, int depth) {
        if (GoValues.isNil(v)) {
            // A nil interface inside a map or slice prints as <nil> whatever the verb.
            buf.append("<nil>");
            return;
        }
        if (v.isBoolean()) {
            if (verb == 't' || verb == 'v') {
                padString(v.asBoolean() ? "true" : "false");
            } else {
                badVerb(verb, v);
            }
        } else if (GoValues.isInt(v)) {
            fmtIntegerVerb(v.asLong(), verb, v);
        } else if (v.isNumber()) {
            fmtFloatVerb(v.asDouble(), verb, v);
        } else if (v.isTextual()) {
            fmtStringVerb(v.asText(), verb, v);
        } else if (v.isObject()) {
            if (sharpV) {
                buf.append("map[string]interface {}{");
            } else {
                buf.append("map[");
            }
            boolean first = true;
            for (String k : GoValues.sortedKeys(v)) {
                if (!first) {
                    buf.append(sharpV ? ", " : " ");
                }
                first = false;
                fmtStringVerb(k, verb, GoValues.NODES.textNode(k));
                buf.append(':');
                printValue(v.get(k), verb, depth + 1);
            }
            buf.append(sharpV ? '}' : ']');
        } else if (v.isArray()) {
            if (sharpV) {
                buf.append("[]interface {}{");
            } else {
                buf.append('[');
            }
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    buf.append(sharpV ? ", " : " ");
                }
                printValue(v.get(i), verb, depth + 1);
            }
            buf.append(sharpV ? '}' : ']');
        } else {
            fmtStringVerb(v.asText(), verb, v);
        }
    }

    private void badVerb(int verb, JsonNode v) {
        buf.append("%!").appendCodePoint(verb).append('(');
        buf.append(GoValues.typeName(v)).append('=');
        boolean[] saved = saveFlags();
        int w = wid;
        int pr = prec;
        clearFlags();
        printValue(v, 'v', 0);
        restoreFlags(saved, w, pr);
        buf.append(')');
    }

    private void badVerbNil(int verb) {
        buf.append("%!").appendCodePoint(verb).append("(<nil>)");
    }

    private boolean[] saveFlags() {
        return new boolean[]{plus, minus, sharp, space, zero, plusV, sharpV, widPresent, precPresent};
    }

    private void restoreFlags(boolean[] f, int w, int pr) {
        plus = f[0];
        minus = f[1];
        sharp = f[2];
        space = f[3];
        zero = f[4];
        plusV = f[5];
        sharpV = f[6];
        widPresent = f[7];
        precPresent = f[8];
        wid = w;
        prec = pr;
    }

    // ---- integers ----------------------------------------------------------------------------------------------

    private void fmtIntegerVerb(long v, int verb, JsonNode node) {
        switch (verb) {
            case 'v', 'd' -> fmtInteger(v, 10, verb, false);
            case 'b' -> fmtInteger(v, 2, verb, false);
            case 'o', 'O' -> fmtInteger(v, 8, verb, false);
            case 'x' -> fmtInteger(v, 16, verb, false);
            case 'X' -> fmtInteger(v, 16, verb, true);
            case 'c' -> padString(runeString(v));
            case 'q' -> padString(quoteRune(v));
            case 'U' -> fmtUnicode(v);
            default -> badVerb(verb, node);
        }
    }

    private void fmtInteger(long v, int base, int verb, boolean upper) {
        boolean negative = v < 0;
        java.math.BigInteger u = java.math.BigInteger.valueOf(v).abs();
        int precision = 1;
        if (precPresent) {
            precision = prec;
            if (precision == 0 && v == 0) {
                boolean oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && widPresent) {
            precision = wid;
            if (negative || plus || space) {
                precision--;
            }
        }
        String digits = u.toString(base);
        if (upper) {
            digits = digits.toUpperCase();
        }
        StringBuilder num = new StringBuilder();
        for (int k = digits.length(); k < precision; k++) {
            num.append('0');
        }
        num.append(digits);
        if (sharp) {
            switch (base) {
                case 2 -> num.insert(0, "0b");
                case 8 -> {
                    if (num.charAt(0) != '0') {
                        num.insert(0, '0');
                    }
                }
                case 16 -> num.insert(0, upper ? "0X" : "0x");
                default -> {
                }
            }
        }
        if (verb == 'O') {
            num.insert(0, "0o");
        }
        if (negative) {
            num.insert(0, '-');
        } else if (plus) {
            num.insert(0, '+');
        } else if (space) {
            num.insert(0, ' ');
        }
        boolean oldZero = zero;
        zero = false;
        pad(num.toString());
        zero = oldZero;
    }

    private static String runeString(long v) {
        if (v < 0 || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
            return "\uFFFD";
        }
        return new String(Character.toChars((int) v));
    }

    private String quoteRune(long v) {
        int r = (v < 0 || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) ? 0xFFFD : (int) v;
        if (sharp && r != '\'' && r != '`' && r >= 0x20 && r != 0x7F && Character.isDefined(r)) {
            return "'" + new String(Character.toChars(r)) + "'";
        }
        StringBuilder sb = new StringBuilder("'");
        appendEscapedRune(sb, r, '\'', plus);
        return sb.append('\'').toString();
    }

    private void fmtUnicode(long v) {
        String hex = Long.toHexString(v).toUpperCase();
        StringBuilder sb = new StringBuilder("U+");
        int p = precPresent && prec > 4 ? prec : 4;
        for (int k = hex.length(); k < p; k++) {
            sb.append('0');
        }
        sb.append(hex);
        if (sharp && v >= 0 && v <= Character.MAX_CODE_POINT && !(v >= 0xD800 && v <= 0xDFFF)
                && !Character.isISOControl((int) v)) {
            sb.append(" '").appendCodePoint((int) v).append('\'');
        }
        boolean oldZero = zero;
        zero = false;
        pad(sb.toString());
        zero = oldZero;
    }

    // ---- floats ------------------------------------------------------------------------------------------------

    private void fmtFloatVerb(double v, int verb, JsonNode node) {
        switch (verb) {
            case 'v' -> fmtFloat(v, 'g', -1);
            case 'g', 'G' -> fmtFloat(v, (char) verb, -1);
            case 'f', 'F' -> fmtFloat(v, 'f', 6);
            case 'e', 'E' -> fmtFloat(v, (char) verb, 6);
            default -> badVerb(verb, node);
        }
    }

    private void fmtFloat(double v, char verb, int defaultPrec) {
        int p = precPresent ? prec : defaultPrec;
        String num = GoValues.formatFloat(v, verb, p);
        if (sharp) {
            num = sharpFloat(num, verb, p);
        }
        char sign;
        String body;
        if (num.startsWith("-") || num.startsWith("+")) {
            sign = num.charAt(0);
            body = num.substring(1);
        } else {
            sign = '+';
            body = num;
        }
        if (space && sign == '+' && !plus) {
            sign = ' ';
        }
        if (body.startsWith("Inf") || body.startsWith("NaN")) {
            boolean oldZero = zero;
            zero = false;
            String s = body.startsWith("NaN") && !space && !plus ? body : sign + body;
            pad(s);
            zero = oldZero;
            return;
        }
        if (plus || sign != '+') {
            String s = sign + body;
            if (zero && widPresent && wid > s.length()) {
                buf.append(sign);
                writePadding(wid - s.length());
                buf.append(body);
                return;
            }
            pad(s);
            return;
        }
        pad(body);
    }

    /** The # flag: always a decimal point; %g keeps trailing zeros. */
    private static String sharpFloat(String num, char verb, int p) {
        int e = Math.max(num.indexOf('e'), num.indexOf('E'));
        String mant = e < 0 ? num : num.substring(0, e);
        String tail = e < 0 ? "" : num.substring(e);
        if (!mant.contains(".")) {
            mant = mant + ".";
        }
        if (verb == 'g' || verb == 'G') {
            int digits = 6;
            if (p >= 0) {
                digits = p == 0 ? 1 : p;
            } else {
                return mant + tail;
            }
            int have = 0;
            boolean leading = true;
            for (char c : mant.toCharArray()) {
                if (Character.isDigit(c)) {
                    if (c != '0') {
                        leading = false;
                    }
                    if (!leading) {
                        have++;
                    }
                }
            }
            if (leading) {
                have = 1;
            }
            StringBuilder sb = new StringBuilder(mant);
            for (int k = have; k < digits; k++) {
                sb.append('0');
            }
            mant = sb.toString();
        }
        return mant + tail;
    }

    // ---- strings -----------------------------------------------------------------------------------------------

    private void fmtStringVerb(String s, int verb, JsonNode node) {
        switch (verb) {
            case 'v' -> {
                if (sharpV) {
                    fmtQ(s);
                } else {
                    fmtS(s);
                }
            }
            case 's' -> fmtS(s);
            case 'x' -> fmtSx(s, false);
            case 'X' -> fmtSx(s, true);
            case 'q' -> fmtQ(s);
            default -> badVerb(verb, node);
        }
    }

    private void fmtS(String s) {
        if (precPresent) {
            int n = 0;
            int i = 0;
            while (i < s.length() && n < prec) {
                i += Character.charCount(s.codePointAt(i));
                n++;
            }
            s = s.substring(0, i);
        }
        padString(s);
    }

    private void fmtSx(String s, boolean upper) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int length = b.length;
        if (precPresent && prec < length) {
            length = prec;
        }
        String digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        StringBuilder sb = new StringBuilder();
        if (length <= 0) {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                sb.append(' ');
            }
            if (sharp && (space || i == 0)) {
                sb.append(upper ? "0X" : "0x");
            }
            sb.append(digits.charAt((b[i] >> 4) & 0xF)).append(digits.charAt(b[i] & 0xF));
        }
        pad(sb.toString());
    }

    private void fmtQ(String s) {
        if (precPresent) {
            int n = 0;
            int i = 0;
            while (i < s.length() && n < prec) {
                i += Character.charCount(s.codePointAt(i));
                n++;
            }
            s = s.substring(0, i);
        }
        if (sharp && canBackquote(s)) {
            padString("`" + s + "`");
            return;
        }
        padString(quote(s, plus));
    }

    private static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '`' || c == '\uFEFF' || (c < ' ' && c != '\t') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** strconv.Quote (or QuoteToASCII when ascii). */
    public static String quote(String s, boolean ascii) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r <= 0xFFFF && Character.isSurrogate((char) r)) {
                r = 0xFFFD; // a lone surrogate is not valid UTF-8; Go would see the replacement character
            }
            appendEscapedRune(sb, r, '"', ascii);
        }
        return sb.append('"').toString();
    }

    private static void appendEscapedRune(StringBuilder sb, int r, char quote, boolean ascii) {
        if (r == quote || r == '\\') {
            sb.append('\\').appendCodePoint(r);
            return;
        }
        if (ascii) {
            if (r < 0x80 && isPrint(r)) {
                sb.appendCodePoint(r);
                return;
            }
        } else if (isPrint(r)) {
            sb.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 7 -> sb.append("\\a");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case 0x0B -> sb.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7F) {
                    sb.append("\\x").append(String.format("%02x", r));
                } else if (r < 0x10000) {
                    sb.append("\\u").append(String.format("%04x", r));
                } else {
                    sb.append("\\U").append(String.format("%08x", r));
                }
            }
        }
    }

    /** Approximates Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        if (r < 0x20 || r == 0x7F) {
            return false;
        }
        int t = Character.getType(r);
        return switch (t) {
            case Character.UNASSIGNED, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                    Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    // ---- padding -----------------------------------------------------------------------------------------------

    private void padString(String s) {
        pad(s);
    }

    private void pad(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }

    private void writePadding(int n) {
        if (n <= 0) {
            return;
        }
        char c = zero ? '0' : ' ';
        for (int k = 0; k < n; k++) {
            buf.append(c);
        }
    }
}
