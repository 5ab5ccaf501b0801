package dev.linmem.wasi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One instance's file descriptors: numbers to {@link Descriptor}s. A new descriptor gets the
 * lowest free number, as POSIX open does. Descriptors are never shared between tables, so a
 * guest can only name what its own instance was given or opened.
 *
 * <p>Thread-safe: wasm threads of one instance may open and close descriptors at once.
 */
final class DescriptorTable {
    /** More open descriptors than this is EMFILE, before the host's own limit is reached. */
    static final int MAX_DESCRIPTORS = 1 << 16;

    private final List<Descriptor> slots = new ArrayList<>();

    synchronized int add(Descriptor descriptor) throws WasiError {
        for (int fd = 0; fd < slots.size(); fd++) {
            if (slots.get(fd) == null) {
                slots.set(fd, descriptor);
                return fd;
            }
        }
        if (slots.size() >= MAX_DESCRIPTORS) {
            throw new WasiError(Errno.MFILE);
        }
        slots.add(descriptor);
        return slots.size() - 1;
    }

    /** The descriptor {@code fd}, or BADF. */
    synchronized Descriptor get(int fd) throws WasiError {
        Descriptor descriptor = fd >= 0 && fd < slots.size() ? slots.get(fd) : null;
        if (descriptor == null) {
            throw new WasiError(Errno.BADF);
        }
        return descriptor;
    }

    /** The descriptor {@code fd}, which must hold {@code rights} (NOTCAPABLE otherwise). */
    Descriptor get(int fd, long rights) throws WasiError {
        Descriptor descriptor = get(fd);
        descriptor.require(rights);
        return descriptor;
    }

    /** The directory {@code fd} with {@code rights}: BADF if closed, NOTDIR if it is not a directory. */
    OpenDirectory directory(int fd, long rights) throws WasiError {
        if (get(fd) instanceof OpenDirectory directory) {
            directory.require(rights);
            return directory;
        }
        throw new WasiError(Errno.NOTDIR);
    }

    /** Takes {@code fd} out of the table and returns what it was. */
    synchronized Descriptor remove(int fd) throws WasiError {
        Descriptor descriptor = get(fd);
        slots.set(fd, null);
        return descriptor;
    }

    /** fd_renumber: {@code to} (which must be open) is closed and then names what {@code from} named. */
    void renumber(int from, int to) throws WasiError, IOException {
        Descriptor replaced;
        synchronized (this) {
            Descriptor moving = get(from);
            replaced = get(to);
            if (from == to) {
                return;
            }
            slots.set(to, moving);
            slots.set(from, null);
        }
        replaced.close();
    }

    /** Closes every descriptor (the instance is gone); the first failure is thrown after all were tried. */
    void closeAll() throws IOException {
        List<Descriptor> open;
        synchronized (this) {
            open = new ArrayList<>(slots);
            slots.clear();
        }
        IOException first = null;
        for (Descriptor descriptor : open) {
            if (descriptor != null) {
                try {
                    descriptor.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
