package dev.linmem.wasm.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleStackTrace;

/**
 * The warm-up names Truffle classes by their internal names; a Truffle upgrade that renames one
 * would silently bring back the runtime poisoning it prevents, so every name must still resolve.
 */
class ExhaustionWarmUpTest {
    @Test
    void everyClassTheWarmUpNamesExists() {
        assertNotEquals("Interpreted", Truffle.getRuntime().getName(), "the runtime classes exist only in the optimizing runtime");
        assertEquals(List.of(), ExhaustionWarmUp.initialize(ExhaustionWarmUp.TRUFFLE_RUNTIME_CLASSES, Truffle.getRuntime().getClass().getClassLoader()));
        assertEquals(List.of(), ExhaustionWarmUp.initialize(ExhaustionWarmUp.TRUFFLE_API_CLASSES, TruffleStackTrace.class.getClassLoader()));
    }
}
