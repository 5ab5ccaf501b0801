package dev.linmem.bench.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Item 5: memory.copy and memory.fill against the JDK's copy and fill. */
final class BulkSection extends Section {
    static final double TARGET = 1.10;
    private static final List<String> LINMEM = List.of("STATIC_HEAP", "STATIC_NATIVE", "DYNAMIC_HEAP", "DYNAMIC_NATIVE");

    @Override
    String benchmark() {
        return "BulkBenchmark";
    }

    /** The JDK operation over the same kind of storage as a linmem kind. */
    static String baseline(String kind) {
        return kind.endsWith("HEAP") ? "JDK_ARRAY" : "JDK_SEGMENT";
    }

    @Override
    void write() throws IOException {
        List<String> impls = values("bulkImpl");
        List<String> ops = values("bulkOp");
        List<String> sizes = values("bulkBytes");
        md.heading(2, "5. Bulk operations (µs per operation)");
        md.paragraph("memory.copy (first half to second half) and memory.fill through linmem's nodes, against System.arraycopy / " +
                        "Arrays.fill (heap; JDK_ARRAY) and MemorySegment.copy / fill (native; JDK_SEGMENT), all in Truffle roots " +
                        "compiled by the same Graal compiler.");
        List<String> header = new ArrayList<>(List.of("op", "size"));
        header.addAll(impls.stream().map(Section::lower).toList());
        List<List<String>> rows = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (String op : ops) {
            for (String size : sizes) {
                List<String> row = new ArrayList<>(List.of(lower(op), PoolSection.mib(size)));
                impls.forEach(i -> row.add(cell("bulkImpl", i, "bulkOp", op, "bulkBytes", size)));
                rows.add(row);
                categories.add(lower(op) + " " + PoolSection.mib(size));
            }
        }
        md.table(header, rows);

        md.heading(3, "Ratios: linmem / JDK over the same storage (target <= " + TARGET + "x)");
        List<List<String>> ratioRows = new ArrayList<>();
        List<String> linmemKinds = LINMEM.stream().filter(impls::contains).toList();
        java.util.Map<String, double[][]> ratioSeries = new java.util.LinkedHashMap<>();
        linmemKinds.forEach(k -> ratioSeries.put(lower(k), new double[2][categories.size()]));
        double worst = 0;
        String worstAt = "";
        int met = 0;
        int total = 0;
        int c = 0;
        for (String op : ops) {
            for (String size : sizes) {
                List<String> row = new ArrayList<>(List.of(lower(op), PoolSection.mib(size)));
                for (String kind : linmemKinds) {
                    double ratio = median("bulkImpl", kind, "bulkOp", op, "bulkBytes", size) /
                                    median("bulkImpl", baseline(kind), "bulkOp", op, "bulkBytes", size);
                    ratioSeries.get(lower(kind))[0][c] = ratio;
                    row.add(Markdown.ratio(ratio) + " vs " + lower(baseline(kind)));
                    if (Double.isFinite(ratio)) {
                        total++;
                        met += ratio <= TARGET ? 1 : 0;
                        if (ratio > worst) {
                            worst = ratio;
                            worstAt = lower(kind) + " " + lower(op) + " " + PoolSection.mib(size);
                        }
                    }
                }
                ratioRows.add(row);
                c++;
            }
        }
        List<String> ratioHeader = new ArrayList<>(List.of("op", "size"));
        ratioHeader.addAll(linmemKinds.stream().map(Section::lower).toList());
        md.table(ratioHeader, ratioRows);
        Charts.bars(chartFile("bulk"), "Item 5: linmem / JDK (1.0 = as fast as the JDK)", "ratio", categories, ratioSeries, false);
        md.image("linmem over JDK for copy and fill", chart("bulk"));
        targets.add(new Target("bulk copy and fill within " + TARGET + "x of the JDK's",
                        met + " of " + total + " kind/op/size triples within; worst " + Markdown.ratio(worst) + " (" + worstAt + ")" +
                                        (worst > TARGET ? ", missed by " + Markdown.ratio(worst / TARGET) : ""),
                        total > 0 && met == total));
    }
}
