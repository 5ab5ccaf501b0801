package dev.linmem.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A file opened by path_open: a {@link FileChannel} (thread-safe, with its own position) and the
 * host path it was opened at, for fd_filestat_get (Java has no fstat).
 *
 * <p>Append mode is kept here rather than in the channel's open options, because
 * fd_fdstat_set_flags may switch it on and off after the open: an appending write moves the
 * position to the end under this object's lock, which also orders it with other appends.
 */
final class OpenFile extends Descriptor {
    final FileChannel channel;
    final Path path;
    private volatile int fdflags;

    OpenFile(FileChannel channel, Path path, long rightsBase, int fdflags) {
        super(rightsBase, 0);
        this.channel = channel;
        this.path = path;
        this.fdflags = fdflags;
    }

    @Override
    int filetype() {
        return Abi.FILETYPE_REGULAR_FILE;
    }

    @Override
    int fdflags() {
        return fdflags;
    }

    boolean appending() {
        return (fdflags & Abi.FDFLAG_APPEND) != 0;
    }

    /** Only APPEND and NONBLOCK (meaningless for files, so accepted) can change after the open. */
    void setFdflags(int flags) throws WasiError {
        int fixed = Abi.FDFLAG_DSYNC | Abi.FDFLAG_RSYNC | Abi.FDFLAG_SYNC;
        if ((flags & fixed) != (fdflags & fixed)) {
            throw new WasiError(Errno.NOTSUP);
        }
        fdflags = flags;
    }

    @Override
    void close() throws IOException {
        channel.close();
    }
}
