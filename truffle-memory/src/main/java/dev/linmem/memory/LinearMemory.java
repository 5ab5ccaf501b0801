package dev.linmem.memory;

import static dev.linmem.memory.UnsafeAccess.BYTE_ARRAY_BASE;
import static dev.linmem.memory.UnsafeAccess.UNSAFE;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidBufferOffsetException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A WebAssembly linear memory: the policy layer over {@link StaticMemory static} or
 * {@link DynamicMemory dynamic} storage (see the package documentation for the picture).
 *
 * <p>Everything that is policy lives here: the {@link MemoryType}, the current size, grow (limits,
 * the {@link MemoryLimiter}, the all-or-nothing guarantee, statistics), host access and the
 * interop buffer messages (so polyglot hosts read and write it as a buffer without knowing
 * linmem). The subclasses only say where the bytes are and how storage grows.
 *
 * <p>Sizes only grow, so a check that passed against an older, smaller size is still sound. For
 * shared memories the size is published with release/acquire ordering (a volatile field), so a
 * thread that sees the new size also sees the storage made accessible for it.
 */
@ExportLibrary(InteropLibrary.class)
public abstract sealed class LinearMemory implements TruffleObject, AutoCloseable permits StaticMemory, DynamicMemory {
    private final MemoryType type;
    private final MemoryLimiter limiter;
    /** The runtime maximum in bytes: the type's maximum, lowered by what the storage can hold. */
    private final long maximumBytes;
    private final boolean shared;
    private final int pageSizeBytes;

    /** Current size in bytes, for unshared memories (only their owning thread grows them). */
    private long byteSize;
    /** Current size in bytes, for shared memories: written with release, read with acquire. */
    private volatile long sharedByteSize;
    private volatile boolean closed;

    /** Waiters of memory.atomic.wait; only shared memories have them. */
    private final WaitQueues waitQueues;
    /** Threads inside now: one owner at a time, or any number when shared; frees the storage after close. */
    private final MemoryUsers users;
    /** The size when close() was called: all a pool has to zero. */
    private long finalByteSize;

    private long grows;
    private long failedGrows;
    long moves;
    long bytesCopiedByMoves;
    long invalidations;

    LinearMemory(MemoryType type, long storageMaximumBytes, MemoryLimiter limiter) {
        this.type = Objects.requireNonNull(type, "type");
        this.limiter = limiter == null ? MemoryLimiter.UNLIMITED : limiter;
        this.shared = type.isShared();
        this.pageSizeBytes = type.pageSizeBytes();
        this.waitQueues = shared ? new WaitQueues() : null;
        this.users = new MemoryUsers(!shared, this::freeClosedStorage);
        long typeMaximumBytes = MemoryType.saturatingBytes(type.maximumPagesOrLimit(), pageSizeBytes);
        // whole pages only: a storage limit that is not a page multiple is rounded down
        long storageMaximumPages = storageMaximumBytes / pageSizeBytes;
        this.maximumBytes = Math.min(typeMaximumBytes, MemoryType.saturatingBytes(storageMaximumPages, pageSizeBytes));
    }

    /** An empty memory: no pages, no maximum beyond zero, heap storage (wasmtime's {@code Default}). */
    public static LinearMemory empty() {
        return DynamicMemory.onHeap(MemoryType.of(0, 0));
    }

    /** Grows the new memory to its type's minimum, or explains why it cannot. Called by the factories. */
    final void allocateMinimum() {
        long minimumBytes = type.minimumBytes();
        if (minimumBytes > maximumBytes) {
            throw new MemoryAllocationException("cannot create a memory of type " + type + ": its minimum of " +
                            minimumBytes + " bytes exceeds what this storage can hold (" + maximumBytes + " bytes)");
        }
        boolean grown;
        try {
            grown = growStorage(0, minimumBytes);
        } catch (OutOfMemoryError e) {
            grown = false;
        }
        if (!grown) {
            throw new MemoryAllocationException("cannot allocate the minimum of " + minimumBytes + " bytes for a memory of type " + type);
        }
        publishByteSize(minimumBytes);
    }

    public final MemoryType type() {
        return type;
    }

    /** Current size in bytes. */
    public final long byteSize() {
        return shared ? sharedByteSize : byteSize;
    }

