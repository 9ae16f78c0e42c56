package io.xp2aso.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.xp2aso.compose.FieldPath;

import java.util.List;

/**
 * Translates one XR-to-composed patch into Go template statements that set {@code $ok<k>} (the patch applies: its
 * source fields exist) and {@code $p<k>} (the value it writes) from {@code $xr}, the XR as the chart sees it.
 * Each translation reproduces Crossplane's Go code with Helm's functions (Helm's printf is Go's fmt.Sprintf, upper
 * is strings.ToUpper, regexMatch is Go's RE2, ...). Where Crossplane would fail the transform the chart calls
 * {@code fail}; where no faithful form is known, {@link Untranslatable} leaves the chart out.
 *
 * <p>Helm reads every number of a values file as float64; Crossplane sees integers as int64. Integral values are
 * turned back into int64 after every read of the XR ({@link #norm}), so fmt verbs and JSON print them alike; after
 * that each transform gives the Go type Crossplane's gives.
 * Integers beyond 2^53 lose precision in Helm itself: README lists that limit.
 */
final class PatchExpressions {
    private PatchExpressions() {
    }

    static String statements(PatchRef r) {
        String k = String.valueOf(r.k());
        String ok = "$ok" + k;
        String v = "$p" + k;
        StringBuilder sb = new StringBuilder();
        sb.append("{{- /* ").append(r.where().replace("*/", "* /")).append(" */}}\n");
        if (r.patch().isCombine()) {
            List<FieldPath> vars = r.patch().variables();
            StringBuilder cond = new StringBuilder("and");
            for (int i = 0; i < vars.size(); i++) {
                String rv = "$r" + k + "_" + i;
                sb.append("{{- ").append(rv).append(" := include \"xp2aso.get\" ").append(pathList(root(r), vars.get(i)))
                        .append(" | fromJson }}\n");
                cond.append(" (hasKey ").append(rv).append(" \"v\")");
            }
            if (vars.size() == 1) {
                cond = new StringBuilder("(hasKey $r" + k + "_0 \"v\")");
            } else {
                cond = new StringBuilder("(" + cond + ")");
            }
            sb.append("{{- ").append(ok).append(" := ").append(cond).append(" }}\n");
            sb.append("{{- ").append(v).append(" := \"\" }}\n");
            sb.append("{{- if ").append(ok).append(" }}\n");
            StringBuilder args = new StringBuilder();
            for (int i = 0; i < vars.size(); i++) {
                String a = "$a" + k + "_" + i;
                sb.append("{{- ").append(a).append(" := index $r").append(k).append("_").append(i).append(" \"v\" }}\n");
                sb.append(norm(a));
                args.append(' ').append(a);
            }
            sb.append("{{- ").append(v).append(" = printf ").append(GoTemplateText.str(r.patch().format())).append(args)
                    .append(" }}\n");
        } else {
            String rv = "$r" + k;
            sb.append("{{- ").append(rv).append(" := include \"xp2aso.get\" ").append(pathList(root(r), r.patch().from()))
                    .append(" | fromJson }}\n");
            sb.append("{{- ").append(ok).append(" := hasKey ").append(rv).append(" \"v\" }}\n");
            sb.append("{{- ").append(v).append(" := index ").append(rv).append(" \"v\" }}\n");
            sb.append("{{- if ").append(ok).append(" }}\n");
            sb.append(norm(v));
        }
        JsonNode transforms = r.raw().path("transforms");
        for (int i = 0; i < transforms.size(); i++) {
            String where = r.where() + " transforms[" + i + "]";
            // No int64 normalisation between transforms: like Go, a convert to float64 stays a float64 (printed as
            // such by a later Format), and Helm's mul, atoi and int64 give int64 where Crossplane does.
            sb.append(transform(transforms.get(i), v, r.pipeline(), where));
            String type = transforms.get(i).path("type").asText("");
            if (type.equals("map") || type.equals("match")) {
                // Their results come from the Composition's YAML, where render keeps whole numbers as integers.
                sb.append(norm(v));
            }
        }
        sb.append("{{- end }}\n");
        return sb.toString();
    }

