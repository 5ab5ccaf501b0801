package dev.linmem.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * fd_filestat_set_times and path_filestat_set_times: the access and modification times from
 * {@code $fstflags} (a given time, "now", or unchanged), set on the path itself, not on what a
 * final link points to (the caller resolved the path as the guest asked).
 */
final class FileTimes {
    private FileTimes() {
    }

    static void set(Path path, long accessNanos, long modifyNanos, int flags) throws WasiError, IOException {
        if ((flags & ~(Abi.FST_ATIM | Abi.FST_ATIM_NOW | Abi.FST_MTIM | Abi.FST_MTIM_NOW)) != 0
                        || (flags & (Abi.FST_ATIM | Abi.FST_ATIM_NOW)) == (Abi.FST_ATIM | Abi.FST_ATIM_NOW)
                        || (flags & (Abi.FST_MTIM | Abi.FST_MTIM_NOW)) == (Abi.FST_MTIM | Abi.FST_MTIM_NOW)) {
            throw new WasiError(Errno.INVAL);
        }
        FileTime now = FileTime.from(Instant.now());
        FileTime access = time(flags, Abi.FST_ATIM, Abi.FST_ATIM_NOW, accessNanos, now);
        FileTime modify = time(flags, Abi.FST_MTIM, Abi.FST_MTIM_NOW, modifyNanos, now);
        if (access == null && modify == null) {
            return;
        }
        // null leaves a time as it is.
        Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(modify, access, null);
    }

    /** A timestamp is a u64 of nanoseconds; beyond 2^63 it is no time the host can store. */
    private static FileTime time(int flags, int given, int now, long nanos, FileTime current) throws WasiError {
        if ((flags & now) != 0) {
            return current;
        }
        if ((flags & given) != 0) {
            if (nanos < 0) {
                throw new WasiError(Errno.INVAL);
            }
            return FileTime.from(nanos, TimeUnit.NANOSECONDS);
        }
        return null;
    }
}
