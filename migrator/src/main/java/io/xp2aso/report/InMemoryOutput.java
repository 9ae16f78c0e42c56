package io.xp2aso.report;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** An {@link OutputSink} that keeps the files as strings: for tests, `diff` and any caller comparing outputs. */
public final class InMemoryOutput implements OutputSink {
    private final SortedMap<String, String> files = new TreeMap<>();

    @Override
    public void write(String path, String content) {
        if (files.putIfAbsent(path, content) != null) {
            throw new IllegalStateException(path + " is written twice");
        }
    }

    @Override
    public Writer open(String path) {
        claim(path);
        return new StringWriter() {
            @Override
            public void close() {
                files.put(path, toString());
            }
        };
    }

    /** The bytes are UTF-8 text, kept as a string when the stream is closed. */
    @Override
    public OutputStream openStream(String path) {
        claim(path);
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                files.put(path, toString(StandardCharsets.UTF_8));
            }
        };
    }

    private void claim(String path) {
        if (files.putIfAbsent(path, "") != null) {
            throw new IllegalStateException(path + " is written twice");
        }
    }

    /** The files written so far, sorted by path. */
    public SortedMap<String, String> files() {
        return Collections.unmodifiableSortedMap(files);
    }
}
