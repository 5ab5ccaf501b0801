package dev.linmem.wasm.link;

import java.util.Objects;

/**
 * Where an instantiation finds its imports: the embedder's imports object, another instance's
 * exports, host modules, a polyglot import object.
 */
@FunctionalInterface
public interface ImportSource {
    /** An import source with nothing in it. */
    ImportSource NONE = (module, name) -> null;

    /**
     * The value imported as {@code module.name}, or null when this source has none. A value is a
     * runtime object ({@code FunctionInstance}, {@code FunctionImport}, {@code TableInstance},
     * {@code LinearMemory}, {@code GlobalInstance}) or a host handle ({@code HostFunction},
     * {@code WasmTable}, {@code WasmGlobal}); anything else is an incompatible import.
     */
    Object lookup(String module, String name);

    /** This source, and {@code next} for what this one does not have. */
    default ImportSource orElse(ImportSource next) {
        Objects.requireNonNull(next);
        return (module, name) -> {
            Object value = lookup(module, name);
            return value != null ? value : next.lookup(module, name);
        };
    }
}
