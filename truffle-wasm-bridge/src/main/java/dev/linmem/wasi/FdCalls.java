package dev.linmem.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;

import dev.linmem.memory.LinearMemory;

/**
 * The {@code fd_*} functions: reading, writing, seeking and describing open descriptors. Each
 * method checks the descriptor and its rights, then every guest range it will touch, and only
 * then acts on the host, so a failure leaves the file and the guest's memory as they were.
 */
final class FdCalls {
    /** Largest transfer one call reports: its count is a u32. */
    private static final long MAX_TRANSFER = 0xffff_ffffL;

    private final DescriptorTable table;

    FdCalls(DescriptorTable table) {
        this.table = table;
    }

    void read(LinearMemory memory, int fd, int iovs, int count, int nreadPointer) throws WasiError, IOException {
        Descriptor descriptor = readable(fd);
        long total = checkTransfer(memory, iovs, count, nreadPointer);
        long n;
        if (descriptor instanceof OpenFile file) {
            FileChannel channel = file.channel;
            n = Transfers.scatter(memory, iovs, count, total, (buffer, offset, length, done) -> channel.read(ByteBuffer.wrap(buffer, offset, length)));
        } else {
            InputStream in = ((StreamDescriptor) descriptor).input();
            n = Transfers.scatter(memory, iovs, count, total, (buffer, offset, length, done) -> in.read(buffer, offset, length));
        }
        GuestMemory.writeInt(memory, nreadPointer, (int) n);
    }

    void pread(LinearMemory memory, int fd, int iovs, int count, long offset, int nreadPointer) throws WasiError, IOException {
        OpenFile file = seekable(fd, Abi.RIGHT_FD_READ | Abi.RIGHT_FD_SEEK);
        if (offset < 0) {
            throw new WasiError(Errno.INVAL);
        }
        long total = checkTransfer(memory, iovs, count, nreadPointer);
        long n = Transfers.scatter(memory, iovs, count, total,
                        (buffer, at, length, done) -> file.channel.read(ByteBuffer.wrap(buffer, at, length), offset + done));
        GuestMemory.writeInt(memory, nreadPointer, (int) n);
    }

    void write(LinearMemory memory, int fd, int iovs, int count, int nwrittenPointer) throws WasiError, IOException {
        Descriptor descriptor = writable(fd);
        long total = checkTransfer(memory, iovs, count, nwrittenPointer);
        long n;
        if (descriptor instanceof OpenFile file) {
            // An appending write positions at the end and writes under one lock, so that two
            // appending threads cannot interleave their position and write.
            synchronized (file) {
                if (file.appending()) {
                    file.channel.position(file.channel.size());
                }
                n = Transfers.gather(memory, iovs, count, total, (buffer, offset, length, done) -> writeFully(file.channel, buffer, offset, length, -1));
            }
        } else {
            OutputStream out = ((StreamDescriptor) descriptor).output();
            n = Transfers.gather(memory, iovs, count, total, (buffer, offset, length, done) -> out.write(buffer, offset, length));
            // The embedder's stream may buffer; the guest's write must reach it now, so that
            // stdout and stderr keep their order and nothing waits for the program to end.
            out.flush();
        }
        GuestMemory.writeInt(memory, nwrittenPointer, (int) n);
    }

    void pwrite(LinearMemory memory, int fd, int iovs, int count, long offset, int nwrittenPointer) throws WasiError, IOException {
        OpenFile file = seekable(fd, Abi.RIGHT_FD_WRITE | Abi.RIGHT_FD_SEEK);
        if (offset < 0) {
            throw new WasiError(Errno.INVAL);
        }
        long total = checkTransfer(memory, iovs, count, nwrittenPointer);
        long n = Transfers.gather(memory, iovs, count, total,
                        (buffer, at, length, done) -> writeFully(file.channel, buffer, at, length, offset + done));
        GuestMemory.writeInt(memory, nwrittenPointer, (int) n);
    }

