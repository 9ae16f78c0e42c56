package io.xp2aso.report;

import java.io.OutputStream;
import java.io.Writer;

/**
 * Where a command's output files go, by path relative to the output folder: whole, or written in pieces so that
 * a large file (the handoff plan of 10,000 claims) is never held in memory. A path can be written only once:
 * two parts of the output claiming the same file is a bug, reported as {@link IllegalStateException}.
 * Several threads may write different files at once (migrate writes the ASO tree's files on every core); each opened
 * writer or stream is used by one thread.
 */
public interface OutputSink {
    /** Writes a whole UTF-8 text file. */
    void write(String path, String content);

    /** Opens a UTF-8 text file to write in pieces; it is complete when the writer is closed. */
    Writer open(String path);

    /**
     * Opens a file to write its bytes in pieces (UTF-8 text encoded by the caller, e.g. on several threads); it is
     * complete when the stream is closed.
     */
    OutputStream openStream(String path);
}
