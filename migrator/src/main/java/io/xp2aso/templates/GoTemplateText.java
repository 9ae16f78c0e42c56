package io.xp2aso.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Literals in Go template source: strings as Go double-quoted literals, JSON values decoded by {@code fromJson}. */
final class GoTemplateText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoTemplateText() {
    }

    /**
     * A Go string literal. JSON's string syntax is a subset of Go's interpreted string literal syntax except for
     * a backslash-slash (Jackson never writes it) and backslash-u escapes of surrogate halves, which Go rejects: those
     * characters are written raw instead.
     */
    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A template expression evaluating to the JSON value v (numbers come back as float64, as all Helm values do). */
    static String value(JsonNode v) {
        try {
            return "(index (fromJson " + str("{\"v\":" + JSON.writeValueAsString(v) + "}") + ") \"v\")";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(JsonNode v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
