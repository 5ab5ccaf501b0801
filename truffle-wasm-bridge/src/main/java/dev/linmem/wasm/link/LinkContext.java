package dev.linmem.wasm.link;

import com.oracle.truffle.api.TruffleLanguage;

import dev.linmem.wasm.host.HostContext;
import dev.linmem.wasm.runtime.FunctionTypes;

/**
 * What instantiation needs from the polyglot context it runs in: the language that owns the call
 * targets, the canonical function type ids, and the allocator behind {@link #allocateMemory}.
 * The language's per-context state implements it, so this package does not depend on the language.
 */
public interface LinkContext extends HostContext {
    TruffleLanguage<?> language();

    FunctionTypes functionTypes();
}