    /** What a patch reads: the XR, or the environment (FromEnvironmentFieldPath, CombineFromEnvironment). */
    private static String root(PatchRef r) {
        return r.environment() ? "$env" : "$xr";
    }

    /** The (list $xr "spec" "a" 0 ...) a field path reads from root. */
    static String pathList(String root, FieldPath path) {
        StringBuilder sb = new StringBuilder("(list ").append(root);
        for (FieldPath.Segment s : path.segments()) {
            if (s.isWildcard()) {
                throw new Untranslatable("wildcard in " + path.text());
            }
            sb.append(' ').append(s.isIndex() ? String.valueOf(s.index()) : GoTemplateText.str(s.field()));
        }
        return sb.append(')').toString();
    }

    /** Integral float64 (Helm's number) back to int64 (the Kubernetes decoder's integer). */
    static String norm(String v) {
        return "{{- if and (kindIs \"float64\" " + v + ") (eq " + v + " (floor " + v + ")) (lt " + v + " 9.2e18) (gt "
                + v + " -9.2e18) }}{{- " + v + " = int64 " + v + " }}{{- end }}\n";
    }

    private static String fail(String where, String message) {
        return "{{- fail " + GoTemplateText.str("xp2aso: " + where + ": " + message) + " }}";
    }

    private static String transform(JsonNode t, String v, boolean pipeline, String where) {
        String type = t.path("type").asText("");
        JsonNode cfg = t.path(type);
        return switch (type) {
            case "map" -> "{{- if not (kindIs \"string\" " + v + ") }}" + fail(where, "map transform: input is not a string")
                    + "{{- end }}\n{{- $m := fromJson " + GoTemplateText.str(GoTemplateText.json(cfg)) + " }}\n"
                    + "{{- if not (hasKey $m " + v + ") }}" + fail(where, "map transform: the key is not found in map")
                    + "{{- end }}\n{{- " + v + " = index $m " + v + " }}\n";
            case "match" -> match(cfg, v, where);
            case "math" -> math(cfg, v, pipeline, where);
            case "string" -> string(cfg, v, pipeline, where);
            case "convert" -> convert(cfg, v, where);
            default -> throw new Untranslatable(where + ": transform type " + type + " has no chart form");
        };
    }

    private static String match(JsonNode cfg, String v, String where) {
        StringBuilder sb = new StringBuilder("{{- $matched := false }}\n");
        JsonNode ps = cfg.path("patterns");
        for (int i = 0; i < ps.size(); i++) {
            JsonNode p = ps.get(i);
            String ptype = p.path("type").asText("literal");
            if (ptype.isEmpty()) {
                ptype = "literal";
            }
            String test;
            if (ptype.equals("literal")) {
                if (!p.has("literal")) {
                    throw new Untranslatable(where + ": pattern " + i + " has no literal");
                }
                sb.append("{{- if and (not $matched) (not (kindIs \"string\" ").append(v).append(")) }}")
                        .append(fail(where, "match transform: cannot match pattern at index " + i + ": unsupported input type"))
                        .append("{{- end }}\n");
                test = "(eq " + v + " " + GoTemplateText.str(p.path("literal").asText()) + ")";
            } else if (ptype.equals("regexp")) {
                String re = p.path("regexp").asText("");
                checkRegexp(re, where);
                sb.append("{{- if and (not $matched) (not (kindIs \"string\" ").append(v).append(")) }}")
                        .append(fail(where, "match transform: cannot match pattern at index " + i + ": unsupported input type"))
                        .append("{{- end }}\n");
                test = "(regexMatch " + GoTemplateText.str(re) + " " + v + ")";
            } else {
                throw new Untranslatable(where + ": match pattern type " + ptype + " has no chart form");
            }
            JsonNode result = p.get("result");
            sb.append("{{- if and (not $matched) ").append(test).append(" }}{{- $matched = true }}{{- ").append(v)
                    .append(" = ").append(result == null ? "nil" : GoTemplateText.value(result)).append(" }}{{- end }}\n");
        }
        String fallbackTo = cfg.path("fallbackTo").asText("Value");
        JsonNode fallbackValue = cfg.get("fallbackValue");
        if (fallbackTo.equals("Input")) {
            if (fallbackValue != null && !fallbackValue.isNull()) {
                return sb + "{{- if not $matched }}" + fail(where, "cannot set both a fallback value and the fallback to"
                        + " input flag") + "{{- end }}\n";
            }
            return sb.toString();
        }
        return sb + "{{- if not $matched }}{{- " + v + " = " + (fallbackValue == null ? "nil"
                : GoTemplateText.value(fallbackValue)) + " }}{{- end }}\n";
    }

