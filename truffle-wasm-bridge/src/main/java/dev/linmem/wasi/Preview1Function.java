package dev.linmem.wasi;

import dev.linmem.memory.LinearMemory;

/**
 * Every function of {@code wasi_snapshot_preview1}: its import name, its wasm signature (one
 * letter per parameter, {@code i} for i32 and {@code I} for i64; every function but proc_exit
 * returns an i32 errno) and how a call with raw wasm values (i32s in the low 32 bits of a long)
 * reaches {@link WasiPreview1}. Engine bindings iterate over this enum, so the list of what is
 * provided is written once.
 */
public enum Preview1Function {
    ARGS_GET("args_get", "ii", (w, m, a) -> w.argsGet(m, i(a[0]), i(a[1]))),
    ARGS_SIZES_GET("args_sizes_get", "ii", (w, m, a) -> w.argsSizesGet(m, i(a[0]), i(a[1]))),
    ENVIRON_GET("environ_get", "ii", (w, m, a) -> w.environGet(m, i(a[0]), i(a[1]))),
    ENVIRON_SIZES_GET("environ_sizes_get", "ii", (w, m, a) -> w.environSizesGet(m, i(a[0]), i(a[1]))),
    CLOCK_RES_GET("clock_res_get", "ii", (w, m, a) -> w.clockResGet(m, i(a[0]), i(a[1]))),
    CLOCK_TIME_GET("clock_time_get", "iIi", (w, m, a) -> w.clockTimeGet(m, i(a[0]), a[1], i(a[2]))),
    FD_ADVISE("fd_advise", "iIIi", (w, m, a) -> w.fdAdvise(i(a[0]), a[1], a[2], i(a[3]))),
    FD_ALLOCATE("fd_allocate", "iII", (w, m, a) -> w.fdAllocate(i(a[0]), a[1], a[2])),
    FD_CLOSE("fd_close", "i", (w, m, a) -> w.fdClose(i(a[0]))),
    FD_DATASYNC("fd_datasync", "i", (w, m, a) -> w.fdDatasync(i(a[0]))),
    FD_FDSTAT_GET("fd_fdstat_get", "ii", (w, m, a) -> w.fdFdstatGet(m, i(a[0]), i(a[1]))),
    FD_FDSTAT_SET_FLAGS("fd_fdstat_set_flags", "ii", (w, m, a) -> w.fdFdstatSetFlags(i(a[0]), i(a[1]))),
    FD_FDSTAT_SET_RIGHTS("fd_fdstat_set_rights", "iII", (w, m, a) -> w.fdFdstatSetRights(i(a[0]), a[1], a[2])),
    FD_FILESTAT_GET("fd_filestat_get", "ii", (w, m, a) -> w.fdFilestatGet(m, i(a[0]), i(a[1]))),
    FD_FILESTAT_SET_SIZE("fd_filestat_set_size", "iI", (w, m, a) -> w.fdFilestatSetSize(i(a[0]), a[1])),
    FD_FILESTAT_SET_TIMES("fd_filestat_set_times", "iIIi", (w, m, a) -> w.fdFilestatSetTimes(i(a[0]), a[1], a[2], i(a[3]))),
    FD_PREAD("fd_pread", "iiiIi", (w, m, a) -> w.fdPread(m, i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4]))),
    FD_PRESTAT_GET("fd_prestat_get", "ii", (w, m, a) -> w.fdPrestatGet(m, i(a[0]), i(a[1]))),
    FD_PRESTAT_DIR_NAME("fd_prestat_dir_name", "iii", (w, m, a) -> w.fdPrestatDirName(m, i(a[0]), i(a[1]), i(a[2]))),
    FD_PWRITE("fd_pwrite", "iiiIi", (w, m, a) -> w.fdPwrite(m, i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4]))),
    FD_READ("fd_read", "iiii", (w, m, a) -> w.fdRead(m, i(a[0]), i(a[1]), i(a[2]), i(a[3]))),
    FD_READDIR("fd_readdir", "iiiIi", (w, m, a) -> w.fdReaddir(m, i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4]))),
    FD_RENUMBER("fd_renumber", "ii", (w, m, a) -> w.fdRenumber(i(a[0]), i(a[1]))),
    FD_SEEK("fd_seek", "iIii", (w, m, a) -> w.fdSeek(m, i(a[0]), a[1], i(a[2]), i(a[3]))),
    FD_SYNC("fd_sync", "i", (w, m, a) -> w.fdSync(i(a[0]))),
    FD_TELL("fd_tell", "ii", (w, m, a) -> w.fdTell(m, i(a[0]), i(a[1]))),
    FD_WRITE("fd_write", "iiii", (w, m, a) -> w.fdWrite(m, i(a[0]), i(a[1]), i(a[2]), i(a[3]))),
    PATH_CREATE_DIRECTORY("path_create_directory", "iii", (w, m, a) -> w.pathCreateDirectory(m, i(a[0]), i(a[1]), i(a[2]))),
    PATH_FILESTAT_GET("path_filestat_get", "iiiii", (w, m, a) -> w.pathFilestatGet(m, i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]))),
    PATH_FILESTAT_SET_TIMES("path_filestat_set_times", "iiiiIIi",
                    (w, m, a) -> w.pathFilestatSetTimes(m, i(a[0]), i(a[1]), i(a[2]), i(a[3]), a[4], a[5], i(a[6]))),
    PATH_LINK("path_link", "iiiiiii", (w, m, a) -> w.pathLink(m, i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5]), i(a[6]))),
    PATH_OPEN("path_open", "iiiiiIIii",
                    (w, m, a) -> w.pathOpen(m, i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), a[5], a[6], i(a[7]), i(a[8]))),
    PATH_READLINK("path_readlink", "iiiiii", (w, m, a) -> w.pathReadlink(m, i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5]))),
    PATH_REMOVE_DIRECTORY("path_remove_directory", "iii", (w, m, a) -> w.pathRemoveDirectory(m, i(a[0]), i(a[1]), i(a[2]))),
    PATH_RENAME("path_rename", "iiiiii", (w, m, a) -> w.pathRename(m, i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5]))),
    PATH_SYMLINK("path_symlink", "iiiii", (w, m, a) -> w.pathSymlink(m, i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]))),
    PATH_UNLINK_FILE("path_unlink_file", "iii", (w, m, a) -> w.pathUnlinkFile(m, i(a[0]), i(a[1]), i(a[2]))),
    POLL_ONEOFF("poll_oneoff", "iiii", (w, m, a) -> w.pollOneoff(m, i(a[0]), i(a[1]), i(a[2]), i(a[3]))),
    PROC_EXIT("proc_exit", "i", (w, m, a) -> {
        w.procExit(i(a[0]));
        return 0; // not reached: procExit throws
    }),
    PROC_RAISE("proc_raise", "i", (w, m, a) -> w.procRaise(i(a[0]))),
    SCHED_YIELD("sched_yield", "", (w, m, a) -> w.schedYield()),
    RANDOM_GET("random_get", "ii", (w, m, a) -> w.randomGet(m, i(a[0]), i(a[1]))),
    SOCK_ACCEPT("sock_accept", "iii", (w, m, a) -> w.sockAccept(i(a[0]), i(a[1]), i(a[2]))),
    SOCK_RECV("sock_recv", "iiiiii", (w, m, a) -> w.sockRecv(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5]))),
    SOCK_SEND("sock_send", "iiiii", (w, m, a) -> w.sockSend(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]))),
    SOCK_SHUTDOWN("sock_shutdown", "ii", (w, m, a) -> w.sockShutdown(i(a[0]), i(a[1])));

    /** Calls the implementation with raw wasm values; returns the errno. */
    @FunctionalInterface
    public interface Invoker {
        int invoke(WasiPreview1 wasi, LinearMemory memory, long[] arguments);
    }

    private final String importName;
    private final String parameters;
    private final Invoker invoker;

    Preview1Function(String importName, String parameters, Invoker invoker) {
        this.importName = importName;
        this.parameters = parameters;
        this.invoker = invoker;
    }

    /** The name guests import it by, from {@value WasiPreview1#MODULE_NAME}. */
    public String importName() {
        return importName;
    }

    /** The parameter types, one letter each: {@code i} is i32, {@code I} is i64. */
    public String parameters() {
        return parameters;
    }

    /** Whether it returns an i32 errno (all but proc_exit, which returns nothing). */
    public boolean returnsErrno() {
        return this != PROC_EXIT;
    }

    /** Whether it reads or writes the caller's memory; those that do not may be called without one. */
    public boolean usesMemory() {
        return switch (this) {
            case FD_ADVISE, FD_ALLOCATE, FD_CLOSE, FD_DATASYNC, FD_FDSTAT_SET_FLAGS, FD_FDSTAT_SET_RIGHTS, FD_FILESTAT_SET_SIZE,
                            FD_FILESTAT_SET_TIMES, FD_RENUMBER, FD_SYNC, PROC_EXIT, PROC_RAISE, SCHED_YIELD, SOCK_ACCEPT, SOCK_RECV,
                            SOCK_SEND, SOCK_SHUTDOWN -> false;
            default -> true;
        };
    }

    public Invoker invoker() {
        return invoker;
    }

    /** The function imported as {@code name}, or null. */
    public static Preview1Function byImportName(String name) {
        for (Preview1Function f : values()) {
            if (f.importName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static int i(long raw) {
        return (int) raw;
    }
}
