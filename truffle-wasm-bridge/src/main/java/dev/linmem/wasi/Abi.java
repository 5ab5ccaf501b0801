package dev.linmem.wasi;

/**
 * The numbers of {@code wasi_snapshot_preview1}'s ABI other than errno: file types, flags, rights
 * and the byte layouts of the structs the functions read and write in guest memory (witx
 * {@code typenames}; the offsets are the ones wasi-libc's {@code <wasi/api.h>} asserts).
 */
final class Abi {
    private Abi() {
    }

    /** {@code $filetype}, a u8. */
    static final int FILETYPE_UNKNOWN = 0;
    static final int FILETYPE_BLOCK_DEVICE = 1;
    static final int FILETYPE_CHARACTER_DEVICE = 2;
    static final int FILETYPE_DIRECTORY = 3;
    static final int FILETYPE_REGULAR_FILE = 4;
    static final int FILETYPE_SOCKET_STREAM = 6;
    static final int FILETYPE_SYMBOLIC_LINK = 7;

    /** {@code $clockid}. */
    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_PROCESS_CPUTIME = 2;
    static final int CLOCK_THREAD_CPUTIME = 3;

    /** {@code $whence}. */
    static final int WHENCE_SET = 0;
    static final int WHENCE_CUR = 1;
    static final int WHENCE_END = 2;

    /** {@code $advice}: NORMAL to NOREUSE. */
    static final int ADVICE_LAST = 5;

    /** {@code $fdflags}, a u16. */
    static final int FDFLAG_APPEND = 1;
    static final int FDFLAG_DSYNC = 1 << 1;
    static final int FDFLAG_NONBLOCK = 1 << 2;
    static final int FDFLAG_RSYNC = 1 << 3;
    static final int FDFLAG_SYNC = 1 << 4;
    static final int FDFLAGS_ALL = 0x1f;

    /** {@code $oflags}, a u16. */
    static final int OFLAG_CREAT = 1;
    static final int OFLAG_DIRECTORY = 1 << 1;
    static final int OFLAG_EXCL = 1 << 2;
    static final int OFLAG_TRUNC = 1 << 3;

    /** {@code $lookupflags}. */
    static final int LOOKUP_SYMLINK_FOLLOW = 1;

    /** {@code $fstflags}, a u16. */
    static final int FST_ATIM = 1;
    static final int FST_ATIM_NOW = 1 << 1;
    static final int FST_MTIM = 1 << 2;
    static final int FST_MTIM_NOW = 1 << 3;

    /** {@code $eventtype}, a u8, which is also the tag of a subscription. */
    static final int EVENT_CLOCK = 0;
    static final int EVENT_FD_READ = 1;
    static final int EVENT_FD_WRITE = 2;

    /** {@code $subclockflags}. */
    static final int SUBSCRIPTION_CLOCK_ABSTIME = 1;

    /** {@code $preopentype}. */
    static final int PREOPEN_DIR = 0;

    /** {@code $sdflags}. */
    static final int SHUT_RD = 1;
    static final int SHUT_WR = 2;

    // ---- $rights, a u64 ----
    static final long RIGHT_FD_DATASYNC = 1L;
    static final long RIGHT_FD_READ = 1L << 1;
    static final long RIGHT_FD_SEEK = 1L << 2;
    static final long RIGHT_FD_FDSTAT_SET_FLAGS = 1L << 3;
    static final long RIGHT_FD_SYNC = 1L << 4;
    static final long RIGHT_FD_TELL = 1L << 5;
    static final long RIGHT_FD_WRITE = 1L << 6;
    static final long RIGHT_FD_ADVISE = 1L << 7;
    static final long RIGHT_FD_ALLOCATE = 1L << 8;
    static final long RIGHT_PATH_CREATE_DIRECTORY = 1L << 9;
    static final long RIGHT_PATH_CREATE_FILE = 1L << 10;
    static final long RIGHT_PATH_LINK_SOURCE = 1L << 11;
    static final long RIGHT_PATH_LINK_TARGET = 1L << 12;
    static final long RIGHT_PATH_OPEN = 1L << 13;
    static final long RIGHT_FD_READDIR = 1L << 14;
    static final long RIGHT_PATH_READLINK = 1L << 15;
    static final long RIGHT_PATH_RENAME_SOURCE = 1L << 16;
    static final long RIGHT_PATH_RENAME_TARGET = 1L << 17;
    static final long RIGHT_PATH_FILESTAT_GET = 1L << 18;
    static final long RIGHT_PATH_FILESTAT_SET_SIZE = 1L << 19;
    static final long RIGHT_PATH_FILESTAT_SET_TIMES = 1L << 20;
    static final long RIGHT_FD_FILESTAT_GET = 1L << 21;
    static final long RIGHT_FD_FILESTAT_SET_SIZE = 1L << 22;
    static final long RIGHT_FD_FILESTAT_SET_TIMES = 1L << 23;
    static final long RIGHT_PATH_SYMLINK = 1L << 24;
    static final long RIGHT_PATH_REMOVE_DIRECTORY = 1L << 25;
    static final long RIGHT_PATH_UNLINK_FILE = 1L << 26;
    static final long RIGHT_POLL_FD_READWRITE = 1L << 27;
    static final long RIGHT_SOCK_SHUTDOWN = 1L << 28;
    static final long RIGHT_SOCK_ACCEPT = 1L << 29;