    private static String math(JsonNode cfg, String v, boolean pipeline, String where) {
        String type = cfg.path("type").asText("");
        if (type.isEmpty()) {
            type = cfg.has("clampMin") ? "ClampMin" : cfg.has("clampMax") ? "ClampMax" : "Multiply";
        }
        String field = switch (type) {
            case "Multiply" -> "multiply";
            case "ClampMin" -> "clampMin";
            case "ClampMax" -> "clampMax";
            default -> throw new Untranslatable(where + ": math type " + type + " has no chart form");
        };
        JsonNode n = cfg.get(field);
        if (n == null || !n.canConvertToLong()) {
            throw new Untranslatable(where + ": math." + field + " is not an integer");
        }
        long op = n.asLong();
        String isNum = "(or (kindIs \"int64\" " + v + ") (kindIs \"float64\" " + v + "))";
        StringBuilder sb = new StringBuilder("{{- if not " + isNum + " }}" + fail(where, "math transform: input is"
                + " required to be a number") + "{{- end }}\n");
        switch (type) {
            case "Multiply" -> sb.append("{{- if kindIs \"int64\" ").append(v).append(" }}{{- ").append(v).append(" = mul ")
                    .append(v).append(' ').append(op).append(" }}{{- else }}{{- ").append(v).append(" = mulf ").append(v)
                    .append(' ').append(op).append(" }}{{- end }}\n");
            case "ClampMin" -> sb.append("{{- if lt (int64 ").append(v).append(") ").append(op).append(" }}{{- ").append(v)
                    .append(" = int64 ").append(op).append(" }}{{- end }}\n");
            default -> sb.append("{{- if gt (int64 ").append(v).append(") ").append(op).append(" }}{{- ").append(v)
                    .append(" = int64 ").append(op).append(" }}{{- end }}\n");
        }
        return sb.toString();
    }

