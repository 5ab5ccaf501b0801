package dev.linmem.wasm.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedTypeException;

import dev.linmem.wasm.link.ImportSource;

/**
 * A polyglot import object {@code {moduleName: {fieldName: value}}} (a Java {@code ProxyObject}, a
 * JavaScript object, any interop object with members) as an import source. Values of this
 * language pass as the runtime objects they stand for (another instance's exported functions,
 * globals and tables are shared, not wrapped); linmem memories, host functions, globals and
 * tables pass as they are; any other executable (a Java {@code ProxyExecutable}, a JavaScript
 * function) becomes a function of the declared type, bound to the importing instance.
 */
final class InteropImports implements ImportSource {
    private static final InteropLibrary INTEROP = InteropLibrary.getUncached();

    private final Object importObject;

    private InteropImports(Object importObject) {
        this.importObject = importObject;
    }

    /** The import source of {@code importObject}, an argument of {@code newInstance}; null and undefined import nothing. */
    @TruffleBoundary
    static ImportSource of(Object importObject, Object[] arguments) throws UnsupportedTypeException {
        if (INTEROP.isNull(importObject)) {
            return ImportSource.NONE;
        }
        if (!INTEROP.hasMembers(importObject)) {
            throw UnsupportedTypeException.create(arguments, "the import object must be an object of modules, {moduleName: {fieldName: value}}");
        }
        return new InteropImports(importObject);
    }

    @Override
    @TruffleBoundary
    public Object lookup(String module, String name) {
        try {
            if (!INTEROP.isMemberReadable(importObject, module)) {
                return null;
            }
            Object fields = INTEROP.readMember(importObject, module);
            if (!INTEROP.isMemberReadable(fields, name)) {
                return null;
            }
            return importable(INTEROP.readMember(fields, name));
        } catch (InteropException e) {
            return null; // a member that could not be read is not there
        }
    }

    private static Object importable(Object value) {
        if (value instanceof FunctionObject function) {
            return function.function;
        } else if (value instanceof GlobalObject global) {
            return global.global;
        } else if (value instanceof TableObject table) {
            return table.table;
        } else if (INTEROP.isExecutable(value)) {
            return new InteropFunctionImport(value);
        }
        return value; // a memory, a host handle, or something the linker reports as incompatible
    }
}
