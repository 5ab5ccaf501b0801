package dev.linmem.wasm.nodes;

import java.util.List;

import com.oracle.truffle.api.nodes.Node;

import dev.linmem.memory.nodes.MemoryCopyNode;
import dev.linmem.memory.nodes.MemoryFillNode;
import dev.linmem.memory.nodes.MemoryGrowNode;
import dev.linmem.memory.nodes.MemoryInitNode;
import dev.linmem.memory.nodes.MemoryLoadNode;
import dev.linmem.memory.nodes.MemorySizeNode;
import dev.linmem.memory.nodes.MemoryStoreNode;
import dev.linmem.wasm.module.MemoryLimits;
import dev.linmem.wasm.module.WasmFunction;
import dev.linmem.wasm.module.WasmModule;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.FunctionTypes;
import dev.linmem.wasm.runtime.ModuleInstance;

/**
 * Builds the interpreter node of a function for one instance: every memory instruction and call
 * (the sites {@link SiteLayout} finds) gets its own child node, so each site specializes on its
 * own. The nodes are made on a function's first call, after all functions of the instance have
 * call targets, because direct call sites bind their callee then.
 */
public final class FunctionNodeFactory {
    private FunctionNodeFactory() {
    }

    /**
     * The node of {@code function} for {@code instance}. Its child nodes, layout and immediates are
     * made on its first call (see {@link Preparation}), when every function, table and memory of
     * the instance exists.
     */
    public static WasmFunctionNode create(ModuleInstance instance, WasmFunction function, FunctionTypes types) {
        WasmModule module = instance.module();
        List<MemoryLimits> memoryTypes = module.allMemories();
        boolean[] memoryIs64 = new boolean[memoryTypes.size()];
        for (int i = 0; i < memoryIs64.length; i++) {
            memoryIs64[i] = memoryTypes.get(i).is64();
        }
        return new WasmFunctionNode(instance, function, memoryIs64, new Preparation(instance, function, types));
    }

    /** What a function node needs from the first call on: its child nodes, the site layout, the immediates. */
    record Prepared(int[] siteOfPc, Node[] sites, DecodedImmediates decoded) {
    }

    /** The deferred part of {@link #create}: the work a function that is never called never does. */
    record Preparation(ModuleInstance instance, WasmFunction function, FunctionTypes types) {
        Prepared prepare() {
            byte[] code = instance.module().bytes();
            SiteLayout layout = SiteLayout.of(code, function);
            Node[] sites = new Node[layout.sitePcs().length];
            for (int i = 0; i < sites.length; i++) {
                sites[i] = siteNode(instance, code, layout.sitePcs()[i], types);
            }
            return new Prepared(layout.siteOfPc(), sites, DecodedImmediates.of(code, function));
        }
    }

    /** The child node of the instruction at {@code pc}, one of those {@link SiteLayout} picks. */
    private static Node siteNode(ModuleInstance instance, byte[] code, int pc, FunctionTypes types) {
        int opcode = code[pc] & 0xff;
        switch (opcode) {
            case 0x10: {
                FunctionInstance callee = instance.function(Bytecode.readU32(code, pc + 1));
                return new DirectCallSiteNode(callee, callee.callTargetFrom(instance));
            }
            case 0x11: {
                int typeIndex = Bytecode.readU32(code, pc + 1);
                int tableIndex = Bytecode.readU32(code, pc + 1 + Bytecode.lebLength(code, pc + 1));
                var type = instance.module().types().get(typeIndex);
                return new IndirectCallSiteNode(type, types.idOf(type), instance.table(tableIndex), instance);
            }
            case 0x3F:
                return MemorySizeNode.create();
            case 0x40:
                return MemoryGrowNode.create();
            case 0xFE:
                return AtomicInstructions.siteNode(code, pc);
            case 0xFC: {
                int sub = Bytecode.readU32(code, pc + 1);
                return switch (sub) {
                    case 8 -> MemoryInitNode.create();
                    case 10 -> MemoryCopyNode.create();
                    default -> MemoryFillNode.create();
                };
            }
            default:
                return memoryAccessNode(code, pc, opcode);
        }
    }

    private static Node memoryAccessNode(byte[] code, int pc, int opcode) {
        int p = pc + 1;
        int flags = Bytecode.readU32(code, p);
        p += Bytecode.lebLength(code, p);
        if ((flags & 0x40) != 0) {
            p += Bytecode.lebLength(code, p);
        }
        long offset = Bytecode.readUnsigned(code, p);
        return switch (opcode) {
            case 0x28 -> MemoryLoadNode.create(4, false, offset); // i32.load
            case 0x29 -> MemoryLoadNode.create(8, false, offset); // i64.load
            case 0x2A -> MemoryLoadNode.create(4, false, offset); // f32.load
            case 0x2B -> MemoryLoadNode.create(8, false, offset); // f64.load
            case 0x2C -> MemoryLoadNode.create(1, true, offset); // i32.load8_s
            case 0x2D -> MemoryLoadNode.create(1, false, offset);
            case 0x2E -> MemoryLoadNode.create(2, true, offset); // i32.load16_s
            case 0x2F -> MemoryLoadNode.create(2, false, offset);
            case 0x30 -> MemoryLoadNode.create(1, true, offset); // i64.load8_s
            case 0x31 -> MemoryLoadNode.create(1, false, offset);
            case 0x32 -> MemoryLoadNode.create(2, true, offset); // i64.load16_s
            case 0x33 -> MemoryLoadNode.create(2, false, offset);
            case 0x34 -> MemoryLoadNode.create(4, true, offset); // i64.load32_s
            case 0x35 -> MemoryLoadNode.create(4, false, offset);
            case 0x36, 0x38 -> MemoryStoreNode.create(4, offset); // i32.store, f32.store
            case 0x37, 0x39 -> MemoryStoreNode.create(8, offset); // i64.store, f64.store
            case 0x3A, 0x3C -> MemoryStoreNode.create(1, offset); // store8
            case 0x3B, 0x3D -> MemoryStoreNode.create(2, offset); // store16
            case 0x3E -> MemoryStoreNode.create(4, offset); // i64.store32
            default -> throw new IllegalStateException("not a memory access: 0x" + Integer.toHexString(opcode));
        };
    }
}
