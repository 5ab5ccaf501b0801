package dev.linmem.memory;

/**
 * Where a memory's bytes are and how many there are, for code that caches them (wasmtime's
 * {@code vmmemory()}): {@code base} is the {@code byte[]} of heap storage or {@code null} for
 * native storage, {@code baseOffset} the {@link UnsafeAccess} offset of byte 0 (the address, for
 * native storage). Valid until the memory grows or is closed: a grow may move dynamic storage.
 */
public record MemoryView(Object base, long baseOffset, long byteSize) {
}
