package dev.linmem.wasi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.security.SecureRandom;
import java.util.List;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryTrap;

/**
 * {@code wasi_snapshot_preview1} for one module instance: its descriptor table (standard streams
 * at 0, 1, 2, then the preopens from 3) and one Java method per WASI function.
 *
 * <p>Each method takes the calling instance's memory and the function's parameters as wasm passes
 * them (pointers and sizes are u32 in an {@code int}, 64-bit values in a {@code long}) and returns
 * the WASI errno. Every failure is an errno: a pointer outside the memory is FAULT, a host I/O
 * error its errno, anything else the JDK throws IO. Nothing but {@link WasiExit} (from
 * {@link #procExit} and fatal signals of {@link #procRaise}) leaves a method as an exception.
 *
 * <p>Thread-safe: the functions may be called by several wasm threads of the instance at once.
 */
public final class WasiPreview1 implements AutoCloseable {
    /** The module name guests import these functions from. */
    public static final String MODULE_NAME = "wasi_snapshot_preview1";

    private final DescriptorTable table = new DescriptorTable();
    private final FdCalls fds = new FdCalls(table);
    private final PathCalls paths = new PathCalls(table);
    private final Polling polling = new Polling(table);
    private final StringArray args;
    private final StringArray environment;
    private final SecureRandom random = new SecureRandom();
    private final WasiConfig config;

    /** A fresh instance state for {@code config}: the descriptors are this instance's alone. */
    public WasiPreview1(WasiConfig config) {
        this.config = config;
        this.args = new StringArray(config.args());
        this.environment = new StringArray(config.environment());
        try {
            table.add(StreamDescriptor.input(config.stdin(), config.stdinTerminal()));
            table.add(StreamDescriptor.output(config.stdout(), config.stdoutTerminal()));
            table.add(StreamDescriptor.output(config.stderr(), config.stderrTerminal()));
            for (WasiConfig.Preopen preopen : config.preopens()) {
                table.add(new OpenDirectory(preopen.hostPath(), preopen.guestPath(), Abi.RIGHTS_DIRECTORY, Abi.RIGHTS_DIRECTORY_INHERITING));
            }
        } catch (WasiError tooMany) {
            throw new IllegalArgumentException("too many preopened directories: " + config.preopens().size());
        }
    }

    public WasiConfig config() {
        return config;
    }

    /** A WASI function's body: returns normally on success, throws for its errno. */
    @FunctionalInterface
    private interface Body {
        void run() throws WasiError, IOException;
    }

    /** Runs a function body and turns every way it can fail into the errno the guest gets. */
    private static int call(Body body) {
        try {
            body.run();
            return Errno.SUCCESS;
        } catch (WasiExit exit) {
            throw exit;
        } catch (WasiError e) {
            return e.errno;
        } catch (MemoryTrap e) {
            return Errno.FAULT; // a range another thread changed after it was checked, or a closed memory
        } catch (IOException e) {
            return Errno.of(e);
        } catch (UncheckedIOException e) {
            return Errno.of(e.getCause());
        } catch (InvalidPathException e) {
            return Errno.INVAL;
        } catch (SecurityException e) {
            return Errno.ACCES;
        } catch (UnsupportedOperationException e) {
            return Errno.NOTSUP;
        } catch (RuntimeException e) {
            return Errno.of(e);
        }
    }

    // ---- arguments and environment ----

    public int argsSizesGet(LinearMemory memory, int countPointer, int bufferSizePointer) {
        return call(() -> args.writeSizes(memory, countPointer, bufferSizePointer));
    }

    public int argsGet(LinearMemory memory, int pointersPointer, int bufferPointer) {
        return call(() -> args.write(memory, pointersPointer, bufferPointer));
    }

    public int environSizesGet(LinearMemory memory, int countPointer, int bufferSizePointer) {
        return call(() -> environment.writeSizes(memory, countPointer, bufferSizePointer));
    }

    public int environGet(LinearMemory memory, int pointersPointer, int bufferPointer) {
        return call(() -> environment.write(memory, pointersPointer, bufferPointer));
    }

