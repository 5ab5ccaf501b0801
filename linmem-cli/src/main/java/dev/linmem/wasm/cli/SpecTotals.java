package dev.linmem.wasm.cli;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of spec commands: passed, failed, and skipped by reason. What {@code bin/linmem spectest}
 * prints at the end and the spec suites assert on (nothing failed, and nothing skipped for a
 * reason the suite does not allow).
 */
public final class SpecTotals {
    private int passed;
    private int failed;
    private final Map<String, Integer> skippedByReason = new TreeMap<>();

    /** Counts one outcome. */
    public void add(SpecOutcome outcome) {
        switch (outcome.status()) {
            case PASSED -> passed++;
            case FAILED -> failed++;
            case SKIPPED -> skippedByReason.merge(outcome.skipReason(), 1, Integer::sum);
        }
    }

    /** Adds another set of totals to these. */
    public void add(SpecTotals other) {
        passed += other.passed;
        failed += other.failed;
        other.skippedByReason.forEach((reason, n) -> skippedByReason.merge(reason, n, Integer::sum));
    }

    public int passed() {
        return passed;
    }

    public int failed() {
        return failed;
    }

    public int skipped() {
        return skippedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Skipped commands per reason, sorted by reason. */
    public Map<String, Integer> skippedByReason() {
        return Map.copyOf(skippedByReason);
    }

    /**
     * {@code N passed, N failed, N skipped}, then one indented line per skip reason:
     * {@code   N skipped: unsupported feature: GC types}.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(passed).append(" passed, ").append(failed).append(" failed, ")
                .append(skipped()).append(" skipped");
        skippedByReason.forEach((reason, n) -> s.append(System.lineSeparator()).append("  ").append(n).append(" skipped: ").append(reason));
        return s.toString();
    }
}
