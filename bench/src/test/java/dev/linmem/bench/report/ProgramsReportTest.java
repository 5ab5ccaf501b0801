package dev.linmem.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.bench.programs.Measurement;
import dev.linmem.bench.programs.ProgramsRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real-program report over a hand-made run whose ratios are known, so no program has to run. */
class ProgramsReportTest {
    @TempDir
    Path out;

    private static Measurement whole(String program, String engine, int round, double seconds) {
        return new Measurement(program, engine, Measurement.WHOLE, round, 1, false, seconds, seconds * 1.5, null);
    }

    private static Measurement steady(String program, String engine, int round, int iteration, boolean warmup, double seconds,
                    String difference) {
        return new Measurement(program, engine, Measurement.STEADY, round, iteration, warmup, seconds, Double.NaN, difference);
    }

    /**
     * Three rounds of lua on Node, linmem and GraalWasm, with the machine twice as slow in round 2
     * (every engine's time doubles: a round's ratio stays the same); GraalWasm's third run differed
     * from Node's. One steady round, a warm-up run each that must not count.
     */
    private static ProgramsRun run() {
        List<Measurement> m = new ArrayList<>();
        double[] drift = {1, 2, 1};
        for (int round = 1; round <= 3; round++) {
            double d = drift[round - 1];
            m.add(whole("lua", "node", round, 0.1 * d));
            m.add(whole("lua", "linmem", round, 3.0 * d));
            m.add(round == 3 ? new Measurement("lua", "graalwasm", Measurement.WHOLE, 3, 1, false, 0.5, 0.5, "exit status 1, Node's 0")
                            : whole("lua", "graalwasm", round, 4.0 * d));
        }
        m.add(steady("lua", "node", 1, 1, true, 1.0, null));
        m.add(steady("lua", "node", 1, 2, false, 0.02, null));
        m.add(steady("lua", "node", 1, 3, false, 0.04, null));
        m.add(steady("lua", "linmem", 1, 1, true, 9.0, null));
        m.add(steady("lua", "linmem", 1, 2, false, 0.03, null));
        m.add(steady("lua", "linmem", 1, 3, false, 0.03, null));
        m.add(steady("lua", "graalwasm", 1, 1, true, 9.0, null));
        m.add(steady("lua", "graalwasm", 1, 2, false, 0.01, "stdout differs at byte 0"));
        m.add(steady("lua", "graalwasm", 1, 3, false, 0.01, null));
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cpu", "test");
        return new ProgramsRun(machine, List.of("lua"), List.of("node", "linmem", "graalwasm"), 3, 1, 1, 2, m);
    }

    @Test
    void ratiosAreTakenWithinEachRoundAndOnlyOverRunsThatMatchedNode() {
        ProgramsAnalysis a = new ProgramsAnalysis(run());
        Stats vsNode = a.wholeRatio("lua", "linmem", "node");
        assertEquals(3, vsNode.n());
        assertEquals(30, vsNode.median(), 1e-9);
        assertEquals(0, vsNode.errorBar(), 1e-9); // the drift cancels within each round
        Stats linmemTimes = a.whole("lua", "linmem");
        assertEquals(3.0, linmemTimes.median(), 1e-9);
        assertEquals(3.0 + 0.5 * 3.0, linmemTimes.q3(), 1e-9); // 3, 3, 6: the drift shows in the times
        // GraalWasm's third run differed: two rounds count
        Stats vsGraal = a.wholeRatio("lua", "linmem", "graalwasm");
        assertEquals(2, vsGraal.n());
        assertEquals(0.75, vsGraal.median(), 1e-9);
        assertEquals(2, a.whole("lua", "graalwasm").n());
        assertEquals(4.5, a.wholeCpu("lua", "linmem").median(), 1e-9);
    }

    @Test
    void steadyStateCountsMeasuredRunsOfRoundsWithoutADifference() {
        ProgramsAnalysis a = new ProgramsAnalysis(run());
        Stats node = a.steady("lua", "node");
        assertEquals(2, node.n()); // not the warm-up run
        assertEquals(0.03, node.median(), 1e-12);
        assertEquals(1.0, a.steadyRatio("lua", "linmem", "node").median(), 1e-9);
        // a run of GraalWasm's loop differed: the round does not count
        assertEquals(0, a.steady("lua", "graalwasm").n());
        assertEquals(0, a.steadyRatio("lua", "linmem", "graalwasm").n());
    }

    @Test
    void reportHasTablesGoalsDifferencesAndCharts() throws Exception {
        String text = ProgramsReport.write(run(), out);
        assertEquals(text, Files.readString(out.resolve("report.md")));
        assertTrue(text.contains("| lua | 0.100 [0.100–0.150] | 3.00 [3.00–4.50] | 6.00 [5.00–7.00] (1 of 3 differ) |"), text);
        assertTrue(text.contains("| lua | 30.00x [30.0–30.0] | 40.00x [40.0–40.0] (1 of 3 differ) |"), text);
        // goals: linmem / GraalWasm 0.75x (not at most 0.5x), linmem / Node 30x (not within 5x)
        assertTrue(text.contains("| lua | 0.75x [0.750–0.750] | missed | 30.00x [30.0–30.0] | missed | missed |"), text);
        assertTrue(text.contains("- lua on GraalWasm, whole process: 1 run(s); round 3: exit status 1, Node's 0"), text);
        assertTrue(text.contains("- lua on GraalWasm, steady state: 1 run(s); round 1, run 2: stdout differs at byte 0"), text);
        assertTrue(text.contains("fails (1 of 1 differ)"), text);
        for (String chart : List.of("programs-lua", "programs-whole-vs-node", "programs-steady-vs-node")) {
            assertTrue(Files.size(out.resolve("charts/" + chart + ".png")) > 1000, chart);
            assertTrue(text.contains("charts/" + chart + ".png"), chart);
        }
    }

    @Test
    void resultsFileKeepsEverythingIncludingNotMeasuredCpu() throws Exception {
        ProgramsRun run = run();
        run.write(out.resolve("runs.json"));
        ProgramsRun back = ProgramsRun.read(out.resolve("runs.json"));
        assertEquals(run.measurements().size(), back.measurements().size());
        for (int i = 0; i < run.measurements().size(); i++) {
            Measurement a = run.measurements().get(i);
            Measurement b = back.measurements().get(i);
            assertEquals(a.seconds(), b.seconds());
            assertEquals(a.cpuSeconds(), b.cpuSeconds()); // NaN == NaN for boxed equals
            assertEquals(a.difference(), b.difference());
            assertEquals(a.warmup(), b.warmup());
        }
        assertEquals(run.machine(), back.machine());
        assertEquals(run.engines(), back.engines());
    }
}
