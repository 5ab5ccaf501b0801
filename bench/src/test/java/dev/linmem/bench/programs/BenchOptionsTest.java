package dev.linmem.bench.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bin/linmem bench --programs' command line: RUNS, programs, engines, loop sizes, and the launcher's paths. */
class BenchOptionsTest {
    private static final List<String> LAUNCHER = List.of("--root", "/r", "--own", "/o", "--third", "/t", "--out", "/out", "--java",
                    "/j/bin/java", "--jvm-flags", "-XX:+EnableJVMCI  --upgrade-module-path=/g", "--classpath", "a.jar:b.jar");

    private static BenchOptions parse(String... user) throws WasiCommandLine.UsageException {
        List<String> args = new ArrayList<>(LAUNCHER);
        args.addAll(List.of(user));
        return BenchOptions.parse(args.toArray(String[]::new));
    }

    @Test
    void defaultsRunEverything() throws Exception {
        BenchOptions o = parse();
        assertEquals(3, o.rounds());
        assertEquals(List.of(Program.values()), o.programs());
        assertEquals(List.of(ProgramEngine.values()), o.engines());
        assertEquals(1, o.steadyRounds());
        assertEquals(3, o.warmup());
        assertEquals(5, o.iterations());
        assertEquals(List.of("-XX:+EnableJVMCI", "--upgrade-module-path=/g"), o.launch().jvmFlags());
        assertEquals(Path.of("/j/bin/java"), o.launch().java());
        assertEquals(Path.of("/out"), o.out());
    }

    @Test
    void runsProgramsAndEnginesAsGiven() throws Exception {
        BenchOptions o = parse("--engines", "graalwasm,linmem-static-native", "--warmup", "0", "--iterations", "2", "--steady-rounds",
                        "0", "1", "hello", "lua");
        assertEquals(1, o.rounds());
        assertEquals(List.of(Program.HELLO, Program.LUA), o.programs());
        // Node always runs, first: its output is every run's reference
        assertEquals(List.of(ProgramEngine.NODE, ProgramEngine.GRAALWASM, ProgramEngine.LINMEM_STATIC_NATIVE), o.engines());
        assertEquals(0, o.steadyRounds());
        assertEquals(0, o.warmup());
        assertEquals(2, o.iterations());
    }

    @Test
    void programsWithoutRuns() throws Exception {
        BenchOptions o = parse("sqlite3");
        assertEquals(3, o.rounds());
        assertEquals(List.of(Program.SQLITE3), o.programs());
    }

    @Test
    void mistakesAreUsageErrors() {
        for (String[] user : List.of(new String[] {"0"}, new String[] {"-1"}, new String[] {"doom"}, new String[] {"--engines", "v8"},
                        new String[] {"--iterations", "0"}, new String[] {"--warmup", "-1"}, new String[] {"--steady"},
                        new String[] {"--rounds", "2"})) {
            assertThrows(WasiCommandLine.UsageException.class, () -> parse(user), List.of(user).toString());
        }
        assertThrows(WasiCommandLine.UsageException.class, () -> BenchOptions.parse(new String[] {"1", "hello"}));
    }

    @Test
    void enginesAndProgramsRunTheCommandsTheirNamesSay() {
        ProgramEngine.Launch launch = new ProgramEngine.Launch(Path.of("/r"), Path.of("/j"), List.of("-F"), "cp");
        assertEquals(List.of("/r/bin/linmem", "run"), ProgramEngine.LINMEM.wholeProcess(launch));
        assertEquals(List.of("/r/bin/linmem", "run", "--memory", "static", "--storage", "heap"),
                        ProgramEngine.LINMEM_STATIC_HEAP.wholeProcess(launch));
        assertEquals(List.of("/j", "-F", "-cp", "cp", LinmemWasiRun.class.getName(), "--memory", "dynamic", "--storage", "heap"),
                        ProgramEngine.LINMEM.steadyState(launch));
        assertEquals(List.of("/j", "-F", "-cp", "cp", ChicoryWasiRun.class.getName(), "--compiler"),
                        ProgramEngine.CHICORY_COMPILER.wholeProcess(launch));
        assertEquals(List.of("node", "--no-warnings", "/r/bench/time-to-result/node-steady.mjs"), ProgramEngine.NODE.steadyState(launch));
    }
}
