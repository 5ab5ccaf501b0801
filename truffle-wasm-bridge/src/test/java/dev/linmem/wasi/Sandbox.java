package dev.linmem.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

/**
 * A WASI instance with one preopened host directory at fd 3, and shorthands for the path calls
 * tests make through a {@link Guest}'s memory.
 */
final class Sandbox {
    static final int PREOPEN = 3;
    static final long FILE_RIGHTS = Abi.RIGHTS_REGULAR_FILE;
    static final long READ_ONLY = Abi.RIGHTS_REGULAR_FILE & ~Abi.RIGHTS_WRITING;

    final Guest guest;
    final WasiPreview1 wasi;

    Sandbox(Guest guest, Path directory, String guestName) {
        this.guest = guest;
        this.wasi = new WasiPreview1(WasiConfig.builder().preopen(directory, guestName).build());
    }

    /** path_open's errno; on success the new descriptor is in {@link #lastFd}. */
    int openErrno(int dirFd, String path, int lookupFlags, int oflags, long rights, int fdflags) {
        int slot = guest.alloc(4);
        int errno = wasi.pathOpen(guest.memory, dirFd, lookupFlags, guest.str(path), Guest.len(path), oflags, rights,
                        Abi.RIGHTS_DIRECTORY_INHERITING, fdflags, slot);
        lastFd = guest.i32(slot);
        return errno;
    }

    int lastFd = -1;

    int open(String path, int oflags, long rights) {
        return open(PREOPEN, path, oflags, rights, 0);
    }

    int open(int dirFd, String path, int oflags, long rights, int fdflags) {
        assertEquals(Errno.SUCCESS, openErrno(dirFd, path, Abi.LOOKUP_SYMLINK_FOLLOW, oflags, rights, fdflags), "open " + path);
        return lastFd;
    }

    /** Opens {@code path} (following links) for reading and returns path_open's errno. */
    int openForReading(String path) {
        return openErrno(PREOPEN, path, Abi.LOOKUP_SYMLINK_FOLLOW, 0, READ_ONLY, 0);
    }

    int write(int fd, String text) {
        int written = guest.alloc(4);
        int errno = wasi.fdWrite(guest.memory, fd, guest.iovecs(Guest.utf8(text)), 1, written);
        return errno == Errno.SUCCESS ? guest.i32(written) : -errno;
    }

    /** Reads up to {@code max} bytes at the current position; null with the errno in {@link #lastErrno} on failure. */
    String read(int fd, int max) {
        int iovs = guest.buffers(max);
        int read = guest.alloc(4);
        lastErrno = wasi.fdRead(guest.memory, fd, iovs, 1, read);
        return lastErrno == Errno.SUCCESS ? guest.readIovecs(iovs, 1, guest.i32(read)) : null;
    }

    int lastErrno;

    int mkdir(String path) {
        return wasi.pathCreateDirectory(guest.memory, PREOPEN, guest.str(path), Guest.len(path));
    }

    int symlink(String target, String path) {
        return wasi.pathSymlink(guest.memory, guest.str(target), Guest.len(target), PREOPEN, guest.str(path), Guest.len(path));
    }

    int unlink(String path) {
        return wasi.pathUnlinkFile(guest.memory, PREOPEN, guest.str(path), Guest.len(path));
    }

    int rmdir(String path) {
        return wasi.pathRemoveDirectory(guest.memory, PREOPEN, guest.str(path), Guest.len(path));
    }

    int rename(String from, String to) {
        return wasi.pathRename(guest.memory, PREOPEN, guest.str(from), Guest.len(from), PREOPEN, guest.str(to), Guest.len(to));
    }

    int link(String from, String to) {
        return wasi.pathLink(guest.memory, PREOPEN, 0, guest.str(from), Guest.len(from), PREOPEN, guest.str(to), Guest.len(to));
    }

    /** path_filestat_get's errno; the stat is at {@link #lastStat}. */
    int stat(String path, boolean follow) {
        lastStat = guest.alloc(Abi.FILESTAT_SIZE);
        return wasi.pathFilestatGet(guest.memory, PREOPEN, follow ? Abi.LOOKUP_SYMLINK_FOLLOW : 0, guest.str(path), Guest.len(path), lastStat);
    }

    int lastStat;

    int statType() {
        return guest.u8(lastStat + 16);
    }

    long statSize() {
        return guest.i64(lastStat + 32);
    }
}