    /** Current size in pages. */
    public final long pages() {
        return byteSize() / pageSizeBytes;
    }

    /**
     * The most pages this memory can grow to: the type's maximum, or lower when the storage (a
     * static memory's capacity, a pool slot, the heap's array limit) cannot hold that much. Empty
     * when neither the type nor the storage bounds it.
     */
    public final OptionalLong maximumPages() {
        long pages = maximumBytes / pageSizeBytes;
        boolean unbounded = type.maximumPages().isEmpty() && pages >= MemoryType.pageLimit(type.is64(), pageSizeBytes);
        return unbounded ? OptionalLong.empty() : OptionalLong.of(pages);
    }

    /** The runtime maximum in bytes (see {@link #maximumPages()}). */
    public final long maximumBytes() {
        return maximumBytes;
    }

    public final boolean isShared() {
        return shared;
    }

    public final boolean isClosed() {
        return closed;
    }

    /**
     * Makes the calling thread a user of this memory until {@link #exit()}: an interpreter calls it
     * before running guest code that accesses the memory, as linmem's wasm engine does whenever a
     * call enters an instance. An unshared memory admits one thread at a time (its owner, who may
     * enter again for free); a shared one admits any number. While a thread is inside, no grow moves
     * the storage from under it (only the owner grows an unshared memory) and no close frees it:
     * freeing waits for the last user to exit. The host methods of this class enter by themselves.
     *
     * @return true when the caller must call {@link #exit()}, false when the thread already owned
     *         this unshared memory (then it must not)
     * @throws MemoryInUseException when another thread is inside this unshared memory
     */
    public final boolean enter() {
        return users.enter(this);
    }

    /** Ends a use that {@link #enter()} returned true for; the last user of a closed memory frees its storage. */
    public final void exit() {
        users.exit();
    }

    /** Whether the calling thread is inside this unshared memory already, so that {@link #enter()} would return false. */
    public final boolean isOwnedByCurrentThread() {
        return users.ownedByCurrentThread();
    }

    /** Whether the bytes live off the Java heap. */
    public abstract boolean isNative();

    /** The array holding the bytes, or null for native storage. For nodes; see {@link MemoryView}. */
    public abstract Object storageBase();

    /** The {@link UnsafeAccess} offset of byte 0 within {@link #storageBase()}. For nodes; see {@link MemoryView}. */
    public abstract long storageOffset();

    /** Where the bytes are now and how many; valid until the next grow or close (wasmtime's {@code vmmemory()}). */
    public final MemoryView view() {
        synchronized (this) {
            return new MemoryView(storageBase(), storageOffset(), byteSize());
        }
    }

    /**
     * Grows the memory by {@code deltaPages} (read as unsigned, as wasm's operand is).
     *
     * @return the old size in pages, or -1 with nothing changed when the new size would pass the
     *         maximum, the limiter vetoes, or the storage cannot be had (an {@link OutOfMemoryError}
     *         included). New bytes read as zero.
     */
    @TruffleBoundary
    public final long grow(long deltaPages) {
        boolean entered = enter();
        try {
            return growEntered(deltaPages);
        } finally {
            if (entered) {
                exit();
            }
        }
    }

    private long growEntered(long deltaPages) {
        synchronized (this) {
            long oldBytes = byteSize();
            long oldPages = oldBytes / pageSizeBytes;
            if (closed) {
                return failGrow(deltaPages, MemoryLimiter.GrowFailure.CLOSED);
            }
            if (deltaPages == 0) {
                return oldPages;
            }
            long maximumPages = maximumBytes / pageSizeBytes;
            // unsigned delta above the maximum (a negative long is a delta of 2^63 or more)
            if (deltaPages < 0 || deltaPages > maximumPages - oldPages) {
                return failGrow(deltaPages, MemoryLimiter.GrowFailure.PAST_MAXIMUM);
            }
            long newBytes = (oldPages + deltaPages) * pageSizeBytes; // <= maximumBytes: cannot overflow
            if (!askLimiter(oldBytes, newBytes)) {
                return failGrow(deltaPages, MemoryLimiter.GrowFailure.VETOED);
            }
            boolean grown;
            try {
                grown = growStorage(oldBytes, newBytes);
            } catch (OutOfMemoryError e) {
                grown = false;
            }
            if (!grown) {
                return failGrow(deltaPages, MemoryLimiter.GrowFailure.OUT_OF_STORAGE);
            }
            publishByteSize(newBytes);
            sizeChanged();
            grows++;
            return oldPages;
        }
    }

