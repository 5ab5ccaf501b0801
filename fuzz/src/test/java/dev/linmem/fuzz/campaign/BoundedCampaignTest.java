package dev.linmem.fuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.oracle.truffle.api.Truffle;

import dev.linmem.fuzz.FuzzTestSupport;
import dev.linmem.fuzz.linmem.ExecutionMode;
import dev.linmem.fuzz.linmem.MemoryKind;

/**
 * The bounded seeded campaign that runs with every build: {@value #VALID} binaryen-generated
 * modules, each interpreted, compiled and warm (the memory kinds taking turns), compared with V8;
 * then {@value #MALFORMED} malformed modules. It must find nothing: no discrepancy, no failure, no
 * crash, no hang, no blow-up. Failing cases are left in {@code target/fuzz-bounded/cases}.
 * Longer campaigns: {@code bin/linmem fuzz --count N --seed S}.
 */
class BoundedCampaignTest {
    static final int VALID = 250;
    static final int MALFORMED = 1000;
    static final long SEED = 1;

    @Test
    void aBoundedSeededCampaignFindsNothing() {
        assertNotEquals("Interpreted", Truffle.getRuntime().getName(), "Truffle fell back to the interpreter-only runtime: check the JVM flags and compiler jars");
        CampaignOptions options = new CampaignOptions(SEED, VALID, MALFORMED, List.of(ExecutionMode.values()), List.of(MemoryKind.values()), false,
                        3072, Path.of("target/fuzz-bounded").toAbsolutePath(), Duration.ofMinutes(2), Duration.ofSeconds(5), false, 2, "1g",
                        4L << 30);
        Statistics statistics = new Campaign(FuzzTestSupport.tools(), options, System.out).run();
        String report = statistics.report();
        System.out.println(report);

        assertEquals(0, statistics.failures(), report);
        assertEquals(VALID, statistics.validModules());
        assertEquals(MALFORMED, statistics.malformedModules());
        // The workers compiled with Graal, not the fallback runtime.
        assertFalse(statistics.runtimes().isEmpty());
        assertTrue(statistics.runtimes().stream().noneMatch("Interpreted"::equals), report);
        // The compiling modes compiled (with Graal: see the runtime above), the interpreter did not.
        for (MemoryKind kind : MemoryKind.values()) {
            assertEquals(0, statistics.compilations("interpreted/" + kind.text()), report);
            assertTrue(statistics.compilations("compiled/" + kind.text()) > 0, report);
            assertTrue(statistics.compilations("warm/" + kind.text()) > 0, report);
        }
        // Every mode ran every module, and every mode met every memory kind.
        Map<String, Map<Verdict, Integer>> byConfiguration = statistics.byConfiguration();
        for (ExecutionMode mode : ExecutionMode.values()) {
            int executions = 0;
            for (MemoryKind kind : MemoryKind.values()) {
                String configuration = mode.name().toLowerCase(java.util.Locale.ROOT) + "/" + kind.text();
                assertTrue(byConfiguration.containsKey(configuration), configuration + " never ran: " + report);
                executions += byConfiguration.get(configuration).values().stream().mapToInt(Integer::intValue).sum();
            }
            assertEquals(VALID, executions, mode + ": " + report);
        }
        // Agreement is the rule: stack exhaustion may make a few runs inconclusive, not many.
        assertTrue(statistics.total(Verdict.AGREE) >= 0.95 * 3 * VALID, report);
        // The malformed modules reached the decoder's error paths and, now and then, execution.
        assertTrue(statistics.total(Verdict.REJECTED) > MALFORMED / 2, report);
        assertTrue(statistics.total(Verdict.RAN) > 0, report);
    }
}
