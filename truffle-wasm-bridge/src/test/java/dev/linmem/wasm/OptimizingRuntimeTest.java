package dev.linmem.wasm;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import com.oracle.truffle.api.Truffle;

/** The bridge's tests must run on the optimizing runtime; a silent fallback must fail the build. */
class OptimizingRuntimeTest {
    @Test
    void runtimeIsOptimizing() {
        assertNotEquals("Interpreted", Truffle.getRuntime().getName(), "Truffle fell back to the interpreter-only runtime: check the JVM flags and compiler jars");
    }
}
