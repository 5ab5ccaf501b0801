package dev.linmem.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 3b: grows inside a hot compiled loop. The n-th measured iteration is the n-th grow; the
 * sidecar grow-recovery-KIND.json adds the invalidations and compilations each grow caused. The
 * target counts as met for a kind when every grow got back to full speed and the grows after
 * the first {@link #SETTLED_AFTER} caused no more compilations: recompilation is then bounded.
 */
final class RecoverySection extends Section {
    /** linmem renews a memory's assumptions 4 times (StableAssumption.RENEWAL_LIMIT); allow that many grows to settle. */
    static final int SETTLED_AFTER = 8;

    @Override
    String benchmark() {
        return "GrowRecoveryBenchmark";
    }

    @Override
    void write() throws IOException {
        List<String> kinds = values("recoveryKind");
        md.heading(3, "A grow in a hot loop: time back to full compiled speed");
        md.paragraph("A compiled loop of 4096 i32 loads grows its memory by one page in the same compiled code, then runs until the " +
                        "median of the last 21 calls is within 1.10x of the median before any grow. One grow per measured iteration, in " +
                        "order. Compilations are `opt done` lines of engine.TraceCompilation (single-tier, see machine.txt).");
        Map<String, double[]> lines = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (String kind : kinds) {
            Result r = find("recoveryKind", kind).orElseThrow();
            lines.put(lower(kind), r.iterations().stream().mapToDouble(Double::doubleValue).toArray());
            List<JsonNode> events = sidecar(kind);
            long invalidations = 0;
            long compilations = 0;
            long lateCompilations = 0;
            int lateFrom = SETTLED_AFTER + 1;
            boolean allRecovered = !events.isEmpty();
            for (JsonNode e : events) {
                invalidations += e.get("invalidations").asLong();
                compilations += e.get("compilations").asLong();
                if (e.get("grow").asInt() >= lateFrom) {
                    lateCompilations += e.get("compilations").asLong();
                }
                allRecovered &= e.get("recovered").asBoolean();
            }
            List<Double> it = r.iterations();
            String first = it.isEmpty() ? "n/a" : Markdown.number(it.get(0));
            String late = it.size() < lateFrom ? "n/a" : Markdown.number(Result.median(it.subList(lateFrom - 1, it.size()), Double.NaN));
            String sidecarNote = events.isEmpty() ? "no sidecar" : invalidations + " / " + compilations + " / " + lateCompilations;
            rows.add(List.of(lower(kind), first, late, sidecarNote, events.isEmpty() ? "n/a" : String.valueOf(allRecovered)));
            boolean met = !events.isEmpty() && allRecovered && lateCompilations == 0 && it.size() >= lateFrom;
            targets.add(new Target("memory grown in a hot loop back to full speed within a bounded number of recompilations (" + lower(kind) + ")",
                            compilations + " compilations over " + events.size() + " grows, " + lateCompilations + " after grow " +
                                            SETTLED_AFTER + "; every grow recovered: " + allRecovered,
                            met));
        }
        md.table(List.of("memory", "1st grow: ms to full speed", "median ms, grows " + (SETTLED_AFTER + 1) + "+",
                        "invalidations / compilations / compilations after grow " + SETTLED_AFTER, "all recovered"), rows);
        Charts.lines(chartFile("recovery"), "Item 3: ms from a grow in a hot loop to full speed (log scale)", "grow number", "ms", lines, true);
        md.image("time back to full speed after each grow", chart("recovery"));
    }

    private List<JsonNode> sidecar(String kind) throws IOException {
        Path file = out.resolve("grow-recovery-" + kind + ".json");
        List<JsonNode> events = new ArrayList<>();
        if (Files.exists(file)) {
            new ObjectMapper().readTree(file.toFile()).forEach(events::add);
        }
        return events;
    }
}