    // ---- clocks and randomness ----

    public int clockResGet(LinearMemory memory, int clock, int resolutionPointer) {
        return call(() -> {
            long resolution = Clocks.resolution(clock);
            GuestMemory.checkRange(memory, resolutionPointer, 8);
            GuestMemory.writeLong(memory, resolutionPointer, resolution);
        });
    }

    /** {@code precision} is a hint the JVM's clocks cannot use; each is read at its best. */
    public int clockTimeGet(LinearMemory memory, int clock, long precision, int timePointer) {
        return call(() -> {
            long time = Clocks.now(clock);
            GuestMemory.checkRange(memory, timePointer, 8);
            GuestMemory.writeLong(memory, timePointer, time);
        });
    }

    public int randomGet(LinearMemory memory, int buffer, int length) {
        return call(() -> {
            long total = Integer.toUnsignedLong(length);
            GuestMemory.checkRange(memory, buffer, total);
            byte[] chunk = new byte[(int) Math.min(Math.max(total, 1), Transfers.CHUNK)];
            for (long done = 0; done < total; done += chunk.length) {
                int n = (int) Math.min(chunk.length, total - done);
                random.nextBytes(chunk);
                memory.write(GuestMemory.address(buffer) + done, chunk, 0, n);
            }
        });
    }

    // ---- file descriptors ----

    public int fdAdvise(int fd, long offset, long length, int advice) {
        return call(() -> fds.advise(fd, offset, length, advice));
    }

    public int fdAllocate(int fd, long offset, long length) {
        return call(() -> fds.allocate(fd, offset, length));
    }

    public int fdClose(int fd) {
        return call(() -> fds.close(fd));
    }

    public int fdDatasync(int fd) {
        return call(() -> fds.sync(fd, false));
    }

    public int fdFdstatGet(LinearMemory memory, int fd, int statPointer) {
        return call(() -> fds.fdstatGet(memory, fd, statPointer));
    }

    public int fdFdstatSetFlags(int fd, int flags) {
        return call(() -> fds.fdstatSetFlags(fd, flags));
    }

    public int fdFdstatSetRights(int fd, long rightsBase, long rightsInheriting) {
        return call(() -> fds.fdstatSetRights(fd, rightsBase, rightsInheriting));
    }

    public int fdFilestatGet(LinearMemory memory, int fd, int statPointer) {
        return call(() -> fds.filestatGet(memory, fd, statPointer));
    }

    public int fdFilestatSetSize(int fd, long size) {
        return call(() -> fds.filestatSetSize(fd, size));
    }

    public int fdFilestatSetTimes(int fd, long accessNanos, long modifyNanos, int fstflags) {
        return call(() -> fds.filestatSetTimes(fd, accessNanos, modifyNanos, fstflags));
    }

    public int fdPread(LinearMemory memory, int fd, int iovs, int iovsLength, long offset, int nreadPointer) {
        return call(() -> fds.pread(memory, fd, iovs, iovsLength, offset, nreadPointer));
    }

    public int fdPrestatGet(LinearMemory memory, int fd, int prestatPointer) {
        return call(() -> fds.prestatGet(memory, fd, prestatPointer));
    }

    public int fdPrestatDirName(LinearMemory memory, int fd, int pathPointer, int pathLength) {
        return call(() -> fds.prestatDirName(memory, fd, pathPointer, pathLength));
    }

    public int fdPwrite(LinearMemory memory, int fd, int iovs, int iovsLength, long offset, int nwrittenPointer) {
        return call(() -> fds.pwrite(memory, fd, iovs, iovsLength, offset, nwrittenPointer));
    }

    public int fdRead(LinearMemory memory, int fd, int iovs, int iovsLength, int nreadPointer) {
        return call(() -> fds.read(memory, fd, iovs, iovsLength, nreadPointer));
    }

    public int fdReaddir(LinearMemory memory, int fd, int buffer, int bufferLength, long cookie, int usedPointer) {
        return call(() -> fds.readdir(memory, fd, buffer, bufferLength, cookie, usedPointer));
    }

