package dev.linmem.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.linmem.wasm.module.WasmFunction;
import org.junit.jupiter.api.Test;

/**
 * The side table of CONTRACT.md on small bodies whose layout is known byte by byte. Each body
 * starts with 0x00 (no locals), so the first instruction is at {@code B = bodyStart}.
 */
class SideTableTest {

    private static final int[] VOID = {0x00, 0x00};
    private static final int[] TO_I32 = {0x00, 0x01, 0x7F};
    private static final int[] I32_TO_I32 = {0x01, 0x7F, 0x01, 0x7F};
    private static final int[] I32_TO_VOID = {0x01, 0x7F, 0x00};

    private static WasmFunction function(int[] type, int... instructions) {
        int[] body = Wasm.concat(new int[]{0x00}, instructions);
        WasmFunction f = ModuleDecoder.decode(Wasm.singleFunction(type, body)).functions().get(0);
        assertEquals(Wasm.singleFunctionBodyOffset(type) + 1, f.bodyStart(), "bodyStart");
        assertEquals(f.bodyStart() + instructions.length, f.bodyEnd(), "bodyEnd is just past the final end");
        assertEquals(instructions.length, f.sideTableIndex().length);
        return f;
    }

    /** The triple for the instruction at {@code B + offset} (the {@code k}-th one for br_table). */
    private static int[] triple(WasmFunction f, int offset, int k) {
        int index = f.sideTableIndex()[offset];
        int i = index + 3 * k;
        return new int[]{f.sideTable()[i] - f.bodyStart(), f.sideTable()[i + 1], f.sideTable()[i + 2]};
    }

    @Test
    void branchOutOfBlockTargetsThePcAfterItsEnd() {
        // block (result i32) i32.const 1 br 0 end end
        WasmFunction f = function(TO_I32, 0x02, 0x7F, 0x41, 0x01, 0x0C, 0x00, 0x0B, 0x0B);
        assertArrayEquals(new int[]{7, 1, 0}, triple(f, 4, 0));
        assertEquals(-1, f.sideTableIndex()[0], "block needs no entry");
        assertEquals(-1, f.sideTableIndex()[6], "end needs no entry");
        assertEquals(1, f.maxStackHeight());
    }

    @Test
    void branchToLoopTargetsTheLoopBodyWithItsParams() {
        // loop br 0 end end
        WasmFunction f = function(VOID, 0x03, 0x40, 0x0C, 0x00, 0x0B, 0x0B);
        assertArrayEquals(new int[]{2, 0, 0}, triple(f, 2, 0));
    }

    @Test
    void ifJumpsAfterElseAndElseJumpsToEnd() {
        // local.get 0 if (result i32) i32.const 1 else i32.const 2 end end
        WasmFunction f = function(I32_TO_I32, 0x20, 0x00, 0x04, 0x7F, 0x41, 0x01, 0x05, 0x41, 0x02, 0x0B, 0x0B);
        assertArrayEquals(new int[]{7, 0, 0}, triple(f, 2, 0), "if: first instruction after else");
        assertEquals(9, triple(f, 6, 0)[0], "else: pc of the matching end");
    }

    @Test
    void ifWithoutElseJumpsToItsEnd() {
        // local.get 0 if end end
        WasmFunction f = function(I32_TO_VOID, 0x20, 0x00, 0x04, 0x40, 0x0B, 0x0B);
        assertArrayEquals(new int[]{4, 0, 0}, triple(f, 2, 0));
    }

    @Test
    void brTableHasOneTriplePerLabelThenTheDefault() {
        // block block local.get 0 br_table [0 1] default 0 end end end
        WasmFunction f = function(I32_TO_VOID, 0x02, 0x40, 0x02, 0x40, 0x20, 0x00, 0x0E, 0x02, 0x00, 0x01, 0x00, 0x0B, 0x0B,
                        0x0B);
        assertArrayEquals(new int[]{12, 0, 0}, triple(f, 6, 0));
        assertArrayEquals(new int[]{13, 0, 0}, triple(f, 6, 1));
        assertArrayEquals(new int[]{12, 0, 0}, triple(f, 6, 2));
    }

    @Test
    void branchToTheFunctionLabelTargetsBodyEnd() {
        // br 0 end
        WasmFunction f = function(VOID, 0x0C, 0x00, 0x0B);
        assertArrayEquals(new int[]{3, 0, 0}, triple(f, 0, 0));
    }

    @Test
    void stackHeightIsTheHeightBelowTheBlockAndMaxHeightCountsAllOperands() {
        // i32.const 5 block (result i32) i32.const 1 i32.const 2 br 0 end i32.add end
        WasmFunction f = function(TO_I32, 0x41, 0x05, 0x02, 0x7F, 0x41, 0x01, 0x41, 0x02, 0x0C, 0x00, 0x0B, 0x6A, 0x0B);
        assertArrayEquals(new int[]{11, 1, 1}, triple(f, 8, 0));
        assertEquals(3, f.maxStackHeight());
    }

    @Test
    void brIfToBlockWithParamsUsesTheHeightBelowTheParams() {
        // type 1 = [i32] -> [i32]; i32.const 7 block (type 1) local.get 0 br_if 0 end end
        int[] typeSection = {0x02, 0x60, 0x01, 0x7F, 0x01, 0x7F, 0x60, 0x01, 0x7F, 0x01, 0x7F};
        int[] body = {0x00, 0x41, 0x07, 0x02, 0x01, 0x20, 0x00, 0x0D, 0x00, 0x0B, 0x0B};
        byte[] bytes = new Wasm().section(1, typeSection).section(3, 0x01, 0x00)
                        .section(10, Wasm.concat(new int[]{0x01, body.length}, body)).build();
        WasmFunction f = ModuleDecoder.decode(bytes).functions().get(0);
        int[] t = triple(f, 6, 0);
        assertArrayEquals(new int[]{9, 1, 0}, t);
    }
}
