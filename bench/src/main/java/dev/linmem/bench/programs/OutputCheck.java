package dev.linmem.bench.programs;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a run printed what Node printed and exited as Node did. Node (V8 with uvwasi) is the
 * reference: a run whose output or status differs is not a result, however fast.
 */
public final class OutputCheck {
    /** How much of each side a difference quotes. */
    private static final int EXCERPT = 40;

    private OutputCheck() {
    }

    /** Empty when stdout and exit status are the same; else what differs, on one line. */
    public static Optional<String> difference(byte[] expected, int expectedStatus, byte[] actual, int actualStatus) {
        StringBuilder what = new StringBuilder();
        if (expectedStatus != actualStatus) {
            what.append("exit status ").append(actualStatus).append(", Node's ").append(expectedStatus);
        }
        int at = Arrays.mismatch(expected, actual);
        if (at >= 0) {
            if (!what.isEmpty()) {
                what.append("; ");
            }
            what.append("stdout differs at byte ").append(at).append(" (").append(actual.length).append(" bytes, Node's ")
                            .append(expected.length).append("): \"").append(excerpt(actual, at)).append("\", Node's \"")
                            .append(excerpt(expected, at)).append('"');
        }
        return what.isEmpty() ? Optional.empty() : Optional.of(what.toString());
    }

    /** Up to {@value #EXCERPT} bytes from {@code from}, control characters and non-ASCII escaped. */
    static String excerpt(byte[] bytes, int from) {
        return excerpt(bytes, from, EXCERPT);
    }

    /** Up to {@code length} bytes from {@code from}, control characters and non-ASCII escaped. */
    static String excerpt(byte[] bytes, int from, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < Math.min(bytes.length, from + length); i++) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case '\n' -> text.append("\\n");
                case '\t' -> text.append("\\t");
                case '"', '\\' -> text.append('\\').append((char) b);
                default -> {
                    if (b < 0x20 || b >= 0x7f) {
                        text.append(String.format("\\x%02x", b));
                    } else {
                        text.append((char) b);
                    }
                }
            }
        }
        return text.toString();
    }
}
