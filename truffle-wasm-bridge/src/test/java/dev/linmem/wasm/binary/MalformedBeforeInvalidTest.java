package dev.linmem.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.module.WasmFunction;
import dev.linmem.wasm.module.WasmModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A module both invalid and malformed is malformed, as in the reference interpreter. */
class MalformedBeforeInvalidTest {

    private static final int[] VOID = {0x00, 0x00};

    @Test
    void illegalOpcodeAfterATypeErrorInTheSameBody() {
        // i64.const 0 i32.eqz (type error) then 0xff (illegal)
        byte[] bytes = Wasm.singleFunction(VOID, new int[]{0x00, 0x42, 0x00, 0x45, 0xFF, 0x0B});
        WasmException e = assertThrows(WasmException.class, () -> ModuleDecoder.decode(bytes));
        assertEquals(WasmException.Kind.MALFORMED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("illegal opcode ff"), e.getMessage());
    }

    @Test
    void malformedLaterBodyWinsOverAnInvalidEarlierOne() {
        // two functions: the first has a type error (i64.const 0, i32.eqz), the second a memop flags value >= 0x80
        byte[] bytes = new Wasm().section(1, 0x01, 0x60, 0x00, 0x00).section(3, 0x02, 0x00, 0x00).section(5, 0x01, 0x00, 0x01)
                        .section(10, 0x02, 0x06, 0x00, 0x42, 0x00, 0x45, 0x1A, 0x0B, 0x09, 0x00, 0x41, 0x00, 0x28, 0x80, 0x01, 0x00,
                                        0x1A, 0x0B)
                        .build();
        WasmException e = assertThrows(WasmException.class, () -> ModuleDecoder.decode(bytes));
        assertEquals(WasmException.Kind.MALFORMED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("malformed memop flags"), e.getMessage());
    }

    @Test
    void invalidStaysInvalidWhenTheRestIsWellFormed() {
        byte[] bytes = Wasm.singleFunction(VOID, new int[]{0x00, 0x42, 0x00, 0x45, 0x1A, 0x0B});
        WasmException e = assertThrows(WasmException.class, () -> ModuleDecoder.decode(bytes));
        assertEquals(WasmException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().startsWith("type mismatch"), e.getMessage());
    }

    @Test
    void invalidGlobalInitializerThenMalformedDataSection() {
        // global i32 = i64.const 0 (type mismatch); memory; data segment with kind 3 (malformed)
        byte[] bytes = new Wasm().section(5, 0x01, 0x00, 0x01).section(6, 0x01, 0x7F, 0x00, 0x42, 0x00, 0x0B)
                        .section(11, 0x01, 0x03, 0x00).build();
        WasmException e = assertThrows(WasmException.class, () -> ModuleDecoder.decode(bytes));
        assertEquals(WasmException.Kind.MALFORMED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("malformed data segment kind"), e.getMessage());
    }

    @Test
    void nonConstantInstructionIsInvalidOnceTheModuleIsWellFormed() {
        // global i32 = (block (result i32) i32.const 1 end) end: constant expression required
        byte[] bytes = new Wasm().section(6, 0x01, 0x7F, 0x00, 0x02, 0x7F, 0x41, 0x01, 0x0B, 0x0B).build();
        WasmException e = assertThrows(WasmException.class, () -> ModuleDecoder.decode(bytes));
        assertEquals(WasmException.Kind.INVALID, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("constant expression required"), e.getMessage());
        // the same with an illegal opcode inside the block is malformed
        byte[] malformed = new Wasm().section(6, 0x01, 0x7F, 0x00, 0x02, 0x7F, 0xFF, 0x0B, 0x0B).build();
        WasmException m = assertThrows(WasmException.class, () -> ModuleDecoder.decode(malformed));
        assertEquals(WasmException.Kind.MALFORMED, m.kind(), m.getMessage());
    }

    @Test
    void unknownTableInAnElementSegmentThenMalformedCode() {
        // element segment for table 1 (none exists), then a code section whose count mismatches
        byte[] bytes = new Wasm().section(1, 0x01, 0x60, 0x00, 0x00).section(3, 0x01, 0x00)
                        .section(9, 0x01, 0x02, 0x01, 0x41, 0x00, 0x0B, 0x00, 0x00).section(10, 0x00).build();
        WasmException e = assertThrows(WasmException.class, () -> ModuleDecoder.decode(bytes));
        assertEquals(WasmException.Kind.MALFORMED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("function and code section have inconsistent lengths"), e.getMessage());
    }

    /** The format-only scanner accepts every body the validator accepts, so it never turns invalid into malformed wrongly. */
    @Test
    void scannerAcceptsEveryValidCorpusBody() throws IOException {
        Path root = SpecCorpus.locate();
        assertNotNull(root);
        List<Path> modules;
        try (Stream<Path> walk = Files.walk(root)) {
            modules = walk.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        int bodies = 0;
        for (Path path : modules) {
            WasmModule module;
            try {
                module = ModuleDecoder.decode(Files.readAllBytes(path));
            } catch (WasmException e) {
                continue;
            }
            for (WasmFunction f : module.functions()) {
                BodyScanner.scan(module.bytes(), f.bodyStart(), f.bodyEnd());
                bodies++;
            }
        }
        for (long seed = 0; seed < 500; seed++) {
            WasmModule module = ModuleDecoder.decode(new ControlFlowProgramGenerator(seed).module());
            WasmFunction f = module.functions().get(0);
            BodyScanner.scan(module.bytes(), f.bodyStart(), f.bodyEnd());
            bodies++;
        }
        assertTrue(bodies > 1000, "bodies scanned: " + bodies);
    }
}