    private static String string(JsonNode cfg, String v, boolean pipeline, String where) {
        String type = cfg.path("type").asText("");
        if (type.isEmpty()) {
            type = cfg.has("convert") ? "Convert" : cfg.has("regexp") ? "Regexp" : "Format";
        }
        String text = "(print " + v + ")";
        return switch (type) {
            case "Format" -> "{{- " + v + " = printf " + GoTemplateText.str(cfg.path("fmt").asText()) + " " + v + " }}\n";
            case "TrimPrefix" -> "{{- " + v + " = trimPrefix " + GoTemplateText.str(cfg.path("trim").asText()) + " "
                    + text + " }}\n";
            case "TrimSuffix" -> "{{- " + v + " = trimSuffix " + GoTemplateText.str(cfg.path("trim").asText()) + " "
                    + text + " }}\n";
            case "Replace" -> "{{- " + v + " = replace " + GoTemplateText.str(cfg.path("replace").path("search").asText(""))
                    + " " + GoTemplateText.str(cfg.path("replace").path("replace").asText("")) + " " + text + " }}\n";
            case "Regexp" -> regexp(cfg.path("regexp"), v, where);
            case "Convert" -> switch (cfg.path("convert").asText("")) {
                case "ToUpper" -> "{{- " + v + " = upper " + text + " }}\n";
                case "ToLower" -> "{{- " + v + " = lower " + text + " }}\n";
                case "ToBase64" -> "{{- " + v + " = b64enc " + text + " }}\n";
                case "FromBase64" -> "{{- $s := " + text + " | replace \"\\r\" \"\" | replace \"\\n\" \"\" }}\n"
                        + "{{- if not (regexMatch \"^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$\" $s) }}"
                        + fail(where, "string is not valid base64") + "{{- end }}\n{{- " + v + " = b64dec $s }}\n";
                case "ToJson" -> "{{- " + v + " = toJson " + v + " }}\n";
                case "ToSha1" -> "{{- " + v + " = sha1sum (ternary " + v + " (toJson " + v + ") (kindIs \"string\" " + v
                        + ")) }}\n";
                case "ToSha256" -> "{{- " + v + " = sha256sum (ternary " + v + " (toJson " + v + ") (kindIs \"string\" "
                        + v + ")) }}\n";
                case "ToSha512" -> "{{- " + v + " = sha512sum (ternary " + v + " (toJson " + v + ") (kindIs \"string\" "
                        + v + ")) }}\n";
                case "ToAdler32" -> "{{- " + v + " = adler32sum (ternary " + v + " (toJson " + v + ") (kindIs \"string\" "
                        + v + ")) }}\n";
                default -> throw new Untranslatable(where + ": string convert " + cfg.path("convert").asText("")
                        + " has no chart form (Helm has no function for it)");
            };
            case "Join" -> join(cfg.path("join").path("separator").asText(""), v, pipeline, where);
            default -> throw new Untranslatable(where + ": string transform " + type + " has no chart form");
        };
    }

    /**
     * Join: every element printed with %v (Go's print, nil as &lt;nil&gt;; Helm's own join would skip nil), integral
     * numbers as integers first. function-patch-and-transform appends the separator after every element and then
     * drops the last byte, so its result ends with the separator less its last byte. Elements that are lists or
     * objects would print their nested numbers as Helm's float64s: the chart fails there rather than differ.
     */
    private static String join(String sep, String v, boolean pipeline, String where) {
        StringBuilder sb = new StringBuilder("{{- if not (kindIs \"slice\" " + v + ") }}" + fail(where, "could not parse"
                + " input array") + "{{- end }}\n{{- $parts := list }}\n{{- range $e := " + v + " }}\n"
                + "{{- if or (kindIs \"map\" $e) (kindIs \"slice\" $e) }}" + fail(where, "Join of a list holding lists or"
                + " objects has no chart form (their numbers would print as Helm's float64)") + "{{- end }}\n"
                + norm("$e") + "{{- $parts = append $parts (print $e) }}\n{{- end }}\n");
        if (!pipeline || sep.isEmpty()) {
            return sb + "{{- " + v + " = join " + GoTemplateText.str(sep) + " $parts }}\n";
        }
        if (sep.charAt(sep.length() - 1) >= 0x80) {
            return sb + "{{- if $parts }}" + fail(where, "Join: function-patch-and-transform cuts the separator's last"
                    + " character inside its UTF-8 bytes, which the chart cannot write") + "{{- end }}\n{{- " + v
                    + " = \"\" }}\n";
        }
        String tail = sep.substring(0, sep.length() - 1);
        return sb + "{{- " + v + " = ternary (print (join " + GoTemplateText.str(sep) + " $parts) " + GoTemplateText.str(tail)
                + ") \"\" (gt (len $parts) 0) }}\n";
    }