    /** What an open regular file can be asked to do. */
    static final long RIGHTS_REGULAR_FILE = RIGHT_FD_DATASYNC | RIGHT_FD_READ | RIGHT_FD_SEEK | RIGHT_FD_FDSTAT_SET_FLAGS
                    | RIGHT_FD_SYNC | RIGHT_FD_TELL | RIGHT_FD_WRITE | RIGHT_FD_ADVISE | RIGHT_FD_ALLOCATE
                    | RIGHT_FD_FILESTAT_GET | RIGHT_FD_FILESTAT_SET_SIZE | RIGHT_FD_FILESTAT_SET_TIMES | RIGHT_POLL_FD_READWRITE;

    /** What an open directory can be asked to do (its own base rights). */
    static final long RIGHTS_DIRECTORY = RIGHT_FD_FDSTAT_SET_FLAGS | RIGHT_FD_SYNC | RIGHT_FD_ADVISE
                    | RIGHT_PATH_CREATE_DIRECTORY | RIGHT_PATH_CREATE_FILE | RIGHT_PATH_LINK_SOURCE | RIGHT_PATH_LINK_TARGET
                    | RIGHT_PATH_OPEN | RIGHT_FD_READDIR | RIGHT_PATH_READLINK | RIGHT_PATH_RENAME_SOURCE
                    | RIGHT_PATH_RENAME_TARGET | RIGHT_PATH_FILESTAT_GET | RIGHT_PATH_FILESTAT_SET_SIZE
                    | RIGHT_PATH_FILESTAT_SET_TIMES | RIGHT_FD_FILESTAT_GET | RIGHT_FD_FILESTAT_SET_TIMES
                    | RIGHT_PATH_SYMLINK | RIGHT_PATH_REMOVE_DIRECTORY | RIGHT_PATH_UNLINK_FILE | RIGHT_POLL_FD_READWRITE;

    /** What descriptors opened below a directory may be given: anything a file or directory can do. */
    static final long RIGHTS_DIRECTORY_INHERITING = RIGHTS_DIRECTORY | RIGHTS_REGULAR_FILE;

    /** Standard input, output and error: streams that cannot seek. */
    static final long RIGHTS_STREAM = RIGHT_FD_READ | RIGHT_FD_WRITE | RIGHT_FD_FDSTAT_SET_FLAGS | RIGHT_FD_SYNC
                    | RIGHT_FD_DATASYNC | RIGHT_FD_ADVISE | RIGHT_FD_FILESTAT_GET | RIGHT_POLL_FD_READWRITE;

    /** Rights that make an opened file readable; the others that make it writable (as wasi-libc asks for them). */
    static final long RIGHTS_READING = RIGHT_FD_READ | RIGHT_FD_READDIR;
    static final long RIGHTS_WRITING = RIGHT_FD_DATASYNC | RIGHT_FD_WRITE | RIGHT_FD_ALLOCATE | RIGHT_FD_FILESTAT_SET_SIZE;

    // ---- struct layouts (byte offsets and sizes) ----
    /** {@code $iovec} / {@code $ciovec}: buf (u32 pointer) at 0, buf_len (u32) at 4. */
    static final int IOVEC_SIZE = 8;
    /** {@code $dirent}: d_next u64 at 0, d_ino u64 at 8, d_namlen u32 at 16, d_type u8 at 20; the name follows. */
    static final int DIRENT_SIZE = 24;
    /** {@code $fdstat}: fs_filetype u8 at 0, fs_flags u16 at 2, rights base u64 at 8, inheriting u64 at 16. */
    static final int FDSTAT_SIZE = 24;
    /** {@code $filestat}: dev, ino at 0 and 8, filetype u8 at 16, nlink, size, atim, mtim, ctim at 24..56. */
    static final int FILESTAT_SIZE = 64;
    /** {@code $prestat}: tag u8 at 0, pr_name_len u32 at 4. */
    static final int PRESTAT_SIZE = 8;
    /**
     * {@code $subscription}: userdata u64 at 0, tag u8 at 8, then at 16 either a clock (id u32 at
     * 16, timeout u64 at 24, precision u64 at 32, flags u16 at 40) or an fd (u32 at 16).
     */
    static final int SUBSCRIPTION_SIZE = 48;
    /** {@code $event}: userdata u64 at 0, error u16 at 8, type u8 at 10, nbytes u64 at 16, flags u16 at 24. */
    static final int EVENT_SIZE = 32;
}
