package io.xp2aso.report;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An {@link OutputSink} that keeps the files as strings: for tests, `diff` and any caller comparing outputs.
 * Safe for several writing threads, like every sink.
 */
public final class InMemoryOutput implements OutputSink {
    private final SortedMap<String, String> files = new TreeMap<>();

    @Override
    public synchronized void write(String path, String content) {
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
                done(path, toString());
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
                done(path, toString(StandardCharsets.UTF_8));
            }
        };
    }

    private synchronized void claim(String path) {
        if (files.putIfAbsent(path, "") != null) {
            throw new IllegalStateException(path + " is written twice");
        }
    }

    private synchronized void done(String path, String content) {
        files.put(path, content);
    }

    /** The files written, sorted by path: a view, to read once every writer is done. */
    public SortedMap<String, String> files() {
        return Collections.unmodifiableSortedMap(files);
    }
}
