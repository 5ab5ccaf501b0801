package dev.linmem.tests.safety;

import dev.linmem.memory.DynamicMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryLimiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One cell of the matrix: access kind x memory kind x index type x address shape x compile mode.
 * Written as one line ({@link #id}) so the driver can hand it to a worker JVM.
 */
record SafetyCase(Mode mode, Kind kind, boolean memory64, Access access, Shape shape) {

    /** How the code under test gets compiled before it goes out of bounds. */
    enum Mode {
        /** Every call target compiles before its first call, synchronously. */
        COMPILE_IMMEDIATELY(Map.of("engine.CompileImmediately", "true", "engine.BackgroundCompilation", "false",
                        "engine.MultiTier", "false", "engine.CompilationFailureAction", "Throw")),
        /** Both tiers, with low thresholds: in-bounds calls warm the code up, then it goes out of bounds. */
        WARM_UP(Map.of("engine.BackgroundCompilation", "false", "engine.FirstTierCompilationThreshold", "10",
                        "engine.LastTierCompilationThreshold", "40", "engine.CompilationFailureAction", "Throw")),
        /** No compilation at all: the interpreter's paths. */
        INTERPRETED(Map.of("engine.Compilation", "false"));

        final Map<String, String> options;

        Mode(Map<String, String> options) {
            this.options = options;
        }

        boolean compiles() {
            return this != INTERPRETED;
        }
    }

    /** The memory kinds: linmem's four and an embedder's storage. */
    enum Kind {
        STATIC_HEAP(MemoryAllocator.staticHeap()),
        STATIC_NATIVE(MemoryAllocator.staticNative()),
        DYNAMIC_HEAP(MemoryAllocator.dynamicHeap()),
        DYNAMIC_NATIVE(MemoryAllocator.dynamicNative()),
        EMBEDDER(type -> DynamicMemory.create(type, new ExactFitStorage(), MemoryLimiter.UNLIMITED));

        final MemoryAllocator allocator;

        Kind(MemoryAllocator allocator) {
            this.allocator = allocator;
        }

        boolean isDynamic() {
            return this == DYNAMIC_HEAP || this == DYNAMIC_NATIVE || this == EMBEDDER;
        }
    }

    String id() {
        return mode + " " + kind + " " + (memory64 ? "i64" : "i32") + " " + access + " " + shape;
    }

    static SafetyCase parse(String id) {
        String[] p = id.split(" ");
        return new SafetyCase(Mode.valueOf(p[0]), Kind.valueOf(p[1]), p[2].equals("i64"), Access.valueOf(p[3]), Shape.valueOf(p[4]));
    }

    /**
     * Every case that makes sense: i64-only shapes on i64 memories; host accesses (Java code, which
     * Truffle never compiles) in one mode only.
     */
    static List<SafetyCase> all() {
        List<SafetyCase> cases = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            for (Kind kind : Kind.values()) {
                for (boolean memory64 : new boolean[]{false, true}) {
                    for (Access access : Access.values()) {
                        if (access.isHost() && mode != Mode.INTERPRETED) {
                            continue;
                        }
                        for (Shape shape : Shape.values()) {
                            if (shape.memory64Only && !memory64) {
                                continue;
                            }
                            cases.add(new SafetyCase(mode, kind, memory64, access, shape));
                        }
                    }
                }
            }
        }
        return cases;
    }
}
