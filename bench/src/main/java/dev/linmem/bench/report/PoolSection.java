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
        List<String> impls = values("poolImpl");
        List<String> sizes = values("poolBytes");
        md.heading(2, "4. Pool (µs per acquire + release)");
        md.paragraph("Each operation acquires a memory whose minimum and maximum are the size, writes its first and last word, " +
                        "and releases it (close): a pooled slot is zeroed for its next user, a fresh memory is freed.");
        medianTable("memory", "poolImpl", impls, Section::lower, "poolBytes", sizes, PoolSection::mib);
        List<String> categories = sizes.stream().map(PoolSection::mib).toList();
        Charts.bars(chartFile("pool"), "Item 4: µs per acquire + release (log scale)", "µs", categories,
                        series(impls, categories, i -> s -> find("poolImpl", i, "poolBytes", sizes.get(categories.indexOf(s)))), true);
        md.image("µs per acquire and release", chart("pool"));

        md.heading(3, "Ratios: fresh / pooled (target >= " + (int) TARGET + "x for 64 MiB)");
        List<List<String>> ratioRows = new ArrayList<>();
        for (String size : sizes) {
            for (String storage : List.of("NATIVE", "HEAP")) {
                double pooled = median("poolImpl", "POOL_" + storage, "poolBytes", size);
                for (String fresh : List.of("FRESH_STATIC_" + storage, "FRESH_DYNAMIC_" + storage)) {
                    double ratio = median("poolImpl", fresh, "poolBytes", size) / pooled;
                    ratioRows.add(List.of(mib(size), lower("POOL_" + storage), lower(fresh), Markdown.ratio(ratio)));
                    if (size.equals(String.valueOf(64L << 20)) && Double.isFinite(ratio)) {
                        targets.add(new Target("pooled acquire+release >= " + (int) TARGET + "x faster than a fresh 64 MiB memory (" +
                                        lower("POOL_" + storage) + " vs " + lower(fresh) + ")",
                                        Markdown.ratio(ratio) + (ratio < TARGET ? ", missed by " + Markdown.ratio(TARGET / ratio) : ""),
                                        ratio >= TARGET));
                    }
                }
            }
        }
        md.table(List.of("size", "pooled", "fresh", "fresh / pooled"), ratioRows);
    }

    static String mib(String bytes) {
        long b = Long.parseLong(bytes);
        return b >= 1 << 20 ? (b >> 20) + " MiB" : (b >> 10) + " KiB";
    }
}
