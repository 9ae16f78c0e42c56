package io.xp2aso.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import io.xp2aso.source.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a rewritten function-go-templating template with Helm's engine (Go's text/template and sprig, in-process
 * through helm-java) in a throw-away chart: the template is the file {@code templates/_fn.tpl}, so its lines are the
 * template's own; {@code templates/out.yaml} includes it with the request (read from {@code request.json}) as the
 * data, so {@code .} and {@code $} are the request as in the function. The output is base64-encoded on the way out,
 * so Helm neither splits and reorders the documents nor removes "&lt;no value&gt;" from them.
 *
 * <p>One render at a time: the native library is shared process state. The chart folder is always deleted.
 */
final class HelmTemplates {
    /** Rendered text above this size is refused (checked by the template before it leaves Helm). */
    static final int MAX_OUTPUT = 8 * 1024 * 1024;
    private static final String FN = "xp2aso/templates/_fn.tpl";
    private static final String HELPERS = helpers();
    private static final Pattern SITE = Pattern.compile("xp2aso@(\\d+): ");
    private static final Pattern FN_POS = Pattern.compile(Pattern.quote(FN) + ":(\\d+)");

    /** A template error: the template's line (0 when unknown) and Go's message. */
    static final class Failure extends RuntimeException {
        final int line;

        Failure(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** Helm's engine cannot run on this machine (no native library for the platform). */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private HelmTemplates() {
    }

    /**
     * Renders {@code template} (already rewritten for Helm) with {@code request} as the data. {@code credentials}
     * maps a credential name to the Secret it names (for getCredentialData's error).
     */
    static synchronized String render(GoTemplateRewriter.Rewritten template, JsonNode request, Map<String, String> credentials) {
        Path chart = null;
        try {
            chart = Files.createTempDirectory("xp2aso-gotemplate-");
            Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: xp2aso\nversion: 0.0.0\n");
            Files.writeString(chart.resolve("request.json"), Yaml.JSON.writeValueAsString(request));
            Path templates = Files.createDirectory(chart.resolve("templates"));
            Files.writeString(templates.resolve("_fn.tpl"), template.text());
            Files.writeString(templates.resolve("_xp2aso.tpl"), HELPERS + "{{- define \"xp2aso.credentials\" -}}"
                    + Yaml.JSON.writeValueAsString(new TreeMap<>(credentials)).replace("\n", " ") + "{{- end -}}\n");
            Files.writeString(templates.resolve("out.yaml"), """
                    {{- $req := .Files.Get "request.json" | fromJson -}}
                    {{- include "xp2aso.ints" $req -}}
                    {{- $out := include "%s" $req -}}
                    {{- if gt (len $out) %d -}}
                    {{- fail (printf "the template rendered %%d bytes, more than xp2aso accepts (%d)" (len $out)) -}}
                    {{- end }}
                    out: {{ $out | b64enc }}
                    """.formatted(FN, MAX_OUTPUT, MAX_OUTPUT));
            String out = call(chart, template);
            int at = out.indexOf("\nout: ");
            if (at < 0) {
                throw new Failure(0, "Helm's engine returned no output");
            }
            String b64 = out.substring(at + 6).strip();
            return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart for a go-templating step", e);
        } finally {
            delete(chart);
        }
    }

    private static String call(Path chart, GoTemplateRewriter.Rewritten template) {
        try {
            return new Helm(chart).template().call();
        } catch (IllegalStateException e) {
            throw failure(e.getMessage() == null ? "" : e.getMessage(), template);
        } catch (LinkageError e) {
            throw new Unavailable("Helm's template engine (helm-java) cannot load its native library on this platform: " + e);
        }
    }

    /**
     * Go's error for the user's template: the innermost position in _fn.tpl and the innermost message. A fail in
     * xp2aso's named templates reaches here as "execution error at (out.yaml...): xp2aso@N: message" (Helm keeps
     * only the top file's position), N the call site whose line the rewriter recorded.
     */
    static Failure failure(String message, GoTemplateRewriter.Rewritten template) {
        String m = message;
        int debug = m.indexOf("\n\nUse --debug");
        if (debug >= 0) {
            m = m.substring(0, debug);
        }
        m = m.strip();
        int line = 0;
        int pos = -1;
        Matcher mt = FN_POS.matcher(m);
        while (mt.find()) {
            line = Integer.parseInt(mt.group(1));
            pos = mt.start();
        }
        String text = m;
        Matcher site = SITE.matcher(m);
        if (site.find()) {
            line = template.line(Integer.parseInt(site.group(1)));
            text = m.substring(site.end());
        } else if (pos >= 0) {
            String tail = m.substring(pos);
            int at = tail.indexOf(">: ");
            int colon = tail.indexOf("): ");
            text = at >= 0 ? tail.substring(at + 3) : colon >= 0 ? tail.substring(colon + 3) : tail;
        } else if (m.startsWith("execution error at (") && m.contains("): ")) {
            // The template's own fail (or a function's error): Helm names only out.yaml's line.
            text = m.substring(m.indexOf("): ") + 3);
        }
        return new Failure(line, text.replace(FN, "manifests"));
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temporary folder holds only the request of one render.
        }
    }

    private static String helpers() {
        try (InputStream in = HelmTemplates.class.getResourceAsStream("_xp2aso.tpl")) {
            if (in == null) {
                throw new IllegalStateException("_xp2aso.tpl missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
