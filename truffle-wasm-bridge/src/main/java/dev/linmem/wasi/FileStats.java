package dev.linmem.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.linmem.memory.LinearMemory;

/**
 * A host file's metadata as a WASI {@code $filestat}, from the JDK's "unix" attribute view
 * (st_dev, st_ino, st_mode, st_nlink, st_size and the three times in nanoseconds), falling back to
 * the basic view where the platform has no unix view (inode, device and link count are then 0/1).
 */
final class FileStats {
    private static final String UNIX_ATTRIBUTES = "unix:dev,ino,mode,nlink,size,lastAccessTime,lastModifiedTime,ctime";
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final LinkOption[] FOLLOW = {};

    /** {@code $filestat}'s fields; times in nanoseconds since the epoch. */
    record Stat(long device, long inode, int filetype, long links, long size, long accessed, long modified, long changed) {
        void write(LinearMemory memory, int pointer) {
            long at = GuestMemory.address(pointer);
            memory.writeLong(at, device);
            memory.writeLong(at + 8, inode);
            memory.writeLong(at + 16, filetype); // a u8 followed by padding the guest ignores: zero it too
            memory.writeLong(at + 24, links);
            memory.writeLong(at + 32, size);
            memory.writeLong(at + 40, accessed);
            memory.writeLong(at + 48, modified);
            memory.writeLong(at + 56, changed);
        }
    }

    private FileStats() {
    }

    /** The metadata of {@code path}, of the link itself unless {@code follow}. */
    static Stat stat(Path path, boolean follow) throws IOException {
        LinkOption[] options = follow ? FOLLOW : NO_FOLLOW;
        Map<String, Object> unix;
        try {
            unix = Files.readAttributes(path, UNIX_ATTRIBUTES, options);
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return basicStat(path, options);
        }
        int mode = (Integer) unix.get("mode");
        return new Stat((Long) unix.get("dev"), (Long) unix.get("ino"), filetypeOfMode(mode),
                        ((Number) unix.get("nlink")).longValue(), (Long) unix.get("size"),
                        nanos(unix.get("lastAccessTime")), nanos(unix.get("lastModifiedTime")), nanos(unix.get("ctime")));
    }

    private static Stat basicStat(Path path, LinkOption[] options) throws IOException {
        BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, options);
        int type = basic.isDirectory() ? Abi.FILETYPE_DIRECTORY
                        : basic.isRegularFile() ? Abi.FILETYPE_REGULAR_FILE
                                        : basic.isSymbolicLink() ? Abi.FILETYPE_SYMBOLIC_LINK : Abi.FILETYPE_UNKNOWN;
        return new Stat(0, 0, type, 1, basic.size(), nanos(basic.lastAccessTime()), nanos(basic.lastModifiedTime()),
                        nanos(basic.lastModifiedTime()));
    }

    /** The file type bits of st_mode (S_IFMT); FIFOs are UNKNOWN, as WASI has no type for them. */
    static int filetypeOfMode(int mode) {
        return switch (mode & 0170000) {
            case 0140000 -> Abi.FILETYPE_SOCKET_STREAM;
            case 0120000 -> Abi.FILETYPE_SYMBOLIC_LINK;
            case 0100000 -> Abi.FILETYPE_REGULAR_FILE;
            case 0060000 -> Abi.FILETYPE_BLOCK_DEVICE;
            case 0040000 -> Abi.FILETYPE_DIRECTORY;
            case 0020000 -> Abi.FILETYPE_CHARACTER_DEVICE;
            default -> Abi.FILETYPE_UNKNOWN;
        };
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }
}