    private boolean askLimiter(long oldBytes, long newBytes) {
        try {
            return limiter.memoryGrowing(this, oldBytes, newBytes, maximumBytes);
        } catch (RuntimeException e) {
            return false; // a failing limiter is a veto: wasm sees -1, never the host's exception
        }
    }

    private long failGrow(long deltaPages, MemoryLimiter.GrowFailure reason) {
        failedGrows++;
        try {
            limiter.memoryGrowFailed(this, deltaPages, reason);
        } catch (RuntimeException ignored) {
            // the grow has failed already; the limiter's notification cannot change that
        }
        return -1;
    }

    private void publishByteSize(long newBytes) {
        if (shared) {
            sharedByteSize = newBytes;
        } else {
            byteSize = newBytes;
        }
    }

    /**
     * Makes {@code [0, newBytes)} accessible, keeping the first {@code oldBytes}, zero beyond.
     * Called under the memory's lock. Returns false, with nothing changed, when it cannot.
     */
    abstract boolean growStorage(long oldBytes, long newBytes);

    /** Called under the lock after the new size was published: invalidate what cached the old one. */
    abstract void sizeChanged();

    /** Invalidates every assumption for good, so compiled code stops using the storage. Called once, under the lock. */
    abstract void invalidateForClose();

    /**
     * Frees the storage, or returns it to its pool. Called once, under the lock, when the memory is
     * closed and no thread is inside. Sizes only grow, so {@code finalByteSize} is the high-water
     * mark: all a pool has to zero.
     */
    abstract void freeStorage(long finalByteSize);

