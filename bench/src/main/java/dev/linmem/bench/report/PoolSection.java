package dev.linmem.bench.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Item 4: pooled acquire + release against creating and freeing a fresh memory. */
final class PoolSection extends Section {
    static final double TARGET = 10;

    @Override
    String benchmark() {
        return "PoolBenchmark";
    }

    @Override
    void write() throws IOException {
        for (String acquire : values("acquireBytes")) {
            write(acquire);
        }
    }

    /**
     * One table, chart and ratio list per acquired size (the whole slot, or a part of it); runs
     * from before the acquireBytes parameter have none (null) and acquired the whole slot.
     */
    private void write(String acquire) throws IOException {
        List<String> impls = values("poolImpl");
        List<String> sizes = values("poolBytes");
        String used = acquire == null || acquire.equals("SLOT") ? "the whole slot" : mib(acquire);
        md.heading(2, "4. Pool (µs per acquire + release), memories acquired at " + used);
        md.paragraph("Each operation acquires a memory whose maximum is the size (columns) and whose minimum is " + used +
                        ", writes the first and last word of that minimum, " +
                        "and releases it (close): a pooled slot is zeroed for its next user, a fresh memory is freed.");
        medianTable("memory", "poolImpl", impls, Section::lower, "poolBytes", sizes, PoolSection::mib, at(acquire));
        List<String> categories = sizes.stream().map(PoolSection::mib).toList();
        String chartName = acquire == null || acquire.equals("SLOT") ? "pool" : "pool-" + acquire;
        Charts.bars(chartFile(chartName), "Item 4: µs per acquire + release, at " + used + " (log scale)", "µs", categories,
                        series(impls, categories, i -> s -> find(at(acquire, "poolImpl", i, "poolBytes", sizes.get(categories.indexOf(s))))), true);
        md.image("µs per acquire and release", chart(chartName));

        md.heading(3, "Ratios: fresh / pooled (target >= " + (int) TARGET + "x for 64 MiB)");
        List<List<String>> ratioRows = new ArrayList<>();
        for (String size : sizes) {
            for (String storage : List.of("NATIVE", "HEAP")) {
                double pooled = median(at(acquire, "poolImpl", "POOL_" + storage, "poolBytes", size));
                for (String fresh : List.of("FRESH_STATIC_" + storage, "FRESH_DYNAMIC_" + storage)) {
                    double ratio = median(at(acquire, "poolImpl", fresh, "poolBytes", size)) / pooled;
                    ratioRows.add(List.of(mib(size), lower("POOL_" + storage), lower(fresh), Markdown.ratio(ratio)));
                    if (size.equals(String.valueOf(64L << 20)) && Double.isFinite(ratio)) {
                        targets.add(new Target("pooled acquire+release >= " + (int) TARGET + "x faster than a fresh 64 MiB memory, acquired at " + used + " (" +
                                        lower("POOL_" + storage) + " vs " + lower(fresh) + ")",
                                        Markdown.ratio(ratio) + (ratio < TARGET ? ", missed by " + Markdown.ratio(TARGET / ratio) : ""),
                                        ratio >= TARGET));
                    }
                }
            }
        }
        md.table(List.of("size", "pooled", "fresh", "fresh / pooled"), ratioRows);
    }

    /** The name/value pairs, narrowed to one acquired size when the run has that parameter. */
    private static String[] at(String acquire, String... nameValues) {
        if (acquire == null) {
            return nameValues;
        }
        String[] narrowed = java.util.Arrays.copyOf(nameValues, nameValues.length + 2);
        narrowed[nameValues.length] = "acquireBytes";
        narrowed[nameValues.length + 1] = acquire;
        return narrowed;
    }

    static String mib(String bytes) {
        long b = Long.parseLong(bytes);
        return b >= 1 << 20 ? (b >> 20) + " MiB" : (b >> 10) + " KiB";
    }
}