    public int fdRenumber(int from, int to) {
        return call(() -> fds.renumber(from, to));
    }

    public int fdSeek(LinearMemory memory, int fd, long offset, int whence, int newOffsetPointer) {
        return call(() -> fds.seek(memory, fd, offset, whence, newOffsetPointer));
    }

    public int fdSync(int fd) {
        return call(() -> fds.sync(fd, true));
    }

    public int fdTell(LinearMemory memory, int fd, int offsetPointer) {
        return call(() -> fds.tell(memory, fd, offsetPointer));
    }

    public int fdWrite(LinearMemory memory, int fd, int iovs, int iovsLength, int nwrittenPointer) {
        return call(() -> fds.write(memory, fd, iovs, iovsLength, nwrittenPointer));
    }

    // ---- paths ----

    public int pathCreateDirectory(LinearMemory memory, int fd, int pathPointer, int pathLength) {
        return call(() -> paths.createDirectory(memory, fd, pathPointer, pathLength));
    }

    public int pathFilestatGet(LinearMemory memory, int fd, int lookupFlags, int pathPointer, int pathLength, int statPointer) {
        return call(() -> paths.filestatGet(memory, fd, lookupFlags, pathPointer, pathLength, statPointer));
    }

    public int pathFilestatSetTimes(LinearMemory memory, int fd, int lookupFlags, int pathPointer, int pathLength,
                    long accessNanos, long modifyNanos, int fstflags) {
        return call(() -> paths.filestatSetTimes(memory, fd, lookupFlags, pathPointer, pathLength, accessNanos, modifyNanos, fstflags));
    }

    public int pathLink(LinearMemory memory, int oldFd, int oldLookupFlags, int oldPathPointer, int oldPathLength,
                    int newFd, int newPathPointer, int newPathLength) {
        return call(() -> paths.link(memory, oldFd, oldLookupFlags, oldPathPointer, oldPathLength, newFd, newPathPointer, newPathLength));
    }

    public int pathOpen(LinearMemory memory, int fd, int lookupFlags, int pathPointer, int pathLength, int oflags,
                    long rightsBase, long rightsInheriting, int fdflags, int openedFdPointer) {
        return call(() -> paths.open(memory, fd, lookupFlags, pathPointer, pathLength, oflags, rightsBase, rightsInheriting, fdflags, openedFdPointer));
    }

    public int pathReadlink(LinearMemory memory, int fd, int pathPointer, int pathLength, int buffer, int bufferLength, int usedPointer) {
        return call(() -> paths.readlink(memory, fd, pathPointer, pathLength, buffer, bufferLength, usedPointer));
    }

    public int pathRemoveDirectory(LinearMemory memory, int fd, int pathPointer, int pathLength) {
        return call(() -> paths.removeDirectory(memory, fd, pathPointer, pathLength));
    }

    public int pathRename(LinearMemory memory, int fd, int oldPathPointer, int oldPathLength, int newFd, int newPathPointer, int newPathLength) {
        return call(() -> paths.rename(memory, fd, oldPathPointer, oldPathLength, newFd, newPathPointer, newPathLength));
    }

    public int pathSymlink(LinearMemory memory, int targetPointer, int targetLength, int fd, int pathPointer, int pathLength) {
        return call(() -> paths.symlink(memory, targetPointer, targetLength, fd, pathPointer, pathLength));
    }

    public int pathUnlinkFile(LinearMemory memory, int fd, int pathPointer, int pathLength) {
        return call(() -> paths.unlinkFile(memory, fd, pathPointer, pathLength));
    }

    // ---- polling, process, scheduling ----

    public int pollOneoff(LinearMemory memory, int subscriptions, int events, int subscriptionCount, int eventCountPointer) {
        return call(() -> polling.pollOneoff(memory, subscriptions, events, subscriptionCount, eventCountPointer));
    }

    /** Ends the program: flushes its standard output and error, then unwinds with {@link WasiExit}. */
    public void procExit(int status) {
        flushStandardStreams();
        throw new WasiExit(status);
    }

