package dev.linmem.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report over a small hand-made JMH JSON whose ratios are known, so no benchmark has to run. */
class ReportTest {
    @TempDir
    Path out;

    private List<Result> fixture() throws IOException {
        for (String name : List.of("jmh.json", "grow-recovery-STATIC_NATIVE.json")) {
            try (InputStream in = ReportTest.class.getResourceAsStream("/fixture/" + name)) {
                Files.copy(in, out.resolve(name));
            }
        }
        return Result.read(out.resolve("jmh.json"));
    }

    @Test
    void readsMediansAndErrorsFromTheRawIterations() throws IOException {
        Result r = fixture().get(0);
        assertEquals("AccessBenchmark", r.benchmark());
        assertEquals("STATIC_NATIVE", r.param("storage"));
        assertEquals(1.1, r.median(), 1e-9);
        assertEquals(0.11, r.error(), 1e-9);
        assertEquals(1.0, r.min(), 1e-9);
        assertEquals(1.2, r.max(), 1e-9);
    }

    @Test
    void ratiosAndTargetsComeOutOfOneRun() throws IOException {
        String report = Report.generate(fixture(), out, "full");
        // item 1: 1.1 / 1.0 against Unsafe, 1.1 / 0.5 against the segment: the best baseline decides
        assertTrue(report.contains("1.10x vs RAW_UNSAFE"), report);
        assertTrue(report.contains("2.20x vs RAW_SEGMENT"), report);
        assertTrue(report.contains("worst 2.20x (static native seq load i32), missed by 2.00x"), report);
        // item 2: 2 / 4 against GraalWasm (met), 2 / 3 against Chicory's compiler (missed by 1.33x)
        assertTrue(report.contains("| sort | linmem static native | 0.50x | 0.67x | 0.01x |"), report);
        assertTrue(report.contains("missed by 1.33x"), report);
        // item 4: 200 / 10
        assertTrue(report.contains("20.00x"), report);
        // item 5: 0.12 / 0.1
        assertTrue(report.contains("1.20x vs jdk array"), report);
        // item 3: no compilations after the eighth grow, every grow recovered
        assertTrue(report.contains("16 compilations over 10 grows, 0 after grow 8; every grow recovered: true | yes"), report);
        for (String chart : List.of("access", "kernels", "grow", "recovery", "pool", "bulk")) {
            assertTrue(Files.size(out.resolve("charts/" + chart + ".png")) > 1000, chart);
        }
    }
}