    /**
     * Closes the memory: from now on it has no bytes, every access raises a {@link MemoryTrap} of
     * kind {@code CLOSED}, and grow returns -1. Its native storage is freed (or a pooled memory
     * returns to its pool) now, or, when threads are inside (see {@link #enter()}), when the last
     * of them exits: a thread running on the memory never loses its bytes from under it. Closing
     * twice does nothing. Any thread may close a memory.
     */
    @Override
    public final void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            finalByteSize = byteSize();
            closed = true;
            publishByteSize(0);
            invalidateForClose();
        }
        users.close();
    }

    private void freeClosedStorage() {
        synchronized (this) {
            freeStorage(finalByteSize);
        }
    }

    public final MemoryStatistics statistics() {
        synchronized (this) {
            return new MemoryStatistics(grows, failedGrows, moves, bytesCopiedByMoves, invalidations);
        }
    }

    // ---- wait and notify (threads proposal); the nodes check alignment and bounds first ----

    /**
     * {@code memory.atomic.wait32/64} at an aligned, in-bounds effective address: parks until
     * notified (0), returns at once when the value differs from {@code expected} (1), or after
     * {@code timeoutNanos} (2; negative waits forever).
     *
     * @throws MemoryTrap of kind {@code EXPECTED_SHARED_MEMORY} for an unshared memory, or
     *             {@code WAIT_INTERRUPTED} when the waiting thread is interrupted
     */
    @TruffleBoundary
    public final int atomicWait(long effectiveAddress, long expected, int width, long timeoutNanos) {
        if (waitQueues == null) {
            throw MemoryTrap.expectedShared(null);
        }
        try {
            return waitQueues.await(effectiveAddress, () -> width == 4 ? readIntVolatile(effectiveAddress) : readLongVolatile(effectiveAddress),
                            width == 4 ? (int) expected : expected, timeoutNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MemoryTrap.waitInterrupted(effectiveAddress, null);
        }
    }

    /** {@code memory.atomic.notify}: wakes up to {@code count} (unsigned) waiters; an unshared memory has none, so 0. */
    @TruffleBoundary
    public final int atomicNotify(long effectiveAddress, long count) {
        return waitQueues == null ? 0 : waitQueues.notify(effectiveAddress, count);
    }

    private long readIntVolatile(long address) {
        checkRange(address, 4);
        return ByteOrderSupport.littleEndian(UNSAFE.getIntVolatile(storageBase(), storageOffset() + address));
    }

    private long readLongVolatile(long address) {
        checkRange(address, 8);
        return ByteOrderSupport.littleEndian(UNSAFE.getLongVolatile(storageBase(), storageOffset() + address));
    }

    // ---- host access: bounds-checked copies and typed reads/writes (little-endian, like wasm) ----

    /** Throws a {@link MemoryTrap} unless {@code [address, address + length)} is inside the memory. */
    public final void checkRange(long address, long length) {
        long size = byteSize();
        if (address < 0 || length < 0 || length > size || address > size - length) {
            throw MemoryTrap.outOfBounds(this, address, 0, length, null);
        }
    }

    // Each host access enters the memory for its duration (see enter()): a host thread never
    // copies from storage that another thread's grow moved or a close freed meanwhile.

    /** Copies {@code length} bytes at {@code address} into {@code destination}; allocates nothing. */
    public final void read(long address, byte[] destination, int destinationOffset, int length) {
        Objects.checkFromIndexSize(destinationOffset, length, destination.length);
        boolean entered = enter();
        try {
            checkRange(address, length);
            UNSAFE.copyMemory(storageBase(), storageOffset() + address, destination, BYTE_ARRAY_BASE + destinationOffset, length);
        } finally {
            if (entered) {
                exit();
            }
        }
    }

    /** Copies {@code length} bytes of {@code source} to {@code address}; allocates nothing. */
    public final void write(long address, byte[] source, int sourceOffset, int length) {
        Objects.checkFromIndexSize(sourceOffset, length, source.length);
        boolean entered = enter();
        try {
            checkRange(address, length);
            UNSAFE.copyMemory(source, BYTE_ARRAY_BASE + sourceOffset, storageBase(), storageOffset() + address, length);
        } finally {
            if (entered) {
                exit();
            }
        }
    }

    /** The {@code width} bytes at {@code address}, little-endian, zero-extended. */
    private long readWord(long address, int width) {
        boolean entered = enter();
        try {
            checkRange(address, width);
            Object base = storageBase();
            long raw = storageOffset() + address;
            return switch (width) {
                case 1 -> UNSAFE.getByte(base, raw) & 0xFFL;
                case 2 -> ByteOrderSupport.littleEndian(UNSAFE.getShort(base, raw)) & 0xFFFFL;
                case 4 -> ByteOrderSupport.littleEndian(UNSAFE.getInt(base, raw)) & 0xFFFF_FFFFL;
                default -> ByteOrderSupport.littleEndian(UNSAFE.getLong(base, raw));
            };
        } finally {
            if (entered) {
                exit();
            }
        }
    }

    /** Stores the low {@code width} bytes of {@code value} at {@code address}, little-endian. */
    private void writeWord(long address, int width, long value) {
        boolean entered = enter();
        try {
            checkRange(address, width);
            Object base = storageBase();
            long raw = storageOffset() + address;
            switch (width) {
                case 1 -> UNSAFE.putByte(base, raw, (byte) value);
                case 2 -> UNSAFE.putShort(base, raw, ByteOrderSupport.littleEndian((short) value));
                case 4 -> UNSAFE.putInt(base, raw, ByteOrderSupport.littleEndian((int) value));
                default -> UNSAFE.putLong(base, raw, ByteOrderSupport.littleEndian(value));
            }
        } finally {
            if (entered) {
                exit();
            }
        }
    }

    public final byte readByte(long address) {
        return (byte) readWord(address, 1);
    }

    public final void writeByte(long address, byte value) {
        writeWord(address, 1, value);
    }

    public final short readShort(long address) {
        return (short) readWord(address, 2);
    }

    public final void writeShort(long address, short value) {
        writeWord(address, 2, value);
    }

    public final int readInt(long address) {
        return (int) readWord(address, 4);
    }

    public final void writeInt(long address, int value) {
        writeWord(address, 4, value);
    }

    public final long readLong(long address) {
        return readWord(address, 8);
    }

    public final void writeLong(long address, long value) {
        writeWord(address, 8, value);
    }

    public final float readFloat(long address) {
        return Float.intBitsToFloat(readInt(address));
    }

    public final void writeFloat(long address, float value) {
        writeInt(address, Float.floatToRawIntBits(value));
    }

    public final double readDouble(long address) {
        return Double.longBitsToDouble(readLong(address));
    }

    public final void writeDouble(long address, double value) {
        writeLong(address, Double.doubleToRawLongBits(value));
    }

    /** Sets {@code length} bytes at {@code address} to {@code value}, after checking the whole range. */
    public final void fill(long address, byte value, long length) {
        boolean entered = enter();
        try {
            checkRange(address, length);
            UNSAFE.setMemory(storageBase(), storageOffset() + address, length, value);
        } finally {
            if (entered) {
                exit();
            }
        }
    }

    // ---- interop buffer messages: out of range is InvalidBufferOffsetException, never a trap ----

    private boolean inRange(long byteOffset, long length) {
        long size = byteSize();
        return byteOffset >= 0 && length <= size && byteOffset <= size - length;
    }

    private void checkBufferRange(long byteOffset, long length) throws InvalidBufferOffsetException {
        if (!inRange(byteOffset, length)) {
            throw InvalidBufferOffsetException.create(byteOffset, length);
        }
    }

    @ExportMessage
    final boolean hasBufferElements() {
        return true;
    }

    @ExportMessage
    final long getBufferSize() {
        return byteSize();
    }

    @ExportMessage
    final boolean isBufferWritable() {
        return !closed;
    }

    @ExportMessage
    @TruffleBoundary
    final void readBuffer(long byteOffset, byte[] destination, int destinationOffset, int length) throws InvalidBufferOffsetException {
        checkBufferRange(byteOffset, length);
        read(byteOffset, destination, destinationOffset, length);
    }

    @ExportMessage
    @TruffleBoundary
    final byte readBufferByte(long byteOffset) throws InvalidBufferOffsetException {
        checkBufferRange(byteOffset, 1);
        return readByte(byteOffset);
    }

    @ExportMessage
    @TruffleBoundary
    final void writeBufferByte(long byteOffset, byte value) throws InvalidBufferOffsetException {
        checkBufferRange(byteOffset, 1);
        writeByte(byteOffset, value);
    }

    @ExportMessage
    @TruffleBoundary
    final short readBufferShort(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        checkBufferRange(byteOffset, 2);
        return ByteOrderSupport.order(readShort(byteOffset), order);
    }

    @ExportMessage
    @TruffleBoundary
    final void writeBufferShort(ByteOrder order, long byteOffset, short value) throws InvalidBufferOffsetException {
        checkBufferRange(byteOffset, 2);
        writeShort(byteOffset, ByteOrderSupport.order(value, order));
    }

    @ExportMessage
    @TruffleBoundary
    final int readBufferInt(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        checkBufferRange(byteOffset, 4);
        return ByteOrderSupport.order(readInt(byteOffset), order);
    }

    @ExportMessage
    @TruffleBoundary
    final void writeBufferInt(ByteOrder order, long byteOffset, int value) throws InvalidBufferOffsetException {
        checkBufferRange(byteOffset, 4);
        writeInt(byteOffset, ByteOrderSupport.order(value, order));
    }

    @ExportMessage
    @TruffleBoundary
    final long readBufferLong(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        checkBufferRange(byteOffset, 8);
        return ByteOrderSupport.order(readLong(byteOffset), order);
    }

    @ExportMessage
    @TruffleBoundary
    final void writeBufferLong(ByteOrder order, long byteOffset, long value) throws InvalidBufferOffsetException {
        checkBufferRange(byteOffset, 8);
        writeLong(byteOffset, ByteOrderSupport.order(value, order));
    }

    @ExportMessage
    final float readBufferFloat(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        return Float.intBitsToFloat(readBufferInt(order, byteOffset));
    }

    @ExportMessage
    final void writeBufferFloat(ByteOrder order, long byteOffset, float value) throws InvalidBufferOffsetException {
        writeBufferInt(order, byteOffset, Float.floatToRawIntBits(value));
    }

    @ExportMessage
    final double readBufferDouble(ByteOrder order, long byteOffset) throws InvalidBufferOffsetException {
        return Double.longBitsToDouble(readBufferLong(order, byteOffset));
    }

    @ExportMessage
    final void writeBufferDouble(ByteOrder order, long byteOffset, double value) throws InvalidBufferOffsetException {
        writeBufferLong(order, byteOffset, Double.doubleToRawLongBits(value));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (isNative() ? "native" : "heap") + ", " + type + ", " + pages() + " pages" +
                        (closed ? ", closed" : "") + "]";
    }
}