    /**
     * Raises a signal in the guest, which has no handlers (wasi-libc installs none): signals whose
     * default action is to be ignored (CHLD, CONT, URG, WINCH) and signal 0 do nothing; the stop
     * signals are NOTSUP; every other one ends the program as a shell reports a death by signal,
     * with status 128 + the signal's Linux number. The host process is never signalled.
     */
    public int procRaise(int signal) {
        if (signal < 0 || signal > 30) {
            return Errno.INVAL;
        }
        switch (signal) {
            case 0, 16, 17, 22, 27 -> {
                return Errno.SUCCESS;
            }
            case 18, 19, 20, 21 -> {
                return Errno.NOTSUP;
            }
            default -> {
                // WASI numbers signals 1 to 15 as Linux does; from CHLD (16) on Linux's are one higher.
                int linux = signal < 16 ? signal : signal + 1;
                flushStandardStreams();
                throw new WasiExit(128 + linux);
            }
        }
    }

    public int schedYield() {
        Thread.yield();
        return Errno.SUCCESS;
    }

    // ---- sockets: the host offers none, so no descriptor is one ----

    public int sockAccept(int fd, int flags, int acceptedFdPointer) {
        return call(() -> noSocket(fd));
    }

    public int sockRecv(int fd, int iovs, int iovsLength, int flags, int receivedPointer, int outFlagsPointer) {
        return call(() -> noSocket(fd));
    }

    public int sockSend(int fd, int iovs, int iovsLength, int flags, int sentPointer) {
        return call(() -> noSocket(fd));
    }

    public int sockShutdown(int fd, int how) {
        return call(() -> noSocket(fd));
    }

    /** BADF for a closed descriptor; NOTSUP for any open one, since no socket was ever given. */
    private void noSocket(int fd) throws WasiError {
        table.get(fd);
        throw new WasiError(Errno.NOTSUP);
    }

    private void flushStandardStreams() {
        for (int fd = 1; fd <= 2; fd++) {
            try {
                if (table.get(fd) instanceof StreamDescriptor stream && stream.isOutput()) {
                    stream.output().flush();
                }
            } catch (WasiError | IOException closedOrFailing) {
                // Nothing more can reach a closed or failing stream; the exit goes on.
            }
        }
    }

    /** Closes every descriptor the guest still holds (open files; the standard streams are flushed, not closed). */
    @Override
    public void close() throws IOException {
        table.closeAll();
    }

    /** Arguments or environment strings, encoded once: UTF-8, each followed by a NUL. */
    private static final class StringArray {
        private final byte[][] strings;
        private final long bufferSize;

        StringArray(List<String> values) {
            strings = new byte[values.size()][];
            long size = 0;
            for (int i = 0; i < strings.length; i++) {
                byte[] utf8 = WasiConfig.utf8(values.get(i));
                strings[i] = java.util.Arrays.copyOf(utf8, utf8.length + 1);
                size += strings[i].length;
            }
            bufferSize = size;
        }

        void writeSizes(LinearMemory memory, int countPointer, int bufferSizePointer) throws WasiError {
            GuestMemory.checkRange(memory, countPointer, 4);
            GuestMemory.checkRange(memory, bufferSizePointer, 4);
            if (bufferSize > 0xffff_ffffL) {
                throw new WasiError(Errno.OVERFLOW);
            }
            GuestMemory.writeInt(memory, countPointer, strings.length);
            GuestMemory.writeInt(memory, bufferSizePointer, (int) bufferSize);
        }

        void write(LinearMemory memory, int pointersPointer, int bufferPointer) throws WasiError {
            GuestMemory.checkArray(memory, pointersPointer, strings.length, 4);
            GuestMemory.checkRange(memory, bufferPointer, bufferSize);
            long at = GuestMemory.address(bufferPointer);
            for (int i = 0; i < strings.length; i++) {
                memory.writeInt(GuestMemory.address(pointersPointer) + 4L * i, (int) at);
                memory.write(at, strings[i], 0, strings[i].length);
                at += strings[i].length;
            }
        }
    }
}