    /**
     * Go's FindStringSubmatch(s)[group] through regexReplaceAll: the pattern is wrapped so that it matches the whole
     * input with the leftmost match of the original inside, keeping its group numbers; flags inside stay scoped.
     */
    private static String regexp(JsonNode cfg, String v, String where) {
        String re = cfg.path("match").asText("");
        int group = cfg.has("group") ? cfg.get("group").asInt() : 0;
        Pattern p = checkRegexp(re, where);
        if (group < 0 || group > p.groupCount()) {
            throw new Untranslatable(where + ": regexp has no group " + group + " (Crossplane always fails here)");
        }
        String wrapped = "^(?s:.*?)(" + re + ")(?s:.*)$";
        String ref = "${" + (group + 1) + "}";
        return "{{- if not (regexMatch " + GoTemplateText.str(re) + " (print " + v + ")) }}"
                + fail(where, "regexp " + re + " had no matches for group " + group) + "{{- end }}\n"
                + "{{- " + v + " = regexReplaceAll " + GoTemplateText.str(wrapped) + " (print " + v + ") "
                + GoTemplateText.str(ref) + " }}\n";
    }

    private static Pattern checkRegexp(String re, String where) {
        try {
            return Pattern.compile(re);
        } catch (PatternSyntaxException e) {
            throw new Untranslatable(where + ": regexp does not compile: " + e.getMessage());
        }
    }

    private static String convert(JsonNode cfg, String v, String where) {
        String to = cfg.path("toType").asText("");
        String format = cfg.path("format").asText("");
        if (format.isEmpty()) {
            format = "none";
        }
        String kind = "(ternary \"string\" (ternary \"bool\" (ternary \"int64\" (ternary \"float64\" \"other\" (kindIs"
                + " \"float64\" " + v + ")) (kindIs \"int64\" " + v + ")) (kindIs \"bool\" " + v + ")) (kindIs \"string\" " + v + "))";
        StringBuilder sb = new StringBuilder("{{- $from := " + kind + " }}\n{{- if eq $from \"other\" }}"
                + fail(where, "convert transform: invalid input type") + "{{- end }}\n");
        String same = to.equals("int") ? "int64" : to;
        if (!format.equals("none")) {
            // Like Crossplane: an input already of the target type passes; quantity and json convert from strings only.
            String supported = format.equals("quantity") && same.equals("float64") ? quantity(v, where)
                    : format.equals("json") && (same.equals("object") || same.equals("array")) ? json(same, v, where) : null;
            sb.append("{{- if ne $from ").append(GoTemplateText.str(same)).append(" }}");
            String unsupported = fail(where, "convert transform: conversion to " + to + " is not supported with format "
                    + format);
            if (supported == null) {
                sb.append(unsupported);
            } else {
                sb.append("{{- if ne $from \"string\" }}").append(unsupported).append("{{- end }}\n").append(supported);
            }
            return sb.append("{{- end }}\n").toString();
        }
        switch (to) {
            case "string" -> sb.append("{{- if eq $from \"float64\" }}").append(fail(where, "convert float64 to string: Go's"
                    + " 'f' formatting has no Helm form")).append("{{- end }}\n{{- ").append(v).append(" = print ").append(v)
                    .append(" }}\n");
            case "int", "int64" -> sb.append("{{- if eq $from \"string\" }}{{- if not (regexMatch \"^[+-]?[0-9]+$\" ")
                    .append(v).append(") }}").append(fail(where, "convert transform: not an integer")).append("{{- end }}{{- ")
                    .append(v).append(" = int64 (atoi ").append(v).append(") }}{{- else if eq $from \"bool\" }}{{- ")
                    .append(v).append(" = ternary 1 0 ").append(v).append(" | int64 }}{{- else }}{{- ").append(v)
                    .append(" = int64 ").append(v).append(" }}{{- end }}\n");
            case "bool" -> sb.append("{{- if eq $from \"string\" }}{{- $b := dict \"1\" true \"t\" true \"T\" true \"TRUE\" true")
                    .append(" \"true\" true \"True\" true \"0\" false \"f\" false \"F\" false \"FALSE\" false \"false\" false")
                    .append(" \"False\" false }}{{- if not (hasKey $b ").append(v).append(") }}")
                    .append(fail(where, "convert transform: not a boolean")).append("{{- end }}{{- ").append(v)
                    .append(" = index $b ").append(v).append(" }}{{- else if ne $from \"bool\" }}{{- ").append(v)
                    .append(" = eq (float64 ").append(v).append(") 1.0 }}{{- end }}\n");
            case "float64" -> sb.append("{{- if eq $from \"string\" }}{{- if not (regexMatch \"^[+-]?([0-9]+\\\\.?[0-9]*|\\\\.[0-9]+)([eE][+-]?[0-9]+)?$\" ")
                    .append(v).append(") }}").append(fail(where, "convert transform: not a number")).append("{{- end }}{{- end }}")
                    .append("{{- if eq $from \"bool\" }}{{- ").append(v).append(" = ternary 1.0 0.0 ").append(v)
                    .append(" }}{{- else }}{{- ").append(v).append(" = float64 ").append(v).append(" }}{{- end }}\n");
            default -> throw new Untranslatable(where + ": convert to " + to + " has no chart form");
        }
        return sb.toString();
    }

