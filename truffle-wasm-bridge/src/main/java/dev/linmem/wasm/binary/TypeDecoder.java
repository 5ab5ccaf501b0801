package dev.linmem.wasm.binary;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.module.GlobalType;
import dev.linmem.wasm.module.MemoryLimits;
import dev.linmem.wasm.module.TableType;
import dev.linmem.wasm.module.ValType;
import java.util.OptionalLong;

/**
 * Reads the type encodings shared by several sections: value types, reference types, limits,
 * table, memory and global types. Only the format is checked here; the limits' ranges are
 * validation (see {@link ModuleValidator}), because the spec reports them as invalid, not malformed.
 */
final class TypeDecoder {

    private TypeDecoder() {
    }

    /**
     * A value type. The types of Wasm 3.0 features linmem does not implement (v128, typed and GC
     * references, exnref) are refused as unsupported, naming the feature; other bytes are malformed.
     */
    static ValType valType(CodeReader r) {
        int at = r.position();
        int code = r.u8();
        ValType t = ValType.fromCode(code);
        if (t == null) {
            WasmException unsupported = Unsupported.valueType(r, code, at);
            throw unsupported != null ? unsupported : WasmException.malformed("malformed value type 0x" + Integer.toHexString(code), at);
        }
        return t;
    }

    /** A reference type: funcref or externref (typed, GC and exception references are refused as unsupported). */
    static ValType refType(CodeReader r) {
        int at = r.position();
        int code = r.u8();
        ValType t = ValType.fromCode(code);
        if (t == null || !t.isReference()) {
            WasmException unsupported = t == null && code != Unsupported.V128 ? Unsupported.valueType(r, code, at) : null;
            throw unsupported != null ? unsupported : WasmException.malformed("malformed reference type 0x" + Integer.toHexString(code), at);
        }
        return t;
    }

    /**
     * The heap type of {@code ref.null}: func or extern, giving funcref or externref. Type indices
     * (typed function references) and the heap types of GC and exception handling are refused.
     */
    static ValType refNullHeapType(CodeReader r) {
        int at = r.position();
        ValType t = ValType.fromCode(r.peekU8());
        if (t != null && t.isReference()) {
            r.u8();
            return t;
        }
        throw Unsupported.heapType(r, at);
    }

    /**
     * The refusal of a block type whose first byte {@code b}, at {@code at}, is a one-byte negative
     * s33 (0x40 to 0x7F) but neither the empty type nor a value type linmem decodes: unsupported when
     * it is a type of a Wasm 3.0 feature, else malformed. Consumes what it reads.
     */
    static WasmException blockTypeRefusal(CodeReader r, int b, int at) {
        r.u8();
        WasmException unsupported = Unsupported.valueType(r, b, at);
        return unsupported != null ? unsupported : WasmException.malformed("malformed block type", at);
    }

    /**
     * A table type: reference type and limits (flags: bit 0 a maximum follows, bit 2 64-bit indices
     * (table64); sizes as u64 like Wasm 3.0, range checked by validation).
     */
    static TableType tableType(CodeReader r) {
        ValType elementType = refType(r);
        int at = r.position();
        int flags = r.u8();
        if ((flags & ~0x05) != 0) {
            throw WasmException.malformed("malformed limits flags 0x" + Integer.toHexString(flags), at);
        }
        long min = r.u64();
        OptionalLong max = (flags & 0x01) != 0 ? OptionalLong.of(r.u64()) : OptionalLong.empty();
        return new TableType(elementType, min, max, (flags & 0x04) != 0);
    }

    /**
     * A memory type. Flags: bit 0 a maximum follows, bit 1 shared (threads), bit 2 64-bit addresses
     * (memory64). Sizes are u64 in pages (Wasm 3.0), range checked by validation.
     */
    static MemoryLimits memoryType(CodeReader r) {
        int at = r.position();
        int flags = r.u8();
        if ((flags & ~0x07) != 0) {
            throw WasmException.malformed("malformed limits flags 0x" + Integer.toHexString(flags), at);
        }
        long min = r.u64();
        OptionalLong max = (flags & 0x01) != 0 ? OptionalLong.of(r.u64()) : OptionalLong.empty();
        return new MemoryLimits(min, max, (flags & 0x04) != 0, (flags & 0x02) != 0);
    }

    /** A global type: value type and mutability byte (0 const, 1 var). */
    static GlobalType globalType(CodeReader r) {
        ValType t = valType(r);
        int at = r.position();
        int mut = r.u8();
        if (mut > 1) {
            throw WasmException.malformed("malformed mutability", at);
        }
        return new GlobalType(t, mut == 1);
    }
}
