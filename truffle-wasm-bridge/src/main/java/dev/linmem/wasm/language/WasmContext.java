package dev.linmem.wasm.language;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.nodes.Node;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryType;
import dev.linmem.wasm.runtime.FunctionTypes;
import dev.linmem.wasm.runtime.ModuleInstance;

/**
 * Per polyglot context state: the registry of importable instances (module name to instance), the
 * canonical function type ids, the allocator that creates module-defined memories, and where the
 * {@code spectest} print functions write.
 */
public final class WasmContext {
    private static final ContextReference<WasmContext> REFERENCE = ContextReference.create(WasmLanguage.class);

    private final WasmLanguage language;
    private final FunctionTypes functionTypes = new FunctionTypes();
    private final Map<String, ModuleInstance> registered = new ConcurrentHashMap<>();
    private MemoryAllocator allocator;
    /** Every memory this context's allocator made (module-defined and spectest's): closed with the engine. */
    private final List<LinearMemory> ownedMemories = Collections.synchronizedList(new ArrayList<>());
    private PrintStream spectestOutput = new PrintStream(OutputStream.nullOutputStream());
    private final int maxCallDepth;

    WasmContext(WasmLanguage language, int maxCallDepth) {
        this.language = language;
        this.maxCallDepth = maxCallDepth;
    }

    /** The context of the current thread's entered polyglot context. */
    public static WasmContext get(Node node) {
        return REFERENCE.get(node);
    }

    public WasmLanguage language() {
        return language;
    }

    /** The value of {@code linmem-wasm.MaxCallDepth} for this context. */
    public int maxCallDepth() {
        return maxCallDepth;
    }

    public FunctionTypes functionTypes() {
        return functionTypes;
    }

    public MemoryAllocator allocator() {
        return allocator;
    }

    public void setAllocator(MemoryAllocator allocator) {
        this.allocator = allocator;
    }

    /**
     * Allocates a memory through the embedder's allocator and remembers it, so that
     * {@link #closeMemories} frees it. Memories the host closed meanwhile are forgotten here: an
     * engine that instantiates module after module must not keep every closed memory (and a heap
     * memory's whole array) reachable until the engine closes.
     */
    public LinearMemory allocateMemory(MemoryType type) {
        LinearMemory memory = allocator.allocate(type);
        synchronized (ownedMemories) {
            ownedMemories.removeIf(LinearMemory::isClosed);
            ownedMemories.add(memory);
        }
        return memory;
    }

    /**
     * Closes every memory allocated through {@link #allocateMemory}: native storage is freed now
     * rather than by a cleaner, and pool slots go back to their pool.
     */
    public void closeMemories() {
        synchronized (ownedMemories) {
            for (LinearMemory memory : ownedMemories) {
                memory.close();
            }
            ownedMemories.clear();
        }
    }

    public PrintStream spectestOutput() {
        return spectestOutput;
    }

    public void setSpectestOutput(PrintStream out) {
        this.spectestOutput = out;
    }

    /** Makes {@code instance} importable under {@code moduleName}, replacing any earlier one. */
    public void register(String moduleName, ModuleInstance instance) {
        registered.put(moduleName, instance);
    }

    /** The instance registered under {@code moduleName}, or null. */
    public ModuleInstance registered(String moduleName) {
        return registered.get(moduleName);
    }
}
