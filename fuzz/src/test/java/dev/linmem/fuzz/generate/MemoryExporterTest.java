package dev.linmem.fuzz.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.linmem.fuzz.FuzzTestSupport;
import dev.linmem.wasm.binary.ModuleDecoder;
import dev.linmem.wasm.module.Export;
import dev.linmem.wasm.module.ExternalKind;
import dev.linmem.wasm.module.WasmModule;

/** Every memory ends up exported, earlier exports keep their positions, and a second pass changes nothing. */
class MemoryExporterTest {
    private static List<Export> exports(byte[] module) {
        WasmModule decoded = ModuleDecoder.decode(module);
        return decoded.exports();
    }

    @Test
    void addsAnExportSectionForUnexportedMemories() {
        byte[] rewritten = MemoryExporter.exportAllMemories(FuzzTestSupport.module("unexported-memory"));
        assertEquals(List.of(new Export("__linmem_fuzz_memory0", ExternalKind.MEMORY, 0), new Export("__linmem_fuzz_memory1", ExternalKind.MEMORY, 1)),
                        exports(rewritten));
    }

    @Test
    void appendsOnlyTheMissingMemoryAfterTheExistingExports() {
        byte[] rewritten = MemoryExporter.exportAllMemories(FuzzTestSupport.module("exported-memory"));
        List<Export> exports = exports(rewritten);
        assertEquals(List.of("first", "mem", "__linmem_fuzz_memory1"), exports.stream().map(Export::name).toList());
        assertEquals(new Export("__linmem_fuzz_memory1", ExternalKind.MEMORY, 1), exports.get(2));
    }

    @Test
    void isIdempotent() {
        byte[] once = MemoryExporter.exportAllMemories(FuzzTestSupport.module("unexported-memory"));
        assertArrayEquals(once, MemoryExporter.exportAllMemories(once));
    }
}
