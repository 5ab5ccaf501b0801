package dev.linmem.bench.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Item 2: wasm kernels on linmem against GraalWasm and Chicory. */
final class KernelSection extends Section {
    private static final List<String> LINMEM = List.of("LINMEM_STATIC_HEAP", "LINMEM_STATIC_NATIVE", "LINMEM_DYNAMIC_HEAP", "LINMEM_DYNAMIC_NATIVE");

    @Override
    String benchmark() {
        return "KernelBenchmark";
    }

    @Override
    void write() throws IOException {
        List<String> kernels = values("kernel");
        List<String> engines = values("engine");
        md.heading(2, "2. Wasm kernels against the peers (ms per call)");
        md.paragraph("Kernels from `bench/kernels` (C through clang/lld for wasm32, and grow.wat), each result checked against V8's " +
                        "before any time counts and on every call. GraalWasm 25.0.2 runs on the same JVM, class path and Graal " +
                        "compiler; Chicory 1.7.5 as its interpreter and as its compiler to JVM bytecode (then run by HotSpot's JIT). " +
                        "GROW_PAGES instantiates a fresh module per call and grows its memory 512 times by one page.");
        medianTable("kernel", "kernel", kernels, Section::lower, "engine", engines, Section::lower);
        List<String> categories = kernels.stream().map(Section::lower).toList();
        Charts.bars(chartFile("kernels"), "Item 2: ms per kernel call (log scale)", "ms/call", categories,
                        series(engines, categories, e -> k -> find("kernel", upper(k), "engine", e)), true);
        md.image("ms per kernel call", chart("kernels"));

        md.heading(3, "Ratios: linmem / peer (targets: <= 1.00x GraalWasm, <= 0.50x Chicory's compiler)");
        List<List<String>> ratioRows = new ArrayList<>();
        int pairs = 0;
        int metGraal = 0;
        int metChicory = 0;
        double worstGraal = 0;
        double worstChicory = 0;
        String worstGraalAt = "";
        String worstChicoryAt = "";
        for (String kernel : kernels) {
            for (String engine : LINMEM) {
                double linmem = median("kernel", kernel, "engine", engine);
                double graal = linmem / median("kernel", kernel, "engine", "GRAALWASM");
                double chicory = linmem / median("kernel", kernel, "engine", "CHICORY_COMPILER");
                double interpreter = linmem / median("kernel", kernel, "engine", "CHICORY_INTERPRETER");
                if (!Double.isFinite(linmem)) {
                    continue;
                }
                pairs++;
                metGraal += graal <= 1.0 ? 1 : 0;
                metChicory += chicory <= 0.5 ? 1 : 0;
                if (graal > worstGraal) {
                    worstGraal = graal;
                    worstGraalAt = lower(kernel) + " on " + lower(engine);
                }
                if (chicory > worstChicory) {
                    worstChicory = chicory;
                    worstChicoryAt = lower(kernel) + " on " + lower(engine);
                }
                ratioRows.add(List.of(lower(kernel), lower(engine), Markdown.ratio(graal), Markdown.ratio(chicory), Markdown.ratio(interpreter)));
            }
        }
        md.table(List.of("kernel", "linmem", "/ GraalWasm", "/ Chicory compiler", "/ Chicory interpreter"), ratioRows);
        targets.add(new Target("every kernel at least as fast on linmem as on GraalWasm",
                        metGraal + " of " + pairs + " kernel/kind pairs; worst " + Markdown.ratio(worstGraal) + " (" + worstGraalAt + ")" +
                                        (worstGraal > 1 ? ", missed by " + Markdown.ratio(worstGraal) : ""),
                        pairs > 0 && metGraal == pairs));
        targets.add(new Target("every kernel >= 2x Chicory's compiler",
                        metChicory + " of " + pairs + " kernel/kind pairs; worst linmem/Chicory " + Markdown.ratio(worstChicory) + " (" +
                                        worstChicoryAt + ")" + (worstChicory > 0.5 ? ", missed by " + Markdown.ratio(worstChicory / 0.5) : ""),
                        pairs > 0 && metChicory == pairs));
    }

    private static String upper(String lowered) {
        return lowered.toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
    }
}