    /**
     * Format quantity (string to float64, Kubernetes' AsApproximateFloat64): exact for a whole number with a binary
     * or non-negative decimal suffix whose value stays within 2^53, which the chart computes with integers. Decimal
     * points, milli/micro/nano and exponents would need Kubernetes' own rounding: the chart fails there.
     */
    private static String quantity(String v, String where) {
        String suffixes = "Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E";
        return "{{- if not (regexMatch \"^[+-]?[0-9]{1,15}(" + suffixes + ")?$\" " + v + ") }}"
                + fail(where, "convert with format quantity: only a whole number of up to 15 digits with a binary or"
                + " non-negative decimal suffix has an exact chart form") + "{{- end }}\n"
                + "{{- $qm := int64 (atoi (regexReplaceAll \"^([+-]?[0-9]+).*$\" " + v + " \"${1}\")) }}\n"
                + "{{- $qf := index (dict \"\" 1 \"Ki\" 1024 \"Mi\" 1048576 \"Gi\" 1073741824 \"Ti\" 1099511627776"
                + " \"Pi\" 1125899906842624 \"Ei\" 1152921504606846976 \"k\" 1000 \"M\" 1000000 \"G\" 1000000000"
                + " \"T\" 1000000000000 \"P\" 1000000000000000 \"E\" 1000000000000000000)"
                + " (regexReplaceAll \"^[+-]?[0-9]+\" " + v + " \"\") | int64 }}\n"
                + "{{- if gt (ternary (sub 0 $qm) $qm (lt $qm 0)) (div 9007199254740992 $qf) }}"
                + fail(where, "convert with format quantity: a value beyond 2^53 has no exact chart form") + "{{- end }}\n"
                + "{{- " + v + " = float64 (mul $qm $qf) }}\n";
    }

    /**
     * Format json (string to object or array, encoding/json into interface{}): Helm's fromJson/fromJsonArray, whose
     * error result ({"Error": ...}, or a one-string list) the chart cannot tell from such a value, so it fails there.
     */
    private static String json(String to, String v, String where) {
        if (to.equals("object")) {
            return "{{- $j := fromJson " + v + " }}\n{{- if and (eq (len $j) 1) (hasKey $j \"Error\") }}"
                    + fail(where, "convert with format json: not a JSON object (or an object whose only key is Error, which"
                    + " Helm's fromJson cannot tell from its error)") + "{{- end }}\n{{- " + v + " = ternary (dict) $j (empty $j)"
                    + " }}\n";
        }
        return "{{- $j := fromJsonArray " + v + " }}\n{{- if and (eq (len $j) 1) (kindIs \"string\" (first $j)) }}"
                + fail(where, "convert with format json: not a JSON array (or an array of one string, which Helm's"
                + " fromJsonArray cannot tell from its error)") + "{{- end }}\n{{- " + v + " = $j }}\n";
    }
}
