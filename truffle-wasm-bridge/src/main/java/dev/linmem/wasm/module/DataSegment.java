package dev.linmem.wasm.module;

/**
 * A data segment.
 *
 * @param mode active or passive
 * @param memoryIndex the memory an active segment initializes (0 for passive segments)
 * @param offset the start address (a byte offset into the memory) of an active segment, null when passive
 * @param bytes the segment's contents (a copy, owned by this segment)
 * @param dataStart offset in bytes into the module binary where the contents start
 */
public record DataSegment(SegmentMode mode, int memoryIndex, ConstExpr offset, byte[] bytes, int dataStart) {
}
