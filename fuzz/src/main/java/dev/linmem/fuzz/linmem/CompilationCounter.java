package dev.linmem.fuzz.linmem;

import java.io.OutputStream;

/**
 * The engine log of a context, reduced to counts of finished and failed compilations (lines with
 * {@code opt done} and {@code opt failed} of {@code engine.TraceCompilation}): the proof that a
 * compiled run ran code the optimizing runtime compiled, and a sign of code it could not. The
 * first failure's line is kept; other lines are dropped.
 */
final class CompilationCounter extends OutputStream {
    private final StringBuilder line = new StringBuilder();
    private int compilations;
    private int failures;
    private String firstFailure;

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            if (line.indexOf("opt done") >= 0) {
                compilations++;
            } else if (line.indexOf("opt failed") >= 0) {
                failures++;
                if (firstFailure == null) {
                    firstFailure = line.toString();
                }
            }
            line.setLength(0);
        } else if (line.length() < 400) {
            line.append((char) b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    synchronized int compilations() {
        return compilations;
    }

    synchronized int failures() {
        return failures;
    }

    /** The log line of the first failed compilation, or null. */
    synchronized String firstFailure() {
        return firstFailure;
    }
}
