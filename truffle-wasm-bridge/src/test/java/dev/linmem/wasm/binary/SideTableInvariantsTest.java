package dev.linmem.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/**
 * Checks the shape of every side-table entry of every valid corpus module: only branches, if and
 * else have entries, and each target is where CONTRACT.md says it must be.
 */
class SideTableInvariantsTest {

    @Test
    void everyEntryOfEveryCorpusFunctionHasTheContractShape() throws IOException {
        Path root = SpecCorpus.locate();
        assertNotNull(root, "shared/wasm-spec not found");
        List<Path> modules;
        try (Stream<Path> walk = Files.walk(root)) {
            modules = walk.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        int functions = 0;
        int entries = 0;
        for (Path path : modules) {
            WasmModule module;
            try {
                module = ModuleDecoder.decode(Files.readAllBytes(path));
            } catch (WasmException e) {
                continue; // invalid modules of assert_invalid/assert_malformed
            }
            byte[] b = module.bytes();
            for (WasmFunction f : module.functions()) {
                functions++;
                assertEquals(0x0B, b[f.bodyEnd() - 1] & 0xFF, path + ": body ends with end");
                assertEquals(0, f.sideTable().length % 3);
                for (int i = 0; i < f.sideTableIndex().length; i++) {
                    int entry = f.sideTableIndex()[i];
                    if (entry < 0) {
                        continue;
                    }
                    entries++;
                    int pc = f.bodyStart() + i;
                    int opcode = b[pc] & 0xFF;
                    String where = path.getFileName() + " function " + f.functionIndex() + " pc " + pc;
                    int count = opcode == Opcodes.BR_TABLE ? CodeReader.readU32At(b, pc + 1) + 1 : 1;
                    for (int k = 0; k < count; k++) {
                        int target = f.sideTable()[entry + 3 * k];
                        int arity = f.sideTable()[entry + 3 * k + 1];
                        int height = f.sideTable()[entry + 3 * k + 2];
                        assertTrue(target > pc && target <= f.bodyEnd() || isLoopBodyStart(b, f, target, pc), where + " target " + target);
                        assertTrue(arity >= 0 && height >= 0 && height <= f.maxStackHeight(), where + " arity/height");
                        switch (opcode) {
                            case Opcodes.IF -> assertTrue((b[target - 1] & 0xFF) == Opcodes.ELSE || (b[target] & 0xFF) == Opcodes.END,
                                            where + ": if goes after its else or to its end");
                            case Opcodes.ELSE -> assertEquals(Opcodes.END, b[target] & 0xFF, where + ": else goes to its end");
                            case Opcodes.BR, Opcodes.BR_IF, Opcodes.BR_TABLE -> assertTrue(target == f.bodyEnd()
                                            || (b[target - 1] & 0xFF) == Opcodes.END || target <= pc, where + ": branch target");
                            default -> throw new AssertionError(where + ": entry on opcode 0x" + Integer.toHexString(opcode));
                        }
                    }
                }
            }
        }
        // the corpus is about memory: many functions, few branches
        assertTrue(functions > 1000 && entries > 300, functions + " functions, " + entries + " entries");
    }

    /** A backward branch must land just after a {@code loop bt} header. */
    private static boolean isLoopBodyStart(byte[] b, WasmFunction f, int target, int pc) {
        if (target < f.bodyStart() || target > pc) {
            return false;
        }
        for (int header = Math.max(f.bodyStart(), target - 6); header < target; header++) {
            if ((b[header] & 0xFF) == Opcodes.LOOP && header + 1 + CodeReader.lebLengthAt(b, header + 1) == target) {
                return true;
            }
        }
        return false;
    }
}
