package dev.linmem.bench.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runners' shared command line: a misread option would run another program than Node runs, or time the wrong loop. */
class WasiCommandLineTest {
    private static WasiCommandLine parse(boolean memory, String... args) throws WasiCommandLine.UsageException {
        return WasiCommandLine.parse(args, memory);
    }

    @Test
    void preopensEnvironmentAndArgvAsBinLinmemRunTakesThem() throws Exception {
        WasiCommandLine c = parse(false, "--dir", "/tmp/d::/data", "--dir", "/srv", "--env", "A=1", "--env", "B=x=y",
                        "p.wasm", "/data/t.lua", "--not-an-option", "-vfs");
        assertEquals(List.of(new WasiCommandLine.Preopen(Path.of("/tmp/d"), "/data"), new WasiCommandLine.Preopen(Path.of("/srv"), "/srv")),
                        c.dirs());
        assertEquals(Map.of("A", "1", "B", "x=y"), c.env());
        // everything from the program on is its argv, options included; argv[0] is the file as given
        assertEquals(List.of("p.wasm", "/data/t.lua", "--not-an-option", "-vfs"), c.argv());
        assertEquals(Path.of("p.wasm"), c.program());
        assertNull(c.steady());
        assertTrue(c.memory().isEmpty());
    }

    @Test
    void steadyOptions() throws Exception {
        WasiCommandLine c = parse(false, "--warmup", "2", "--iterations", "5", "--stdin", "in", "--expect-stdout", "out",
                        "--expect-status", "3", "--fresh", "/w/data=/w/template", "--dir", "/w/data::/data", "p.wasm");
        assertEquals(new WasiCommandLine.Steady(2, 5, Path.of("in"), Path.of("out"), 3, Path.of("/w/data"), Path.of("/w/template")),
                        c.steady());
        WasiCommandLine defaults = parse(false, "--iterations", "1", "--stdin", "in", "--expect-stdout", "out", "p.wasm");
        assertEquals(new WasiCommandLine.Steady(0, 1, Path.of("in"), Path.of("out"), 0, null, null), defaults.steady());
    }

    @Test
    void memoryKindOnlyForLinmemsRunner() throws Exception {
        assertEquals(Map.of("memory", "static", "storage", "native"), parse(true, "--memory", "static", "--storage", "native", "p.wasm").memory());
        assertThrows(WasiCommandLine.UsageException.class, () -> parse(false, "--memory", "static", "p.wasm"));
    }

    @Test
    void mistakesAreUsageErrors() {
        for (String[] args : List.of(new String[] {}, new String[] {"--dir", "/x"}, new String[] {"--env", "NOVALUE", "p.wasm"},
                        new String[] {"--env", "=v", "p.wasm"}, new String[] {"--dir", "::/g", "p.wasm"}, new String[] {"--bogus", "1", "p.wasm"},
                        new String[] {"--iterations", "3", "p.wasm"}, // no --stdin or --expect-stdout
                        new String[] {"--iterations", "0", "--stdin", "i", "--expect-stdout", "o", "p.wasm"},
                        new String[] {"--iterations", "two", "--stdin", "i", "--expect-stdout", "o", "p.wasm"},
                        new String[] {"--iterations", "1", "--stdin", "i", "--expect-stdout", "o", "--fresh", "nodir", "p.wasm"},
                        new String[] {"--iterations"})) {
            assertThrows(WasiCommandLine.UsageException.class, () -> parse(true, args), List.of(args).toString());
        }
    }

    @Test
    void linmemsRunnerRefusesAnUnknownMemoryKind() {
        assertThrows(IllegalArgumentException.class, () -> LinmemWasiRun.preset("static", "disk"));
        LinmemWasiRun.preset("dynamic", "native").getClass(); // the four kinds of bin/linmem run exist
    }
}
