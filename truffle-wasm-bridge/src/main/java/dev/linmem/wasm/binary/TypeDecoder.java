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

    /** The encoding of {@code v128}, refused because SIMD is not supported. */
    static final int V128 = 0x7B;

    private TypeDecoder() {
    }

    /** A value type; v128 is refused as unsupported. */
    static ValType valType(CodeReader r) {
        int at = r.position();
        int code = r.u8();
        ValType t = ValType.fromCode(code);
        if (t == null) {
            if (code == V128) {
                throw simdNotSupported("value type v128", code, at);
            }
            throw WasmException.malformed("malformed value type 0x" + Integer.toHexString(code) + unsupportedFeature(code), at);
        }
        return t;
    }

    /** Names the proposal a type code belongs to, for refusals of features linmem does not support. */
    static String unsupportedFeature(int code) {
        if (code == 0x63 || code == 0x64) {
            return " (typed function references are not supported)";
        }
        if ((code >= 0x65 && code <= 0x6E) || (code >= 0x71 && code <= 0x74)) {
            return " (GC and exception reference types are not supported)";
        }
        return "";
    }

    /** A reference type: funcref or externref. */
    static ValType refType(CodeReader r) {
        int at = r.position();
        int code = r.u8();
        ValType t = ValType.fromCode(code);
        if (t == null || !t.isReference()) {
            throw WasmException.malformed("malformed reference type 0x" + Integer.toHexString(code) + unsupportedFeature(code), at);
        }
        return t;
    }

    static WasmException simdNotSupported(String what, int code, int offset) {
        return WasmException.malformed("SIMD instructions are not supported (" + what + ", opcode 0x" + Integer.toHexString(code)
                        + " at byte 0x" + Integer.toHexString(offset) + ")", offset);
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
