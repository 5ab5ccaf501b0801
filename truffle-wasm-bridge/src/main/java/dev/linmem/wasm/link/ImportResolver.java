package dev.linmem.wasm.link;

import java.util.OptionalLong;

import dev.linmem.memory.LinearMemory;
import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.language.WasmContext;
import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.GlobalType;
import dev.linmem.wasm.module.Import;
import dev.linmem.wasm.module.MemoryLimits;
import dev.linmem.wasm.module.TableType;
import dev.linmem.wasm.module.WasmModule;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.GlobalInstance;
import dev.linmem.wasm.runtime.ModuleInstance;
import dev.linmem.wasm.runtime.TableInstance;

/**
 * Resolves a module's imports against the registered instances and checks each against its
 * declared type, with the spec's import subtyping: limits match when the actual minimum (the
 * current size) is at least the declared one and, if a maximum is declared, the actual maximum
 * exists and is at most the declared one. Failures are UNLINKABLE with the reference
 * interpreter's texts.
 */
final class ImportResolver {
    private ImportResolver() {
    }

    /** Fills the imported part of each index space of {@code instance}. */
    static void resolve(WasmContext context, ModuleInstance instance) {
        WasmModule module = instance.module();
        int functions = 0;
        int tables = 0;
        int memories = 0;
        int globals = 0;
        for (Import imp : module.imports()) {
            Object external = lookup(context, imp);
            switch (imp.kind()) {
                case FUNCTION -> instance.functions()[functions++] = function(imp, external, module.types().get(imp.typeIndex()));
                case TABLE -> instance.tables()[tables++] = table(imp, external, imp.table());
                case MEMORY -> instance.memories()[memories++] = memory(imp, external, imp.memory());
                case GLOBAL -> instance.globals()[globals++] = global(imp, external, imp.global());
            }
        }
    }

    private static Object lookup(WasmContext context, Import imp) {
        ModuleInstance exporter = context.registered(imp.module());
        Object external = exporter == null ? null : exporter.export(imp.name());
        if (external == null) {
            throw unlinkable("unknown import", imp);
        }
        return external;
    }

    private static FunctionInstance function(Import imp, Object external, FuncType declared) {
        if (external instanceof FunctionInstance f && f.type().equals(declared)) {
            return f;
        }
        throw unlinkable("incompatible import type", imp);
    }

    private static TableInstance table(Import imp, Object external, TableType declared) {
        if (external instanceof TableInstance t && t.elementType() == declared.elementType() && t.is64() == declared.is64()
                        && limitsMatch(t.size(), t.declaredMaximum(), declared.minimumSize(), declared.maximumSize())) {
            return t;
        }
        throw unlinkable("incompatible import type", imp);
    }

    private static LinearMemory memory(Import imp, Object external, MemoryLimits declared) {
        if (external instanceof LinearMemory m && m.type().is64() == declared.is64() && m.type().isShared() == declared.shared()
                        && m.type().pageSizeBytes() == declared.pageSizeBytes()
                        && limitsMatch(m.pages(), m.type().maximumPages(), declared.minimumPages(), declared.maximumPages())) {
            return m;
        }
        throw unlinkable("incompatible import type", imp);
    }

    private static GlobalInstance global(Import imp, Object external, GlobalType declared) {
        if (external instanceof GlobalInstance g && g.type().equals(declared)) {
            return g;
        }
        throw unlinkable("incompatible import type", imp);
    }

    /** Limits are unsigned (a table64 maximum may exceed 2^63), so they compare unsigned. */
    static boolean limitsMatch(long actualMinimum, OptionalLong actualMaximum, long declaredMinimum, OptionalLong declaredMaximum) {
        if (Long.compareUnsigned(actualMinimum, declaredMinimum) < 0) {
            return false;
        }
        if (declaredMaximum.isEmpty()) {
            return true;
        }
        return actualMaximum.isPresent() && Long.compareUnsigned(actualMaximum.getAsLong(), declaredMaximum.getAsLong()) <= 0;
    }

    private static WasmException unlinkable(String text, Import imp) {
        return new WasmException(WasmException.Kind.UNLINKABLE, text + ": " + imp.module() + "." + imp.name() + " (" + imp.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
}
