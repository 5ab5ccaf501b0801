package dev.linmem.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Summarizes diagnostics.log: a short JMH pass that run.sh makes after a full run with
 * engine.TraceCompilation and compiler.TracePerformanceWarnings on, whose forks write the
 * traces to stderr, which JMH copies into its output under each "# Parameters:" header. Per
 * benchmark it counts compilations, deoptimizations, invalidations, failures and performance
 * warnings, and lists the distinct warnings: the compiled code's own account of a slow result.
 */
final class Diagnostics {
    private Diagnostics() {
    }

    static void write(Path out, Markdown md) throws IOException {
        Path log = out.resolve("diagnostics.log");
        if (!Files.exists(log)) {
            return;
        }
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        String benchmark = "";
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("# Benchmark: ")) {
                String[] parts = line.substring("# Benchmark: ".length()).split("\\.");
                benchmark = parts[parts.length - 2];
            } else if (line.startsWith("# Parameters: ")) {
                current = new ArrayList<>();
                sections.put(benchmark + " " + line.substring("# Parameters: ".length()), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        md.heading(2, "Compilation evidence (diagnostics.log)");
        md.paragraph("A short extra pass over selected benchmarks with `engine.TraceCompilation` and `compiler.TracePerformanceWarnings=all`. " +
                        "Compilations are `opt done` lines (OSR compilations of wasm loops included), deoptimizations `opt deopt` (compiled " +
                        "code that transferred to the interpreter), invalidations `opt inval.` (including the close of each memory at " +
                        "teardown); warnings are the compiler's own. The pass lasts a few seconds per benchmark, so the counts compare " +
                        "engines, they are not rates.");
        List<List<String>> rows = new ArrayList<>();
        Map<String, Set<String>> warnings = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : sections.entrySet()) {
            List<String> lines = e.getValue();
            Set<String> distinct = new LinkedHashSet<>();
            lines.stream().filter(l -> l.contains("perf warn")).map(Diagnostics::warningText).forEach(distinct::add);
            rows.add(List.of(e.getKey(), count(lines, "opt done"), count(lines, "opt deopt"), count(lines, "opt inval."),
                            count(lines, "opt failed"), count(lines, "perf warn")));
            if (!distinct.isEmpty()) {
                warnings.put(e.getKey(), distinct);
            }
        }
        md.table(List.of("benchmark (parameters)", "compilations", "deoptimizations", "invalidations", "failed", "performance warnings"), rows);
        for (Map.Entry<String, Set<String>> e : warnings.entrySet()) {
            md.line("- " + e.getKey() + ":");
            e.getValue().stream().limit(6).forEach(w -> md.line("  - `" + w + "`"));
        }
        md.line("");
    }

    private static String count(List<String> lines, String marker) {
        return String.valueOf(lines.stream().filter(l -> l.contains(marker)).count());
    }

    /** The warning without the per-compilation noise (ids, addresses, times), so equal warnings collapse. */
    static String warningText(String line) {
        String text = line.substring(line.indexOf("perf warn") + "perf warn".length()).strip();
        text = text.replaceAll("@[0-9a-f]+", "").replaceAll("id=\\d+", "").replaceAll("\\|UTC [^|]*", "").replaceAll("\\s+", " ");
        return text.length() > 220 ? text.substring(0, 220) + "…" : text;
    }
}
