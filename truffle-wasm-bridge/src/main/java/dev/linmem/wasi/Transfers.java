package dev.linmem.wasi;

import java.io.IOException;

import dev.linmem.memory.LinearMemory;

/**
 * Moves bytes between the guest's iovecs and a host stream or file through a bounce buffer of at
 * most {@value #CHUNK} bytes, with the memory library's bounds-checked copies. The caller has
 * already checked the iovecs ({@link GuestMemory#checkIovecs}), so a copy fails only if another
 * thread rewrote them meanwhile, and then as {@link Errno#FAULT}, never as a wild access.
 */
final class Transfers {
    static final int CHUNK = 64 * 1024;

    /** Reads up to {@code length} bytes into {@code buffer}; -1 at end of input. */
    @FunctionalInterface
    interface Source {
        /** {@code transferred} is how many bytes this transfer has moved so far (pread's offset). */
        int read(byte[] buffer, int offset, int length, long transferred) throws IOException;
    }

    /** Writes all of {@code length} bytes. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] buffer, int offset, int length, long transferred) throws IOException;
    }

    private Transfers() {
    }

    /**
     * Fills the iovecs in order from {@code source} until they are full, the source ends, or a read
     * returns less than asked (as readv does: a pipe or terminal returns what it has).
     */
    static long scatter(LinearMemory memory, int iovs, int count, long total, Source source) throws IOException {
        byte[] buffer = new byte[(int) Math.min(Math.max(total, 1), CHUNK)];
        long transferred = 0;
        for (long i = 0; i < Integer.toUnsignedLong(count); i++) {
            long address = GuestMemory.address(GuestMemory.iovecBuffer(memory, iovs, i));
            long length = GuestMemory.iovecLength(memory, iovs, i);
            long done = 0;
            while (done < length) {
                int asked = (int) Math.min(buffer.length, length - done);
                int got = source.read(buffer, 0, asked, transferred);
                if (got <= 0) {
                    return transferred;
                }
                memory.write(address + done, buffer, 0, got);
                done += got;
                transferred += got;
                if (got < asked) {
                    return transferred;
                }
            }
        }
        return transferred;
    }

    /** Writes every iovec's bytes, in order, to {@code sink}. */
    static long gather(LinearMemory memory, int iovs, int count, long total, Sink sink) throws IOException {
        byte[] buffer = new byte[(int) Math.min(Math.max(total, 1), CHUNK)];
        long transferred = 0;
        for (long i = 0; i < Integer.toUnsignedLong(count); i++) {
            long address = GuestMemory.address(GuestMemory.iovecBuffer(memory, iovs, i));
            long length = GuestMemory.iovecLength(memory, iovs, i);
            long done = 0;
            while (done < length) {
                int chunk = (int) Math.min(buffer.length, length - done);
                memory.read(address + done, buffer, 0, chunk);
                sink.write(buffer, 0, chunk, transferred);
                done += chunk;
                transferred += chunk;
            }
        }
        return transferred;
    }
}
