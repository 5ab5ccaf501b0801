package dev.linmem.wasm.module;

import java.util.OptionalLong;

/**
 * The type of a linear memory as declared by a module: limits in pages, index type, sharing.
 *
 * <p>The decoder has already checked the spec's limits: minimum &lt;= maximum, at most 65,536 pages
 * (4 GiB) for a 32-bit memory and at most 2^48 pages for a 64-bit one, a maximum on every shared
 * memory. The engine converts this into the library's {@code MemoryType}.
 *
 * @param minimumPages the initial size, in pages
 * @param maximumPages the maximum size in pages, empty when unbounded
 * @param is64 true for a memory64 memory (addresses are i64), false for i32 addresses
 * @param shared true for a threads-proposal shared memory
 * @param pageSizeBytes the page size in bytes: 65536 (the only one the binary format encodes today)
 */
public record MemoryLimits(long minimumPages, OptionalLong maximumPages, boolean is64, boolean shared, int pageSizeBytes) {

    /** The standard WebAssembly page size, in bytes. */
    public static final int DEFAULT_PAGE_SIZE_BYTES = 65536;

    public MemoryLimits(long minimumPages, OptionalLong maximumPages, boolean is64, boolean shared) {
        this(minimumPages, maximumPages, is64, shared, DEFAULT_PAGE_SIZE_BYTES);
    }

    /** The type of addresses: {@link ValType#I64} for memory64, else {@link ValType#I32}. */
    public ValType addressType() {
        return is64 ? ValType.I64 : ValType.I32;
    }
}
