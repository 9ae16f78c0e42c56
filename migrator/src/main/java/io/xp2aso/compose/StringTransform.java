package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Adler32;

/** The string transform: Format, Convert, TrimPrefix/TrimSuffix, Regexp, Join and (function only) Replace. */
final class StringTransform {
    private StringTransform() {
    }

    static Transform compile(JsonNode cfg, Engine engine) {
        String type = cfg.path("type").asText("");
        if (type.isEmpty()) {
            if (engine == Engine.PT) {
                throw new RenderException("string transform type is required");
            }
            // Legacy default (and the conversion tool's inference): by the field that is set.
            type = cfg.has("convert") ? "Convert" : cfg.has("regexp") ? "Regexp" : "Format";
        }
        final String t = type;
        switch (type) {
            case "Format" -> {
                JsonNode f = cfg.get("fmt");
                if (f == null || f.isNull()) {
                    return missing("fmt", t);
                }
                String fmt = f.asText();
                return in -> text(GoFormat.sprintf(fmt, List.of(nn(in))));
            }
            case "Convert" -> {
                JsonNode c = cfg.get("convert");
                if (c == null || c.isNull()) {
                    return missing("convert", t);
                }
                return convert(c.asText());
            }
            case "TrimPrefix", "TrimSuffix" -> {
                JsonNode trim = cfg.get("trim");
                if (trim == null || trim.isNull()) {
                    return missing("trim", t);
                }
                String s = trim.asText();
                boolean prefix = type.equals("TrimPrefix");
                return in -> {
                    String v = GoValues.formatV(in);
                    if (prefix) {
                        return text(v.startsWith(s) ? v.substring(s.length()) : v);
                    }
                    return text(v.endsWith(s) ? v.substring(0, v.length() - s.length()) : v);
                };
            }
            case "Regexp" -> {
                JsonNode r = cfg.get("regexp");
                if (r == null || r.isNull()) {
                    return missing("regexp", t);
                }
                return regexp(r.path("match").asText(""), r.has("group") ? r.get("group").asInt() : 0);
            }
            case "Join" -> {
                JsonNode j = cfg.get("join");
                if (j == null || j.isNull()) {
                    return missing("join", t);
                }
                return join(j.path("separator").asText(""), engine);
            }
            case "Replace" -> {
                if (engine == Engine.NATIVE) {
                    throw new RenderException("type Replace is not supported for string transform type"
                            + " by the legacy engine (only by function-patch-and-transform)");
                }
                JsonNode r = cfg.get("replace");
                if (r == null || r.isNull()) {
                    return missing("replace", t);
                }
                String search = r.path("search").asText("");
                String replace = r.path("replace").asText("");
                return in -> text(replaceAll(GoValues.formatV(in), search, replace));
            }
            default -> throw new RenderException("type " + type + " is not supported for string transform type");
        }
    }

    private static Transform missing(String field, String type) {
        throw new RenderException("string transform of type " + type + " " + field + " is not set");
    }

    private static JsonNode nn(JsonNode in) {
        return in == null ? GoValues.NODES.nullNode() : in;
    }

    private static JsonNode text(String s) {
        return GoValues.NODES.textNode(s);
    }

    private static Transform convert(String kind) {
        return switch (kind) {
            case "ToUpper" -> in -> text(mapCodePoints(GoValues.formatV(in), true));
            case "ToLower" -> in -> text(mapCodePoints(GoValues.formatV(in), false));
            case "ToBase64" -> in -> text(Base64.getEncoder().encodeToString(
                    GoValues.formatV(in).getBytes(StandardCharsets.UTF_8)));
            case "FromBase64" -> in -> {
                String s = GoValues.formatV(in).replace("\r", "").replace("\n", "");
                try {
                    return text(new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new TransformException("string is not valid base64: " + e.getMessage());
                }
            };
            case "ToJson" -> in -> text(GoValues.json(in));
            case "ToSha1" -> in -> text(digest("SHA-1", hashInput(in)));
            case "ToSha256" -> in -> text(digest("SHA-256", hashInput(in)));
            case "ToSha512" -> in -> text(digest("SHA-512", hashInput(in)));
            case "ToAdler32" -> in -> {
                Adler32 a = new Adler32();
                a.update(hashInput(in));
                return text(Long.toString(a.getValue()));
            };
            default -> throw new RenderException("type " + kind + " is not supported for string convert");
        };
    }

    /** Go's strings.ToUpper/ToLower: simple per-rune case mapping. */
    private static String mapCodePoints(String s, boolean upper) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(upper ? Character.toUpperCase(c) : Character.toLowerCase(c)));
        return sb.toString();
    }

    /** The bytes hashed: a string's own bytes, anything else its JSON encoding. */
    private static byte[] hashInput(JsonNode in) {
        if (in != null && in.isTextual()) {
            return in.asText().getBytes(StandardCharsets.UTF_8);
        }
        return GoValues.json(in).getBytes(StandardCharsets.UTF_8);
    }

    private static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Transform regexp(String match, int group) {
        Pattern p;
        try {
            p = Pattern.compile(match);
        } catch (PatternSyntaxException e) {
            throw new RenderException("could not compile regexp: " + e.getMessage());
        }
        return in -> {
            Matcher m = p.matcher(GoValues.formatV(in));
            if (!m.find() || group < 0 || group > m.groupCount()) {
                throw new TransformException("regexp " + GoFormat.quote(match, false) + " had no matches for group " + group);
            }
            String g = m.group(group);
            return text(g == null ? "" : g);
        };
    }

    private static Transform join(String sep, Engine engine) {
        return in -> {
            if (in == null || !in.isArray()) {
                throw new TransformException("could not parse input array");
            }
            if (in.size() == 0) {
                return text("");
            }
            if (engine == Engine.NATIVE) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < in.size(); i++) {
                    if (i > 0) {
                        sb.append(sep);
                    }
                    sb.append(GoValues.formatV(in.get(i)));
                }
                return text(sb.toString());
            }
            // function-patch-and-transform appends the separator after every element, then drops the last byte.
            StringBuilder sb = new StringBuilder();
            for (JsonNode v : in) {
                sb.append(GoValues.formatV(v)).append(sep);
            }
            if (sep.isEmpty()) {
                return text(sb.toString());
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            return text(new String(b, 0, b.length - 1, StandardCharsets.UTF_8));
        };
    }

    /** Go's strings.ReplaceAll, including the empty-search case (insert between every rune). */
    static String replaceAll(String s, String search, String replace) {
        if (search.isEmpty()) {
            StringBuilder sb = new StringBuilder(replace);
            s.codePoints().forEach(c -> sb.appendCodePoint(c).append(replace));
            return sb.toString();
        }
        return s.replace(search, replace);
    }
}
