package dev.linmem.bench.report;

import java.util.ArrayList;
import java.util.List;

/** Host functions: one call from compiled wasm code to an imported function, by what the import is. */
final class HostCallSection extends Section {
    @Override
    String benchmark() {
        return "HostCallBenchmark";
    }

    @Override
    void write() {
        md.heading(2, "Host calls (ns per call)");
        md.paragraph("A compiled wasm loop calls the imported `env.inc` 10,000 times: a host function written in Java " +
                        "(linmem's `HostFunction`, GraalWasm's `ProxyExecutable` import) or a wasm function exported by another " +
                        "instance, which the compiler inlines completely (the baseline).");
        List<List<String>> rows = new ArrayList<>();
        for (String callee : values("callee")) {
            rows.add(List.of(lower(callee), cell("callee", callee)));
        }
        md.table(List.of("env.inc is", "ns per call"), rows);
        double host = median("callee", "LINMEM_HOST_FUNCTION");
        double wasm = median("callee", "LINMEM_WASM_FUNCTION");
        double graalWasmHost = median("callee", "GRAALWASM_HOST_FUNCTION");
        md.paragraph("linmem host function / linmem wasm function: " + Markdown.ratio(host / wasm) +
                        "; linmem host function / GraalWasm host function: " + Markdown.ratio(host / graalWasmHost) + ".");
    }
}
