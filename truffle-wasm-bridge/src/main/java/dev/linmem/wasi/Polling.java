package dev.linmem.wasi;

import java.util.concurrent.TimeUnit;

import dev.linmem.memory.LinearMemory;

/**
 * poll_oneoff over clock and fd subscriptions.
 *
 * <p>Readiness: regular files are always ready (as with POSIX poll), with the bytes left to the
 * end of the file as fd_read's {@code nbytes}. Standard streams are reported ready too, with the
 * bytes available without blocking: the JDK cannot wait on a stream's readiness without reading
 * from it, and reporting "ready" lets a guest's read block as it would after a real poll, where
 * waiting for a stream that never becomes ready (a closed pipe) could hang for ever. So a poll
 * that has a ready fd subscription returns at once; one with clock subscriptions alone sleeps
 * until the earliest deadline and reports every clock that has expired by then.
 */
final class Polling {
    private final DescriptorTable table;

    Polling(DescriptorTable table) {
        this.table = table;
    }

    void pollOneoff(LinearMemory memory, int subscriptions, int events, int count, int eventCountPointer) throws WasiError {
        if (count == 0) {
            throw new WasiError(Errno.INVAL);
        }
        GuestMemory.checkArray(memory, subscriptions, count, Abi.SUBSCRIPTION_SIZE);
        GuestMemory.checkArray(memory, events, count, Abi.EVENT_SIZE);
        GuestMemory.checkRange(memory, eventCountPointer, 4);
        long n = Integer.toUnsignedLong(count);
        long start = System.nanoTime();
        int written = 0;
        long earliest = Long.MAX_VALUE;
        boolean sawClock = false;
        // First pass: fd subscriptions and bad clocks become events now; valid clocks give the wait.
        for (long i = 0; i < n; i++) {
            long at = GuestMemory.address(subscriptions) + i * Abi.SUBSCRIPTION_SIZE;
            long userdata = memory.readLong(at);
            int tag = memory.readByte(at + 8) & 0xff;
            switch (tag) {
                case Abi.EVENT_CLOCK -> {
                    int clock = memory.readInt(at + 16);
                    if (clock != Abi.CLOCK_REALTIME && clock != Abi.CLOCK_MONOTONIC) {
                        // The CPU-time clocks advance only while something runs: nothing to sleep on.
                        written = event(memory, events, written, userdata, Errno.INVAL, tag, 0);
                    } else {
                        earliest = Math.min(earliest, System.nanoTime() + remaining(clock, memory.readLong(at + 24), memory.readShort(at + 40), start));
                        sawClock = true;
                    }
                }
                case Abi.EVENT_FD_READ, Abi.EVENT_FD_WRITE -> written = fdEvent(memory, events, written, userdata, tag, memory.readInt(at + 16));
                default -> throw new WasiError(Errno.INVAL);
            }
        }
        if (written == 0 && sawClock) {
            long wait = earliest - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WasiError(Errno.INTR);
                }
            }
        }
        // Second pass: every clock that has expired by now.
        if (sawClock) {
            for (long i = 0; i < n; i++) {
                long at = GuestMemory.address(subscriptions) + i * Abi.SUBSCRIPTION_SIZE;
                int clock = memory.readInt(at + 16);
                if ((memory.readByte(at + 8) & 0xff) == Abi.EVENT_CLOCK && (clock == Abi.CLOCK_REALTIME || clock == Abi.CLOCK_MONOTONIC)
                                && remaining(clock, memory.readLong(at + 24), memory.readShort(at + 40), start) <= 0) {
                    written = event(memory, events, written, memory.readLong(at), Errno.SUCCESS, Abi.EVENT_CLOCK, 0);
                }
            }
        }
        GuestMemory.writeInt(memory, eventCountPointer, written);
    }

    /**
     * Nanoseconds from now until a clock subscription expires (0 or less: expired). A relative
     * timeout counts from {@code start}, the poll's beginning; an absolute one is compared with
     * the clock itself. Timeouts beyond 2^62 ns (146 years) saturate instead of wrapping.
     */
    private static long remaining(int clock, long timeout, short flags, long start) throws WasiError {
        long bounded = timeout < 0 || timeout > Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : timeout;
        if ((flags & Abi.SUBSCRIPTION_CLOCK_ABSTIME) != 0) {
            return bounded - Clocks.now(clock);
        }
        return bounded - (System.nanoTime() - start);
    }

    private int fdEvent(LinearMemory memory, int events, int written, long userdata, int type, int fd) {
        Descriptor descriptor;
        try {
            descriptor = table.get(fd, Abi.RIGHT_POLL_FD_READWRITE);
        } catch (WasiError e) {
            return event(memory, events, written, userdata, e.errno, type, 0);
        }
        long bytes = 0;
        if (type == Abi.EVENT_FD_READ) {
            if (descriptor instanceof OpenFile file) {
                try {
                    bytes = Math.max(0, file.channel.size() - file.channel.position());
                } catch (java.io.IOException e) {
                    return event(memory, events, written, userdata, Errno.of(e), type, 0);
                }
            } else if (descriptor instanceof StreamDescriptor stream) {
                bytes = stream.available();
            } else {
                return event(memory, events, written, userdata, Errno.BADF, type, 0);
            }
        } else if (descriptor instanceof OpenDirectory) {
            return event(memory, events, written, userdata, Errno.BADF, type, 0);
        }
        return event(memory, events, written, userdata, Errno.SUCCESS, type, bytes);
    }

    /** Writes event {@code index}: fd_readwrite's flags are always 0 (no hang-up is ever seen). */
    private static int event(LinearMemory memory, int events, int index, long userdata, int errno, int type, long bytes) {
        long at = GuestMemory.address(events) + (long) index * Abi.EVENT_SIZE;
        memory.writeLong(at, userdata);
        memory.writeLong(at + 8, (errno & 0xffff) | ((long) type << 16));
        memory.writeLong(at + 16, bytes);
        memory.writeLong(at + 24, 0);
        return index + 1;
    }
}
