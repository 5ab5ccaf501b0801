package dev.linmem.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

import dev.linmem.memory.LinearMemory;

/**
 * The {@code path_*} functions. Each resolves the guest's path against a directory descriptor
 * with {@link PathResolver} (which keeps it inside that directory), then acts on the host path
 * that comes out, never following a final link unless the guest asked to.
 */
final class PathCalls {
    private final DescriptorTable table;

    PathCalls(DescriptorTable table) {
        this.table = table;
    }

    void open(LinearMemory memory, int dirFd, int lookupFlags, int pathPointer, int pathLength, int oflags,
                    long rightsBase, long rightsInheriting, int fdflags, int fdPointer) throws WasiError, IOException {
        OpenDirectory directory = table.directory(dirFd, Abi.RIGHT_PATH_OPEN);
        String path = GuestMemory.readPath(memory, pathPointer, pathLength);
        GuestMemory.checkRange(memory, fdPointer, 4);
        boolean create = (oflags & Abi.OFLAG_CREAT) != 0;
        boolean exclusive = (oflags & Abi.OFLAG_EXCL) != 0;
        boolean truncate = (oflags & Abi.OFLAG_TRUNC) != 0;
        boolean wantDirectory = (oflags & Abi.OFLAG_DIRECTORY) != 0;
        if ((oflags & ~0xf) != 0 || (fdflags & ~Abi.FDFLAGS_ALL) != 0 || (create && wantDirectory)) {
            throw new WasiError(Errno.INVAL);
        }
        if (create) {
            directory.require(Abi.RIGHT_PATH_CREATE_FILE);
        }
        if (truncate) {
            directory.require(Abi.RIGHT_PATH_FILESTAT_SET_SIZE);
        }
        // What the new descriptor may do is bounded by what the directory lets its children do.
        if ((rightsBase & ~directory.rightsInheriting()) != 0 || (rightsInheriting & ~directory.rightsInheriting()) != 0) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
        PathResolver.Resolved target = PathResolver.resolve(directory.path, path, (lookupFlags & Abi.LOOKUP_SYMLINK_FOLLOW) != 0);
        BasicFileAttributes attributes = attributesOrNull(target.host());
        boolean writing = (rightsBase & Abi.RIGHTS_WRITING) != 0 || truncate;
        if (attributes != null && create && exclusive) {
            throw new WasiError(Errno.EXIST);
        }
        if (attributes == null && (!create || wantDirectory)) {
            throw new WasiError(Errno.NOENT);
        }
        if (attributes == null && target.directoryExpected()) {
            throw new WasiError(Errno.ISDIR); // "name/" with O_CREAT: only a directory could match
        }
        if (attributes != null && attributes.isSymbolicLink()) {
            throw new WasiError(Errno.LOOP); // a final link the guest asked not to follow (O_NOFOLLOW)
        }
        if (attributes != null && attributes.isDirectory()) {
            if (writing) {
                throw new WasiError(Errno.ISDIR);
            }
            add(memory, fdPointer, new OpenDirectory(target.host(), null, rightsBase & Abi.RIGHTS_DIRECTORY,
                            rightsInheriting & Abi.RIGHTS_DIRECTORY_INHERITING));
            return;
        }
        if (wantDirectory || target.directoryExpected()) {
            throw new WasiError(Errno.NOTDIR);
        }
        FileChannel channel = FileChannel.open(target.host(), openOptions(rightsBase, attributes == null, create && exclusive, truncate, fdflags));
        int kept = fdflags & (Abi.FDFLAG_APPEND | Abi.FDFLAG_NONBLOCK | Abi.FDFLAG_DSYNC | Abi.FDFLAG_RSYNC | Abi.FDFLAG_SYNC);
        try {
            add(memory, fdPointer, new OpenFile(channel, target.host(), rightsBase & Abi.RIGHTS_REGULAR_FILE, kept));
        } catch (WasiError e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The channel's open options. The channel is opened for what the rights allow; append mode is
     * not among them (see {@link OpenFile}). A file to be created is opened for writing as well,
     * because the JDK ignores CREATE on a read-only open; the rights still keep the guest from
     * writing unless it asked to.
     */
    private static Set<OpenOption> openOptions(long rights, boolean creating, boolean exclusive, boolean truncate, int fdflags) {
        Set<OpenOption> options = new HashSet<>();
        options.add(LinkOption.NOFOLLOW_LINKS);
        boolean write = (rights & Abi.RIGHTS_WRITING) != 0 || truncate || creating;
        if ((rights & Abi.RIGHTS_READING) != 0 || !write) {
            options.add(StandardOpenOption.READ);
        }
        if (write) {
            options.add(StandardOpenOption.WRITE);
        }
        if (creating) {
            options.add(exclusive ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        if (truncate) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if ((fdflags & (Abi.FDFLAG_SYNC | Abi.FDFLAG_RSYNC)) != 0) {
            options.add(StandardOpenOption.SYNC);
        } else if ((fdflags & Abi.FDFLAG_DSYNC) != 0) {
            options.add(StandardOpenOption.DSYNC);
        }
        return options;
    }

    private void add(LinearMemory memory, int fdPointer, Descriptor descriptor) throws WasiError {
        int fd = table.add(descriptor);
        GuestMemory.writeInt(memory, fdPointer, fd);
    }

    void createDirectory(LinearMemory memory, int dirFd, int pathPointer, int pathLength) throws WasiError, IOException {
        PathResolver.Resolved target = resolve(memory, dirFd, Abi.RIGHT_PATH_CREATE_DIRECTORY, pathPointer, pathLength, false);
        if (target.isRoot()) {
            throw new WasiError(Errno.EXIST);
        }
        Files.createDirectory(target.host());
    }

    void removeDirectory(LinearMemory memory, int dirFd, int pathPointer, int pathLength) throws WasiError, IOException {
        PathResolver.Resolved target = resolve(memory, dirFd, Abi.RIGHT_PATH_REMOVE_DIRECTORY, pathPointer, pathLength, false);
        if (target.isRoot()) {
            throw new WasiError(Errno.INVAL); // rmdir(".")
        }
        BasicFileAttributes attributes = existing(target.host());
        if (!attributes.isDirectory()) {
            throw new WasiError(Errno.NOTDIR);
        }
        Files.delete(target.host());
    }

    void unlinkFile(LinearMemory memory, int dirFd, int pathPointer, int pathLength) throws WasiError, IOException {
        PathResolver.Resolved target = resolve(memory, dirFd, Abi.RIGHT_PATH_UNLINK_FILE, pathPointer, pathLength, false);
        if (target.isRoot()) {
            throw new WasiError(Errno.ISDIR);
        }
        BasicFileAttributes attributes = existing(target.host());
        if (attributes.isDirectory()) {
            throw new WasiError(Errno.ISDIR);
        }
        if (target.directoryExpected()) {
            throw new WasiError(Errno.NOTDIR);
        }
        Files.delete(target.host());
    }

    void rename(LinearMemory memory, int oldFd, int oldPointer, int oldLength, int newFd, int newPointer, int newLength) throws WasiError, IOException {
        PathResolver.Resolved from = resolve(memory, oldFd, Abi.RIGHT_PATH_RENAME_SOURCE, oldPointer, oldLength, false);
        PathResolver.Resolved to = resolve(memory, newFd, Abi.RIGHT_PATH_RENAME_TARGET, newPointer, newLength, false);
        if (from.isRoot() || to.isRoot()) {
            throw new WasiError(Errno.BUSY);
        }
        BasicFileAttributes attributes = existing(from.host());
        if ((from.directoryExpected() || to.directoryExpected()) && !attributes.isDirectory()) {
            throw new WasiError(Errno.NOTDIR);
        }
        // ATOMIC_MOVE is rename(2): it replaces an existing target as POSIX rename does.
        Files.move(from.host(), to.host(), StandardCopyOption.ATOMIC_MOVE);
    }

    void filestatGet(LinearMemory memory, int dirFd, int lookupFlags, int pathPointer, int pathLength, int statPointer) throws WasiError, IOException {
        PathResolver.Resolved target = resolve(memory, dirFd, Abi.RIGHT_PATH_FILESTAT_GET, pathPointer, pathLength,
                        (lookupFlags & Abi.LOOKUP_SYMLINK_FOLLOW) != 0);
        GuestMemory.checkRange(memory, statPointer, Abi.FILESTAT_SIZE);
        FileStats.Stat stat = FileStats.stat(target.host(), false);
        if (target.directoryExpected() && stat.filetype() != Abi.FILETYPE_DIRECTORY) {
            throw new WasiError(Errno.NOTDIR);
        }
        stat.write(memory, statPointer);
    }

    void filestatSetTimes(LinearMemory memory, int dirFd, int lookupFlags, int pathPointer, int pathLength,
                    long accessNanos, long modifyNanos, int fstflags) throws WasiError, IOException {
        PathResolver.Resolved target = resolve(memory, dirFd, Abi.RIGHT_PATH_FILESTAT_SET_TIMES, pathPointer, pathLength,
                        (lookupFlags & Abi.LOOKUP_SYMLINK_FOLLOW) != 0);
        existing(target.host());
        FileTimes.set(target.host(), accessNanos, modifyNanos, fstflags);
    }

    void readlink(LinearMemory memory, int dirFd, int pathPointer, int pathLength, int buffer, int bufferLength, int usedPointer) throws WasiError, IOException {
        PathResolver.Resolved target = resolve(memory, dirFd, Abi.RIGHT_PATH_READLINK, pathPointer, pathLength, false);
        GuestMemory.checkRange(memory, buffer, Integer.toUnsignedLong(bufferLength));
        GuestMemory.checkRange(memory, usedPointer, 4);
        if (target.isRoot() || !existing(target.host()).isSymbolicLink()) {
            throw new WasiError(Errno.INVAL);
        }
        byte[] contents = Files.readSymbolicLink(target.host()).toString().getBytes(StandardCharsets.UTF_8);
        int length = (int) Math.min(contents.length, Integer.toUnsignedLong(bufferLength));
        // Like readlink(2), a result longer than the buffer is cut without an error.
        memory.write(GuestMemory.address(buffer), contents, 0, length);
        GuestMemory.writeInt(memory, usedPointer, length);
    }

    /**
     * path_symlink. The link's contents are the guest's string, read as a path from where the link
     * is: one that would lead out of the directory (an absolute path, or {@code ..} above it) is
     * NOTCAPABLE, as in Node's uvwasi, so a guest cannot plant a link to the host's files for a
     * host program to follow. A link moved elsewhere afterwards may point out all the same; the
     * guest itself can never follow it (see PathResolver).
     */
    void symlink(LinearMemory memory, int targetPointer, int targetLength, int dirFd, int pathPointer, int pathLength) throws WasiError, IOException {
        String contents = GuestMemory.readPath(memory, targetPointer, targetLength);
        PathResolver.Resolved link = resolve(memory, dirFd, Abi.RIGHT_PATH_SYMLINK, pathPointer, pathLength, false);
        if (link.isRoot()) {
            throw new WasiError(Errno.EXIST);
        }
        if (!PathResolver.staysInside(link, contents)) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
        Files.createSymbolicLink(link.host(), Path.of(contents));
    }

    void link(LinearMemory memory, int oldFd, int oldFlags, int oldPointer, int oldLength, int newFd, int newPointer, int newLength) throws WasiError, IOException {
        PathResolver.Resolved from = resolve(memory, oldFd, Abi.RIGHT_PATH_LINK_SOURCE, oldPointer, oldLength,
                        (oldFlags & Abi.LOOKUP_SYMLINK_FOLLOW) != 0);
        PathResolver.Resolved to = resolve(memory, newFd, Abi.RIGHT_PATH_LINK_TARGET, newPointer, newLength, false);
        if (to.isRoot()) {
            throw new WasiError(Errno.EXIST);
        }
        if (existing(from.host()).isDirectory()) {
            throw new WasiError(Errno.PERM); // link(2) refuses directories
        }
        Files.createLink(to.host(), from.host());
    }

    private PathResolver.Resolved resolve(LinearMemory memory, int dirFd, long right, int pathPointer, int pathLength, boolean follow) throws WasiError {
        OpenDirectory directory = table.directory(dirFd, right);
        String path = GuestMemory.readPath(memory, pathPointer, pathLength);
        return PathResolver.resolve(directory.path, path, follow);
    }

    private static BasicFileAttributes existing(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return existing(path);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
