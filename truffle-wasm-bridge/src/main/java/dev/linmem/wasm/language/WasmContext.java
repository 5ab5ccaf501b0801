package dev.linmem.wasm.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.nodes.Node;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryType;
import dev.linmem.wasm.link.LinkContext;
import dev.linmem.wasm.host.HostModule;
import dev.linmem.wasm.runtime.FunctionTypes;

/**
 * Per polyglot context state: the canonical function type ids, the allocator that creates the
 * memories modules define, every memory it made (closed with the context), and the built-in host
 * modules polyglot instantiations may import.
 */
public final class WasmContext implements LinkContext {
    private static final ContextReference<WasmContext> REFERENCE = ContextReference.create(WasmLanguage.class);

    private final WasmLanguage language;
    private final FunctionTypes functionTypes = new FunctionTypes();
    private volatile MemoryAllocator allocator = MemoryAllocator.dynamicHeap();
    /** Every memory this context's allocator made (module-defined and host modules'): closed with the engine. */
    private final List<LinearMemory> ownedMemories = Collections.synchronizedList(new ArrayList<>());
    /** The built-in host modules polyglot instantiations may import, by linking name. */
    private final Map<String, HostModule> builtins;
    private final int maxCallDepth;

    WasmContext(WasmLanguage language, Map<String, HostModule> builtins, int maxCallDepth) {
        this.language = language;
        this.builtins = builtins;
        this.maxCallDepth = maxCallDepth;
    }

    /** The context of the current thread's entered polyglot context. */
    public static WasmContext get(Node node) {
        return REFERENCE.get(node);
    }

    @Override
    public WasmLanguage language() {
        return language;
    }

    /** The value of {@code linmem-wasm.MaxCallDepth} for this context. */
    public int maxCallDepth() {
        return maxCallDepth;
    }

    @Override
    public FunctionTypes functionTypes() {
        return functionTypes;
    }

    public MemoryAllocator allocator() {
        return allocator;
    }

    public void setAllocator(MemoryAllocator allocator) {
        this.allocator = allocator;
    }

    Map<String, HostModule> builtins() {
        return builtins;
    }

    /** Lets built-in modules that hold host resources (WASI's open files) release them. */
    void closeBuiltins() {
        for (HostModule module : builtins.values()) {
            if (module instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // The context is going away; a resource that fails to close has nothing left to lose.
                }
            }
        }
    }

    /**
     * Allocates a memory through the embedder's allocator and remembers it, so that
     * {@link #closeMemories} frees it. Memories the host closed meanwhile are forgotten here: an
     * engine that instantiates module after module must not keep every closed memory (and a heap
     * memory's whole array) reachable until the engine closes.
     */
    @Override
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
}
