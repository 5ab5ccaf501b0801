package dev.linmem.wasi;

import java.io.IOException;

/**
 * What a WASI file descriptor number stands for in one instance's {@link DescriptorTable}: a
 * standard stream, an open file, or a directory (a preopen or one opened below it). It carries
 * the preview-1 rights the guest holds on it, which only ever shrink, and its {@code fdflags}.
 */
abstract sealed class Descriptor permits StreamDescriptor, OpenFile, OpenDirectory {
    private volatile long rightsBase;
    private volatile long rightsInheriting;

    Descriptor(long rightsBase, long rightsInheriting) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
    }

    /** The {@code $filetype} reported by fd_fdstat_get. */
    abstract int filetype();

    /** The {@code $fdflags} reported by fd_fdstat_get. */
    abstract int fdflags();

    /** Releases host resources; the descriptor is already out of the table. */
    abstract void close() throws IOException;

    final long rightsBase() {
        return rightsBase;
    }

    final long rightsInheriting() {
        return rightsInheriting;
    }

    /** fd_fdstat_set_rights: rights can be dropped, never gained. */
    final synchronized void restrictRights(long base, long inheriting) throws WasiError {
        if ((base & ~rightsBase) != 0 || (inheriting & ~rightsInheriting) != 0) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
        rightsBase = base;
        rightsInheriting = inheriting;
    }

    /** Throws NOTCAPABLE unless this descriptor holds every right in {@code required}. */
    final void require(long required) throws WasiError {
        if ((rightsBase & required) != required) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
    }
}