    void seek(LinearMemory memory, int fd, long offset, int whence, int newOffsetPointer) throws WasiError, IOException {
        long right = offset == 0 && whence == Abi.WHENCE_CUR ? Abi.RIGHT_FD_TELL : Abi.RIGHT_FD_SEEK;
        OpenFile file = seekable(fd, right);
        GuestMemory.checkRange(memory, newOffsetPointer, 8);
        long base = switch (whence) {
            case Abi.WHENCE_SET -> 0;
            case Abi.WHENCE_CUR -> file.channel.position();
            case Abi.WHENCE_END -> file.channel.size();
            default -> throw new WasiError(Errno.INVAL);
        };
        long position;
        try {
            position = Math.addExact(base, offset);
        } catch (ArithmeticException e) {
            throw new WasiError(Errno.OVERFLOW);
        }
        if (position < 0) {
            throw new WasiError(Errno.INVAL);
        }
        file.channel.position(position);
        GuestMemory.writeLong(memory, newOffsetPointer, position);
    }

    void tell(LinearMemory memory, int fd, int offsetPointer) throws WasiError, IOException {
        OpenFile file = seekable(fd, Abi.RIGHT_FD_TELL);
        GuestMemory.checkRange(memory, offsetPointer, 8);
        GuestMemory.writeLong(memory, offsetPointer, file.channel.position());
    }

    void close(int fd) throws WasiError, IOException {
        table.remove(fd).close();
    }

    void sync(int fd, boolean metadata) throws WasiError, IOException {
        Descriptor descriptor = table.get(fd, metadata ? Abi.RIGHT_FD_SYNC : Abi.RIGHT_FD_DATASYNC);
        if (descriptor instanceof OpenFile file) {
            file.channel.force(metadata);
        } else if (descriptor instanceof StreamDescriptor stream && stream.isOutput()) {
            stream.output().flush();
        }
        // A directory: the JDK cannot fsync one; its entries are as durable as the host makes them.
    }

    void fdstatGet(LinearMemory memory, int fd, int statPointer) throws WasiError {
        Descriptor descriptor = table.get(fd);
        GuestMemory.checkRange(memory, statPointer, Abi.FDSTAT_SIZE);
        long at = GuestMemory.address(statPointer);
        memory.writeLong(at, descriptor.filetype() | ((long) descriptor.fdflags() << 16));
        memory.writeLong(at + 8, descriptor.rightsBase());
        memory.writeLong(at + 16, descriptor.rightsInheriting());
    }

