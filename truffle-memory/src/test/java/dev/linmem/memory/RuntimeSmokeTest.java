package dev.linmem.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.oracle.truffle.api.Truffle;
import org.junit.jupiter.api.Test;

class RuntimeSmokeTest {
    @Test
    void runsOnOptimizingRuntime() {
        assertEquals("Interpreted".equals(Truffle.getRuntime().getName()), false, Truffle.getRuntime().getName());
        System.out.println("runtime: " + Truffle.getRuntime().getName());
    }
}
