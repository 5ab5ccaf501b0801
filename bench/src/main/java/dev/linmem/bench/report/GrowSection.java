package dev.linmem.bench.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Item 3a: the cost of grow per page. */
final class GrowSection extends Section {
    @Override
    String benchmark() {
        return "GrowBenchmark";
    }

    @Override
    void write() throws IOException {
        List<String> kinds = values("growKind");
        md.heading(2, "3. Grow and deoptimization");
        md.heading(3, "Cost of grow (µs per page)");
        md.paragraph("512 grows by one page in a row (1 to 513 pages, maximum 1024), each followed by a write to the new page's " +
                        "last word, on a memory created before the measurement. A dynamic memory's moves and copies are part of its price.");
        List<List<String>> rows = new ArrayList<>();
        for (String kind : kinds) {
            rows.add(List.of(lower(kind), cell("growKind", kind)));
        }
        md.table(List.of("memory", "µs per page"), rows);
        List<String> categories = kinds.stream().map(Section::lower).toList();
        Charts.bars(chartFile("grow"), "Item 3: µs per one-page grow", "µs/page", categories,
                        series(List.of("grow by one page"), categories, s -> k -> find("growKind", k.toUpperCase(java.util.Locale.ROOT).replace(' ', '_'))), false);
        md.image("µs per page", chart("grow"));
    }
}