    void fdstatSetFlags(int fd, int flags) throws WasiError {
        Descriptor descriptor = table.get(fd, Abi.RIGHT_FD_FDSTAT_SET_FLAGS);
        if ((flags & ~Abi.FDFLAGS_ALL) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        if (descriptor instanceof OpenFile file) {
            file.setFdflags(flags);
        } else if ((flags & ~(Abi.FDFLAG_APPEND | Abi.FDFLAG_NONBLOCK)) != 0) {
            // Streams always append and never block in a way the guest could change; directories
            // have no flags worth setting. Anything else cannot be honoured.
            throw new WasiError(Errno.NOTSUP);
        }
    }

    void fdstatSetRights(int fd, long base, long inheriting) throws WasiError {
        table.get(fd).restrictRights(base, inheriting);
    }

    void filestatGet(LinearMemory memory, int fd, int statPointer) throws WasiError, IOException {
        Descriptor descriptor = table.get(fd, Abi.RIGHT_FD_FILESTAT_GET);
        GuestMemory.checkRange(memory, statPointer, Abi.FILESTAT_SIZE);
        FileStats.Stat stat;
        if (descriptor instanceof OpenFile file) {
            stat = statOfOpenFile(file);
        } else if (descriptor instanceof OpenDirectory directory) {
            stat = FileStats.stat(directory.path, false);
        } else {
            stat = new FileStats.Stat(0, 0, descriptor.filetype(), 1, 0, 0, 0, 0);
        }
        stat.write(memory, statPointer);
    }

    /**
     * The file's metadata by its path (the JDK offers no fstat), with the size from the channel;
     * a file removed or replaced since the open still reports its own size and type.
     */
    private static FileStats.Stat statOfOpenFile(OpenFile file) throws IOException {
        long size = file.channel.size();
        try {
            FileStats.Stat s = FileStats.stat(file.path, false);
            return new FileStats.Stat(s.device(), s.inode(), s.filetype(), s.links(), size, s.accessed(), s.modified(), s.changed());
        } catch (IOException removed) {
            return new FileStats.Stat(0, 0, Abi.FILETYPE_REGULAR_FILE, 0, size, 0, 0, 0);
        }
    }

    void filestatSetSize(int fd, long size) throws WasiError, IOException {
        OpenFile file = file(fd, Abi.RIGHT_FD_FILESTAT_SET_SIZE);
        if (size < 0) {
            throw new WasiError(Errno.INVAL);
        }
        setSize(file.channel, size, true);
    }

    void filestatSetTimes(int fd, long accessNanos, long modifyNanos, int flags) throws WasiError, IOException {
        Descriptor descriptor = table.get(fd, Abi.RIGHT_FD_FILESTAT_SET_TIMES);
        java.nio.file.Path path;
        if (descriptor instanceof OpenFile file) {
            path = file.path;
        } else if (descriptor instanceof OpenDirectory directory) {
            path = directory.path;
        } else {
            throw new WasiError(Errno.NOTSUP);
        }
        FileTimes.set(path, accessNanos, modifyNanos, flags);
    }

    void advise(int fd, long offset, long length, int advice) throws WasiError {
        table.get(fd, Abi.RIGHT_FD_ADVISE);
        if (advice < 0 || advice > Abi.ADVICE_LAST || offset < 0 || length < 0) {
            throw new WasiError(Errno.INVAL);
        }
        // Advice is a hint; the JDK has no posix_fadvise, and ignoring it is always correct.
    }

    void allocate(int fd, long offset, long length) throws WasiError, IOException {
        OpenFile file = file(fd, Abi.RIGHT_FD_ALLOCATE);
        if (offset < 0 || length <= 0) {
            throw new WasiError(Errno.INVAL);
        }
        long end;
        try {
            end = Math.addExact(offset, length);
        } catch (ArithmeticException e) {
            throw new WasiError(Errno.FBIG);
        }
        setSize(file.channel, end, false);
    }

    void renumber(int from, int to) throws WasiError, IOException {
        table.renumber(from, to);
    }

    void readdir(LinearMemory memory, int fd, int buffer, int bufferLength, long cookie, int usedPointer) throws WasiError, IOException {
        OpenDirectory directory = directory(fd, Abi.RIGHT_FD_READDIR);
        GuestMemory.checkRange(memory, buffer, Integer.toUnsignedLong(bufferLength));
        GuestMemory.checkRange(memory, usedPointer, 4);
        if (cookie < 0) {
            throw new WasiError(Errno.INVAL);
        }
        List<DirectoryListing.Entry> entries = directory.listing(cookie);
        long capacity = Integer.toUnsignedLong(bufferLength);
        long used = 0;
        for (long index = cookie; index < entries.size() && used < capacity; index++) {
            byte[] entry = direntBytes(entries.get((int) index), index + 1);
            int part = (int) Math.min(entry.length, capacity - used);
            // An entry that does not fit is cut: the guest sees a full buffer and asks again with
            // a larger one from the same cookie (wasi-libc's readdir does).
            memory.write(GuestMemory.address(buffer) + used, entry, 0, part);
            used += part;
        }
        GuestMemory.writeInt(memory, usedPointer, (int) used);
    }

    private static byte[] direntBytes(DirectoryListing.Entry entry, long next) {
        byte[] name = entry.name();
        ByteBuffer bytes = ByteBuffer.allocate(Abi.DIRENT_SIZE + name.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(next).putLong(entry.inode()).putInt(name.length).put((byte) entry.filetype());
        bytes.position(Abi.DIRENT_SIZE);
        bytes.put(name);
        return bytes.array();
    }

    void prestatGet(LinearMemory memory, int fd, int prestatPointer) throws WasiError {
        OpenDirectory preopen = preopen(fd);
        GuestMemory.checkRange(memory, prestatPointer, Abi.PRESTAT_SIZE);
        memory.writeLong(GuestMemory.address(prestatPointer), Abi.PREOPEN_DIR | ((long) WasiConfig.utf8(preopen.preopenName).length << 32));
    }

    void prestatDirName(LinearMemory memory, int fd, int pathPointer, int pathLength) throws WasiError {
        byte[] name = WasiConfig.utf8(preopen(fd).preopenName);
        GuestMemory.checkRange(memory, pathPointer, Integer.toUnsignedLong(pathLength));
        if (Integer.toUnsignedLong(pathLength) < name.length) {
            throw new WasiError(Errno.NAMETOOLONG);
        }
        memory.write(GuestMemory.address(pathPointer), name, 0, name.length);
    }

    // ---- descriptor lookups by what the call needs ----

    private OpenDirectory preopen(int fd) throws WasiError {
        if (table.get(fd) instanceof OpenDirectory directory && directory.preopenName != null) {
            return directory;
        }
        throw new WasiError(Errno.BADF);
    }

    private OpenDirectory directory(int fd, long rights) throws WasiError {
        Descriptor descriptor = table.get(fd);
        if (!(descriptor instanceof OpenDirectory directory)) {
            throw new WasiError(Errno.NOTDIR);
        }
        directory.require(rights);
        return directory;
    }

    /** A descriptor fd_read can read: a file or standard input; a directory is ISDIR. */
    private Descriptor readable(int fd) throws WasiError {
        Descriptor descriptor = table.get(fd);
        if (descriptor instanceof OpenDirectory) {
            throw new WasiError(Errno.ISDIR);
        }
        descriptor.require(Abi.RIGHT_FD_READ);
        return descriptor;
    }

    private Descriptor writable(int fd) throws WasiError {
        Descriptor descriptor = table.get(fd);
        if (descriptor instanceof OpenDirectory) {
            throw new WasiError(Errno.ISDIR);
        }
        descriptor.require(Abi.RIGHT_FD_WRITE);
        return descriptor;
    }

    /** An open file for a positioned call: a stream is SPIPE (it cannot seek), a directory ISDIR or BADF. */
    private OpenFile seekable(int fd, long rights) throws WasiError {
        Descriptor descriptor = table.get(fd);
        if (descriptor instanceof StreamDescriptor) {
            throw new WasiError(Errno.SPIPE);
        }
        if (descriptor instanceof OpenDirectory) {
            throw new WasiError((rights & (Abi.RIGHT_FD_READ | Abi.RIGHT_FD_WRITE)) != 0 ? Errno.ISDIR : Errno.BADF);
        }
        descriptor.require(rights);
        return (OpenFile) descriptor;
    }

    /** An open file; streams and directories are BADF (they have no size to set or allocate). */
    private OpenFile file(int fd, long rights) throws WasiError {
        Descriptor descriptor = table.get(fd);
        if (!(descriptor instanceof OpenFile file)) {
            throw new WasiError(Errno.BADF);
        }
        file.require(rights);
        return file;
    }

    private static long checkTransfer(LinearMemory memory, int iovs, int count, int resultPointer) throws WasiError {
        GuestMemory.checkRange(memory, resultPointer, 4);
        long total = GuestMemory.checkIovecs(memory, iovs, count);
        if (total > MAX_TRANSFER) {
            throw new WasiError(Errno.INVAL);
        }
        return total;
    }

    private static void writeFully(FileChannel channel, byte[] buffer, int offset, int length, long position) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, offset, length);
        long at = position;
        while (bytes.hasRemaining()) {
            if (position < 0) {
                channel.write(bytes);
            } else {
                at += channel.write(bytes, at);
            }
        }
    }

    /**
     * Sets a file's size: shrinks with truncate, grows by writing one zero byte at the new end (a
     * FileChannel cannot extend a file otherwise; the bytes between read as zeros). With
     * {@code shrink} false (fd_allocate) a larger file is left as it is.
     */
    static void setSize(FileChannel channel, long size, boolean shrink) throws IOException {
        long current = channel.size();
        if (size < current) {
            if (shrink) {
                channel.truncate(size);
            }
        } else if (size > current) {
            channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
    }
}
