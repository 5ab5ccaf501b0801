package dev.linmem.wasm.link;

import java.util.Locale;
import java.util.OptionalLong;

import dev.linmem.memory.LinearMemory;
import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.host.WasmGlobal;
import dev.linmem.wasm.host.WasmTable;
import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.GlobalType;
import dev.linmem.wasm.module.Import;
import dev.linmem.wasm.module.MemoryLimits;
import dev.linmem.wasm.module.TableType;
import dev.linmem.wasm.module.WasmModule;
import dev.linmem.wasm.runtime.FunctionImport;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.GlobalInstance;
import dev.linmem.wasm.runtime.ModuleInstance;
import dev.linmem.wasm.runtime.TableInstance;

/**
 * Resolves a module's imports against an {@link ImportSource} and checks each against its
 * declared type, with the spec's import subtyping: limits match when the actual minimum (the
 * current size) is at least the declared one and, if a maximum is declared, the actual maximum
 * exists and is at most the declared one. Function imports that are bound per importer (host
 * functions, polyglot executables) are bound here. Failures are UNLINKABLE; the message starts
 * with the reference interpreter's text and goes on to say what was expected and found.
 */
final class ImportResolver {
    private ImportResolver() {
    }

    /** Fills the imported part of each index space of {@code instance}. */
    static void resolve(LinkContext context, ModuleInstance instance, ImportSource imports) {
        WasmModule module = instance.module();
        int functions = 0;
        int tables = 0;
        int memories = 0;
        int globals = 0;
        for (Import imp : module.imports()) {
            Object external = imports.lookup(imp.module(), imp.name());
            if (external == null) {
                throw unlinkable("unknown import", imp, "");
            }
            switch (imp.kind()) {
                case FUNCTION -> instance.functions()[functions++] = function(context, instance, imp, external, module.types().get(imp.typeIndex()));
                case TABLE -> instance.tables()[tables++] = table(imp, external, imp.table());
                case MEMORY -> instance.memories()[memories++] = memory(imp, external, imp.memory());
                case GLOBAL -> instance.globals()[globals++] = global(imp, external, imp.global());
            }
        }
    }

    private static FunctionInstance function(LinkContext context, ModuleInstance importer, Import imp, Object external, FuncType declared) {
        if (external instanceof FunctionInstance f) {
            if (f.type().equals(declared)) {
                return f;
            }
            throw mismatch(imp, "a function of type " + declared, "one of type " + f.type());
        }
        if (external instanceof FunctionImport f) {
            if (f.type() == null || f.type().equals(declared)) {
                return f.bind(context.language(), context.functionTypes(), importer, imp.module() + "." + imp.name(), declared);
            }
            throw mismatch(imp, "a function of type " + declared, "one of type " + f.type());
        }
        throw mismatch(imp, "a function", describe(external));
    }

    private static TableInstance table(Import imp, Object external, TableType declared) {
        TableInstance t = external instanceof WasmTable handle ? handle.runtimeTable() : external instanceof TableInstance table ? table : null;
        if (t == null) {
            throw mismatch(imp, "a table", describe(external));
        }
        if (t.elementType() == declared.elementType() && t.is64() == declared.is64()
                        && limitsMatch(t.size(), t.declaredMaximum(), declared.minimumSize(), declared.maximumSize())) {
            return t;
        }
        throw mismatch(imp, "a table of " + declared.elementType().text() + " with at least " + Long.toUnsignedString(declared.minimumSize()) + " elements"
                        + maximum(declared.maximumSize()), "one of " + t.elementType().text() + " with " + t.size() + " elements" + maximum(t.declaredMaximum()));
    }

    private static LinearMemory memory(Import imp, Object external, MemoryLimits declared) {
        if (!(external instanceof LinearMemory m)) {
            throw mismatch(imp, "a memory", describe(external));
        }
        if (m.type().is64() == declared.is64() && m.type().isShared() == declared.shared() && m.type().pageSizeBytes() == declared.pageSizeBytes()
                        && limitsMatch(m.pages(), m.type().maximumPages(), declared.minimumPages(), declared.maximumPages())) {
            return m;
        }
        throw mismatch(imp, "a memory of at least " + Long.toUnsignedString(declared.minimumPages()) + " pages" + maximum(declared.maximumPages())
                        + (declared.shared() ? ", shared" : ""), "one of " + m.pages() + " pages" + maximum(m.type().maximumPages()) + (m.isShared() ? ", shared" : ""));
    }

    private static GlobalInstance global(Import imp, Object external, GlobalType declared) {
        GlobalInstance g = external instanceof WasmGlobal handle ? handle.runtimeGlobal() : external instanceof GlobalInstance global ? global : null;
        if (g == null) {
            throw mismatch(imp, "a global", describe(external));
        }
        if (g.type().equals(declared)) {
            return g;
        }
        throw mismatch(imp, "a global " + text(declared), "a global " + text(g.type()));
    }

    private static String text(GlobalType type) {
        return (type.mutable() ? "mut " : "") + type.valueType().text();
    }

    private static String maximum(OptionalLong maximum) {
        return maximum.isPresent() ? " (maximum " + Long.toUnsignedString(maximum.getAsLong()) + ")" : "";
    }

    private static String describe(Object external) {
        if (external instanceof FunctionInstance || external instanceof FunctionImport) {
            return "a function";
        } else if (external instanceof LinearMemory) {
            return "a memory";
        } else if (external instanceof GlobalInstance || external instanceof WasmGlobal) {
            return "a global";
        } else if (external instanceof TableInstance || external instanceof WasmTable) {
            return "a table";
        }
        if (external instanceof Number || external instanceof String || external instanceof Boolean) {
            return external.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + external;
        }
        return "a " + external.getClass().getSimpleName();
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

    private static WasmException mismatch(Import imp, String expected, String found) {
        return unlinkable("incompatible import type", imp, ": expected " + expected + ", got " + found);
    }

    private static WasmException unlinkable(String text, Import imp, String detail) {
        return new WasmException(WasmException.Kind.UNLINKABLE,
                        text + ": " + imp.module() + "." + imp.name() + " (" + imp.kind().name().toLowerCase(Locale.ROOT) + ")" + detail);
    }
}
