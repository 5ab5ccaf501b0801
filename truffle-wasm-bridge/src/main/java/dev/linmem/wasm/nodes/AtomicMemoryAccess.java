package dev.linmem.wasm.nodes;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryTrap;

/**
 * The threads proposal's atomic accesses, on top of the memory library's checked host accessors
 * (the library has no atomic nodes). Atomicity: every atomic access of a memory runs while holding
 * that memory's monitor, so atomics are sequentially consistent with each other; plain accesses
 * racing with them may see any interleaving, which the proposal allows for racy code. wait and
 * notify use the same monitor, so a notify cannot slip between a wait's comparison and its sleep.
 *
 * <p>Order of checks, as in the reference interpreter: alignment ("unaligned atomic") first, then
 * bounds ("out of bounds memory access").
 */
final class AtomicMemoryAccess {
    private AtomicMemoryAccess() {
    }

    /** Read-modify-write operations, in the order of their opcode groups. */
    static final int ADD = 0;
    static final int SUB = 1;
    static final int AND = 2;
    static final int OR = 3;
    static final int XOR = 4;
    static final int EXCHANGE = 5;

    /** Waiting threads per memory, guarded by the memory's monitor. */
    private static final Map<LinearMemory, List<Waiter>> WAITERS = new IdentityHashMap<>();

    private static final class Waiter {
        final long address;
        boolean notified;

        Waiter(long address) {
            this.address = address;
        }
    }

    /** The checked effective address of an access of {@code width} bytes. */
    private static long effectiveAddress(LinearMemory memory, long address, long offset, int width, Node site) {
        long ea = address + offset;
        if (Long.compareUnsigned(ea, address) < 0) {
            throw MemoryTrap.outOfBounds(memory, address, offset, width, site);
        }
        if ((ea & (width - 1)) != 0) {
            throw MemoryTrap.unalignedAtomic(ea, width, site);
        }
        if (ea < 0 || ea > memory.byteSize() - width) {
            throw MemoryTrap.outOfBounds(memory, address, offset, width, site);
        }
        return ea;
    }

    /** Zero-extended value of {@code width} bytes; the caller holds the monitor. */
    private static long read(LinearMemory memory, long ea, int width) {
        return switch (width) {
            case 1 -> memory.readByte(ea) & 0xffL;
            case 2 -> memory.readShort(ea) & 0xffffL;
            case 4 -> Integer.toUnsignedLong(memory.readInt(ea));
            default -> memory.readLong(ea);
        };
    }

    private static void write(LinearMemory memory, long ea, int width, long value) {
        switch (width) {
            case 1 -> memory.writeByte(ea, (byte) value);
            case 2 -> memory.writeShort(ea, (short) value);
            case 4 -> memory.writeInt(ea, (int) value);
            default -> memory.writeLong(ea, value);
        }
    }

    @TruffleBoundary
    static long load(LinearMemory memory, long address, long offset, int width, Node site) {
        synchronized (memory) {
            return read(memory, effectiveAddress(memory, address, offset, width, site), width);
        }
    }

    @TruffleBoundary
    static void store(LinearMemory memory, long address, long offset, int width, long value, Node site) {
        synchronized (memory) {
            write(memory, effectiveAddress(memory, address, offset, width, site), width, value);
        }
    }

    /** Applies {@code operation} and returns the old value, zero-extended from {@code width} bytes. */
    @TruffleBoundary
    static long readModifyWrite(LinearMemory memory, long address, long offset, int width, int operation, long operand, Node site) {
        synchronized (memory) {
            long ea = effectiveAddress(memory, address, offset, width, site);
            long old = read(memory, ea, width);
            long updated = switch (operation) {
                case ADD -> old + operand;
                case SUB -> old - operand;
                case AND -> old & operand;
                case OR -> old | operand;
                case XOR -> old ^ operand;
                default -> operand;
            };
            write(memory, ea, width, updated);
            return old;
        }
    }

    /** Stores {@code replacement} when the current value equals {@code expected} (both truncated to width); returns the old value. */
    @TruffleBoundary
    static long compareExchange(LinearMemory memory, long address, long offset, int width, long expected, long replacement, Node site) {
        synchronized (memory) {
            long ea = effectiveAddress(memory, address, offset, width, site);
            long old = read(memory, ea, width);
            long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
            if (old == (expected & mask)) {
                write(memory, ea, width, replacement);
            }
            return old;
        }
    }

    /** memory.atomic.notify: wakes up to {@code count} (unsigned) waiters at the address; returns how many woke. */
    @TruffleBoundary
    static int notify(LinearMemory memory, long address, long offset, long count, Node site) {
        synchronized (memory) {
            long ea = effectiveAddress(memory, address, offset, 4, site);
            List<Waiter> waiters = WAITERS.get(memory);
            int woken = 0;
            if (waiters != null) {
                for (Iterator<Waiter> it = waiters.iterator(); it.hasNext() && woken < count;) {
                    Waiter waiter = it.next();
                    if (waiter.address == ea) {
                        waiter.notified = true;
                        it.remove();
                        woken++;
                    }
                }
                if (woken > 0) {
                    memory.notifyAll();
                }
            }
            return woken;
        }
    }

    /**
     * memory.atomic.wait32/64: 0 when woken by notify, 1 when the value differs from
     * {@code expected}, 2 when {@code timeoutNanos} (negative: forever) passed. Traps on an
     * unshared memory, where nobody could ever notify.
     */
    @TruffleBoundary
    static int await(LinearMemory memory, long address, long offset, int width, long expected, long timeoutNanos, Node site) {
        synchronized (memory) {
            long ea = effectiveAddress(memory, address, offset, width, site);
            if (!memory.isShared()) {
                throw MemoryTrap.expectedShared(site);
            }
            long mask = width == 8 ? -1L : 0xffff_ffffL;
            if (read(memory, ea, width) != (expected & mask)) {
                return 1;
            }
            Waiter waiter = new Waiter(ea);
            WAITERS.computeIfAbsent(memory, m -> new ArrayList<>()).add(waiter);
            long deadline = System.nanoTime() + timeoutNanos;
            try {
                while (!waiter.notified) {
                    long remaining = timeoutNanos < 0 ? 0 : deadline - System.nanoTime();
                    if (timeoutNanos >= 0 && remaining <= 0) {
                        return 2;
                    }
                    memory.wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
                }
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 2;
            } finally {
                if (!waiter.notified) {
                    WAITERS.get(memory).remove(waiter);
                }
            }
        }
    }
}
