package dev.linmem.bench.programs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One iteration of the steady-state loop, as a runner prints it on its standard output and the
 * driver reads it back; the runners in Java and node-steady.mjs write the same line:
 * <pre>steady iteration=3 warmup=false nanos=123456789 status=0 same=true</pre>
 * or, when the run's output or status was not Node's, {@code same=false difference=TEXT} (TEXT
 * to the end of the line).
 *
 * @param iteration counted from 1 over warm-up and measured runs together
 * @param difference null when the run printed what Node printed and exited as Node did
 */
public record SteadyLine(int iteration, boolean warmup, long nanos, int status, String difference) {
    private static final Pattern LINE = Pattern.compile(
                    "steady iteration=(\\d+) warmup=(true|false) nanos=(\\d+) status=(-?\\d+) same=(true|false)(?: difference=(.*))?");

    public boolean same() {
        return difference == null;
    }

    public String format() {
        return String.format(Locale.ROOT, "steady iteration=%d warmup=%b nanos=%d status=%d same=%b%s", iteration, warmup, nanos,
                        status, same(), same() ? "" : " difference=" + difference.replaceAll("\\R", " "));
    }

    /** The line's iteration, or null when {@code line} is not a steady line (anything else a runner printed). */
    public static SteadyLine parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return null;
        }
        boolean same = Boolean.parseBoolean(m.group(5));
        String difference = m.group(6);
        if (same != (difference == null)) {
            return null; // same=true with a difference, or same=false without one: not a line a runner writes
        }
        return new SteadyLine(Integer.parseInt(m.group(1)), Boolean.parseBoolean(m.group(2)), Long.parseLong(m.group(3)),
                        Integer.parseInt(m.group(4)), difference);
    }
}
