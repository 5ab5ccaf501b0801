package dev.linmem.memory;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.truffle.api.Truffle;
import org.junit.jupiter.api.Test;

/**
 * This module's tests run on the optimizing runtime (the parent pom's JVM flags and compiler
 * jars). A silent fallback to the interpreter-only runtime must fail the build, not pass it.
 */
class OptimizingRuntimeTest {
    @Test
    void runtimeIsTheOptimizingOne() {
        String name = Truffle.getRuntime().getName();
        assertNotEquals("Interpreted", name, "Truffle fell back to the interpreter-only runtime: check the JVM flags and compiler jars");
        assertTrue(name.contains("GraalVM"), name);
    }
}
