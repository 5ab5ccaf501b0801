package dev.linmem.bench.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Item 1: linmem's compiled nodes against hand-written Java over the same storage. */
final class AccessSection extends Section {
    static final double TARGET = 1.10;
    private static final List<String> LINMEM = List.of("STATIC_HEAP", "STATIC_NATIVE", "DYNAMIC_HEAP", "DYNAMIC_NATIVE");

    @Override
    String benchmark() {
        return "AccessBenchmark";
    }

    /** Hand-written baselines over the same kind of storage as a linmem kind. */
    static List<String> baselines(String kind) {
        return kind.endsWith("HEAP") ? List.of("RAW_VARHANDLE", "RAW_BYTE_ARRAY_SUPPORT") : List.of("RAW_UNSAFE", "RAW_SEGMENT");
    }

    @Override
    void write() throws IOException {
        List<String> ops = values("op");
        List<String> storages = values("storage");
        md.heading(2, "1. Nodes against the physical limit (ns per access)");
        md.paragraph("Compiled Truffle loops of " + "8192 accesses per call; linmem's DSL nodes on a constant memory of each kind " +
                        "against hand-written Java over the same storage, compiled in Truffle roots by the same Graal compiler. " +
                        "RAW_UNSAFE has no bounds checks: it is the floor; the byte[] and MemorySegment baselines check bounds as their APIs do.");
        medianTable("op", "op", ops, Section::lower, "storage", storages, s -> s);
        Charts.bars(chartFile("access"), "Item 1: ns per access", "ns/access", ops.stream().map(Section::lower).toList(),
                        series(storages, ops.stream().map(Section::lower).toList(),
                                        s -> op -> find("op", op.toUpperCase(java.util.Locale.ROOT).replace(' ', '_'), "storage", s)),
                        false);
        md.image("ns per access", chart("access"));

        md.heading(3, "Ratios: linmem / hand-written Java (target <= " + TARGET + "x against the best over the same storage)");
        List<List<String>> ratioRows = new ArrayList<>();
        double worst = 0;
        String worstAt = "";
        int met = 0;
        int total = 0;
        for (String kind : LINMEM) {
            if (!storages.contains(kind)) {
                continue;
            }
            for (String op : ops) {
                double linmem = median("op", op, "storage", kind);
                List<String> base = baselines(kind);
                double r0 = linmem / median("op", op, "storage", base.get(0));
                double r1 = linmem / median("op", op, "storage", base.get(1));
                double best = Math.max(r0, r1);
                if (Double.isFinite(best)) {
                    total++;
                    met += best <= TARGET ? 1 : 0;
                    if (best > worst) {
                        worst = best;
                        worstAt = lower(kind) + " " + lower(op);
                    }
                }
                ratioRows.add(List.of(lower(kind), lower(op), Markdown.ratio(r0) + " vs " + base.get(0),
                                Markdown.ratio(r1) + " vs " + base.get(1), best <= TARGET ? "yes" : "no"));
            }
        }
        md.table(List.of("linmem kind", "op", "ratio 1", "ratio 2", "within " + TARGET + "x of the best"), ratioRows);
        targets.add(new Target("compiled loads/stores within " + TARGET + "x of hand-written Java over the same storage",
                        met + " of " + total + " kind/op pairs within; worst " + Markdown.ratio(worst) + " (" + worstAt + "), " +
                                        (worst > TARGET ? "missed by " + Markdown.ratio(worst / TARGET) : "met"),
                        total > 0 && met == total));
    }
}
