package dev.linmem.wasi;

import static dev.linmem.wasi.Sandbox.FILE_RIGHTS;
import static dev.linmem.wasi.Sandbox.PREOPEN;
import static dev.linmem.wasi.Sandbox.READ_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and directories inside a preopen, through the fd_* and path_* calls. */
class FilesTest {
    @TempDir
    Path dir;

    private Guest guest;
    private Sandbox sandbox;
    private WasiPreview1 wasi;

    @BeforeEach
    void setUp() {
        guest = new Guest();
        sandbox = new Sandbox(guest, dir, "/sandbox");
        wasi = sandbox.wasi;
    }

    @AfterEach
    void tearDown() throws Exception {
        wasi.close();
        guest.close();
    }

    private static String host(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void writeSeekReadTellAndPositionedIo() throws Exception {
        int fd = sandbox.open("notes.txt", Abi.OFLAG_CREAT | Abi.OFLAG_TRUNC, FILE_RIGHTS);
        assertEquals(4, fd, "the lowest free descriptor after the preopen");
        assertEquals(11, sandbox.write(fd, "hello world"));
        assertEquals("hello world", host(dir.resolve("notes.txt")));

        int offset = guest.alloc(8);
        assertEquals(Errno.SUCCESS, wasi.fdSeek(guest.memory, fd, -5, Abi.WHENCE_END, offset));
        assertEquals(6, guest.i64(offset));
        assertEquals("world", sandbox.read(fd, 100));
        assertEquals(Errno.SUCCESS, wasi.fdTell(guest.memory, fd, offset));
        assertEquals(11, guest.i64(offset));
        assertEquals("", sandbox.read(fd, 100), "end of file");

        int iovs = guest.buffers(3, 2);
        int n = guest.alloc(4);
        assertEquals(Errno.SUCCESS, wasi.fdPread(guest.memory, fd, iovs, 2, 2, n));
        assertEquals("llo w", guest.readIovecs(iovs, 2, guest.i32(n)));
        assertEquals(Errno.SUCCESS, wasi.fdPwrite(guest.memory, fd, guest.iovecs(Guest.utf8("HE"), Guest.utf8("LLO")), 2, 0, n));
        assertEquals(5, guest.i32(n));
        assertEquals("HELLO world", host(dir.resolve("notes.txt")));
        assertEquals(Errno.SUCCESS, wasi.fdTell(guest.memory, fd, offset));
        assertEquals(11, guest.i64(offset), "pread and pwrite leave the position alone");

        assertEquals(Errno.INVAL, wasi.fdSeek(guest.memory, fd, -1, Abi.WHENCE_SET, offset));
        assertEquals(Errno.INVAL, wasi.fdSeek(guest.memory, fd, 0, 3, offset));
        assertEquals(Errno.SUCCESS, wasi.fdClose(fd));
        assertEquals(Errno.BADF, wasi.fdClose(fd));
    }

    @Test
    void appendModeWritesAtTheEndAndCanBeSwitchedOff() throws Exception {
        Files.writeString(dir.resolve("log"), "one\n");
        int fd = sandbox.open(PREOPEN, "log", 0, FILE_RIGHTS, Abi.FDFLAG_APPEND);
        int offset = guest.alloc(8);
        assertEquals(Errno.SUCCESS, wasi.fdSeek(guest.memory, fd, 0, Abi.WHENCE_SET, offset));
        sandbox.write(fd, "two\n");
        assertEquals("one\ntwo\n", host(dir.resolve("log")));
        int stat = guest.alloc(Abi.FDSTAT_SIZE);
        assertEquals(Errno.SUCCESS, wasi.fdFdstatGet(guest.memory, fd, stat));
        assertEquals(Abi.FILETYPE_REGULAR_FILE, guest.u8(stat));
        assertEquals(Abi.FDFLAG_APPEND, guest.memory.readShort(stat + 2));

        assertEquals(Errno.SUCCESS, wasi.fdFdstatSetFlags(fd, 0));
        assertEquals(Errno.SUCCESS, wasi.fdSeek(guest.memory, fd, 0, Abi.WHENCE_SET, offset));
        sandbox.write(fd, "ONE");
        assertEquals("ONE\ntwo\n", host(dir.resolve("log")));
        assertEquals(Errno.NOTSUP, wasi.fdFdstatSetFlags(fd, Abi.FDFLAG_SYNC), "sync modes are fixed at open");
        assertEquals(Errno.INVAL, wasi.fdFdstatSetFlags(fd, 0x100));
    }

    @Test
    void filestatSizeAndTimes() throws Exception {
        Files.writeString(dir.resolve("f"), "12345");
        int fd = sandbox.open("f", 0, FILE_RIGHTS);
        int stat = guest.alloc(Abi.FILESTAT_SIZE);
        assertEquals(Errno.SUCCESS, wasi.fdFilestatGet(guest.memory, fd, stat));
        assertEquals(Abi.FILETYPE_REGULAR_FILE, guest.u8(stat + 16));
        assertEquals(5, guest.i64(stat + 32));
        assertEquals(((Number) Files.getAttribute(dir.resolve("f"), "unix:ino")).longValue(), guest.i64(stat + 8));
        assertEquals(1, guest.i64(stat + 24), "one link");

        assertEquals(Errno.SUCCESS, wasi.fdFilestatSetSize(fd, 2));
        assertEquals("12", host(dir.resolve("f")));
        assertEquals(Errno.SUCCESS, wasi.fdFilestatSetSize(fd, 4));
        assertEquals("12\0\0", host(dir.resolve("f")), "grown with zeros");
        assertEquals(Errno.SUCCESS, wasi.fdAllocate(fd, 2, 6));
        assertEquals(8, Files.size(dir.resolve("f")));
        assertEquals(Errno.SUCCESS, wasi.fdAllocate(fd, 0, 1));
        assertEquals(8, Files.size(dir.resolve("f")), "allocate never shrinks");
        assertEquals(Errno.INVAL, wasi.fdFilestatSetSize(fd, -1));

        long mtime = 1_000_000_000_123_456_789L;
        assertEquals(Errno.SUCCESS, wasi.fdFilestatSetTimes(fd, 0, mtime, Abi.FST_MTIM));
        assertEquals(mtime / 1000, Files.getLastModifiedTime(dir.resolve("f")).to(java.util.concurrent.TimeUnit.MICROSECONDS));
        assertEquals(Errno.SUCCESS, wasi.fdFilestatGet(guest.memory, fd, stat));
        assertEquals(mtime / 1000, guest.i64(stat + 48) / 1000);
        assertEquals(Errno.INVAL, wasi.fdFilestatSetTimes(fd, 0, 0, Abi.FST_ATIM | Abi.FST_ATIM_NOW));

        String name = "f";
        long atime = 2_000_000_000_000_000_000L;
        assertEquals(Errno.SUCCESS, wasi.pathFilestatSetTimes(guest.memory, PREOPEN, 0, guest.str(name), 1, atime, 0, Abi.FST_ATIM | Abi.FST_MTIM_NOW));
        FileTime modified = Files.getLastModifiedTime(dir.resolve("f"));
        assertTrue(Math.abs(modified.toMillis() - System.currentTimeMillis()) < 60_000, "MTIM_NOW: " + modified);
        assertEquals(atime / 1000, ((FileTime) Files.getAttribute(dir.resolve("f"), "lastAccessTime")).to(java.util.concurrent.TimeUnit.MICROSECONDS));
    }

    @Test
    void directoriesAreCreatedListedAndRemoved() throws Exception {
        assertEquals(Errno.SUCCESS, sandbox.mkdir("d"));
        assertEquals(Errno.EXIST, sandbox.mkdir("d"));
        assertTrue(Files.isDirectory(dir.resolve("d")));
        Files.writeString(dir.resolve("d/a.txt"), "a");
        Files.createDirectory(dir.resolve("d/sub"));
        int d = sandbox.open(PREOPEN, "d", Abi.OFLAG_DIRECTORY, Abi.RIGHTS_DIRECTORY, 0);

        List<String> names = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        readdir(d, 4096, names, types);
        assertEquals(List.of(".", ".."), names.subList(0, 2));
        assertEquals(List.of("a.txt", "sub"), names.subList(2, 4).stream().sorted().toList());
        int a = names.indexOf("a.txt");
        assertEquals(Abi.FILETYPE_REGULAR_FILE, types.get(a));
        assertEquals(Abi.FILETYPE_DIRECTORY, types.get(names.indexOf("sub")));

        // A buffer too small for everything: the guest reads on from the last whole entry's cookie.
        List<String> again = new ArrayList<>();
        readdir(d, 40, again, new ArrayList<>());
        assertEquals(names, again);

        assertEquals(Errno.NOTEMPTY, sandbox.rmdir("d"));
        assertEquals(Errno.NOTDIR, sandbox.rmdir("d/a.txt"));
        assertEquals(Errno.ISDIR, sandbox.unlink("d/sub"));
        assertEquals(Errno.SUCCESS, sandbox.unlink("d/a.txt"));
        assertEquals(Errno.SUCCESS, sandbox.rmdir("d/sub"));
        assertEquals(Errno.SUCCESS, sandbox.rmdir("d"));
        assertFalse(Files.exists(dir.resolve("d")));
        assertEquals(Errno.NOENT, sandbox.rmdir("d"));
        assertEquals(Errno.INVAL, sandbox.rmdir("."));
    }

    /** Reads a whole directory with buffers of {@code bufferSize}, as wasi-libc's readdir does. */
    private void readdir(int fd, int bufferSize, List<String> names, List<Integer> types) {
        long cookie = 0;
        int buffer = guest.alloc(bufferSize);
        int used = guest.alloc(4);
        while (true) {
            assertEquals(Errno.SUCCESS, wasi.fdReaddir(guest.memory, fd, buffer, bufferSize, cookie, used));
            int filled = guest.i32(used);
            int at = 0;
            boolean progressed = false;
            while (at + Abi.DIRENT_SIZE <= filled) {
                int nameLength = guest.i32(buffer + at + 16);
                if (at + Abi.DIRENT_SIZE + nameLength > filled) {
                    break; // cut entry: read again from its cookie
                }
                names.add(guest.string(buffer + at + Abi.DIRENT_SIZE, nameLength));
                types.add(guest.u8(buffer + at + 20));
                cookie = guest.i64(buffer + at);
                at += Abi.DIRENT_SIZE + nameLength;
                progressed = true;
            }
            if (filled < bufferSize) {
                return;
            }
            assertTrue(progressed, "a buffer of " + bufferSize + " must hold at least one entry");
        }
    }

    @Test
    void renameMovesAndReplaces() throws Exception {
        Files.writeString(dir.resolve("a"), "A");
        Files.writeString(dir.resolve("b"), "B");
        assertEquals(Errno.SUCCESS, sandbox.rename("a", "b"));
        assertEquals("A", host(dir.resolve("b")));
        assertFalse(Files.exists(dir.resolve("a")));
        assertEquals(Errno.NOENT, sandbox.rename("a", "c"));
        Files.createDirectories(dir.resolve("full/x"));
        Files.createDirectory(dir.resolve("empty"));
        assertEquals(Errno.NOTEMPTY, sandbox.rename("empty", "full"));
        assertEquals(Errno.BUSY, sandbox.rename(".", "elsewhere"));
    }

    @Test
    void symbolicAndHardLinks() throws Exception {
        Files.writeString(dir.resolve("target.txt"), "content");
        assertEquals(Errno.SUCCESS, sandbox.symlink("target.txt", "link"));
        assertEquals(Path.of("target.txt"), Files.readSymbolicLink(dir.resolve("link")));

        String path = "link";
        int buffer = guest.alloc(64);
        int used = guest.alloc(4);
        assertEquals(Errno.SUCCESS, wasi.pathReadlink(guest.memory, PREOPEN, guest.str(path), 4, buffer, 64, used));
        assertEquals("target.txt", guest.string(buffer, guest.i32(used)));
        assertEquals(Errno.SUCCESS, wasi.pathReadlink(guest.memory, PREOPEN, guest.str(path), 4, buffer, 3, used));
        assertEquals("tar", guest.string(buffer, guest.i32(used)), "cut to the buffer, as readlink(2) does");
        assertEquals(Errno.INVAL, wasi.pathReadlink(guest.memory, PREOPEN, guest.str("target.txt"), 10, buffer, 64, used));

        assertEquals(Errno.SUCCESS, sandbox.stat("link", false));
        assertEquals(Abi.FILETYPE_SYMBOLIC_LINK, sandbox.statType());
        assertEquals(Errno.SUCCESS, sandbox.stat("link", true));
        assertEquals(Abi.FILETYPE_REGULAR_FILE, sandbox.statType());
        assertEquals(7, sandbox.statSize());

        assertEquals(Errno.LOOP, sandbox.openErrno(PREOPEN, "link", 0, 0, READ_ONLY, 0), "O_NOFOLLOW on a link");
        int fd = sandbox.open("link", 0, READ_ONLY);
        assertEquals("content", sandbox.read(fd, 100));

        assertEquals(Errno.SUCCESS, sandbox.link("target.txt", "hard"));
        assertEquals(Errno.SUCCESS, sandbox.stat("hard", false));
        assertEquals(2, guest.i64(sandbox.lastStat + 24), "two names for one inode");
        assertEquals(Errno.EXIST, sandbox.link("target.txt", "hard"));
        Files.createDirectory(dir.resolve("d"));
        assertEquals(Errno.PERM, sandbox.link("d", "d2"));

        assertEquals(Errno.SUCCESS, sandbox.unlink("link"));
        assertTrue(Files.exists(dir.resolve("target.txt")), "unlink removes the link, not its target");
    }

    @Test
    void preopensDescribeThemselves() {
        int prestat = guest.alloc(8);
        assertEquals(Errno.SUCCESS, wasi.fdPrestatGet(guest.memory, PREOPEN, prestat));
        assertEquals(Abi.PREOPEN_DIR, guest.u8(prestat));
        assertEquals(8, guest.i32(prestat + 4));
        int name = guest.alloc(8);
        assertEquals(Errno.SUCCESS, wasi.fdPrestatDirName(guest.memory, PREOPEN, name, 8));
        assertEquals("/sandbox", guest.string(name, 8));
        assertEquals(Errno.NAMETOOLONG, wasi.fdPrestatDirName(guest.memory, PREOPEN, name, 7));
        assertEquals(Errno.BADF, wasi.fdPrestatGet(guest.memory, 1, prestat), "stdout is no preopen");
        assertEquals(Errno.BADF, wasi.fdPrestatGet(guest.memory, 4, prestat), "wasi-libc stops its preopen scan at BADF");
        int stat = guest.alloc(Abi.FDSTAT_SIZE);
        assertEquals(Errno.SUCCESS, wasi.fdFdstatGet(guest.memory, PREOPEN, stat));
        assertEquals(Abi.FILETYPE_DIRECTORY, guest.u8(stat));
        assertEquals(Abi.RIGHTS_DIRECTORY_INHERITING, guest.i64(stat + 16));
    }

    @Test
    void rightsAreEnforcedAndOnlyShrink() throws Exception {
        Files.writeString(dir.resolve("r"), "read me");
        int fd = sandbox.open("r", 0, READ_ONLY);
        assertEquals(-Errno.NOTCAPABLE, sandbox.write(fd, "x"));
        assertEquals("read me", host(dir.resolve("r")));
        assertEquals(Errno.SUCCESS, wasi.fdFdstatSetRights(fd, READ_ONLY & ~Abi.RIGHT_FD_READ, 0));
        assertEquals(null, sandbox.read(fd, 4));
        assertEquals(Errno.NOTCAPABLE, sandbox.lastErrno);
        assertEquals(Errno.NOTCAPABLE, wasi.fdFdstatSetRights(fd, READ_ONLY, 0), "a right once dropped is gone");
        assertEquals(Errno.NOTCAPABLE, sandbox.openErrno(PREOPEN, "r", 0, 0, Abi.RIGHT_SOCK_ACCEPT, 0),
                        "a right the directory does not pass on");
        assertEquals(Errno.SUCCESS, wasi.fdFdstatSetRights(PREOPEN, Abi.RIGHTS_DIRECTORY & ~Abi.RIGHT_PATH_OPEN, Abi.RIGHTS_DIRECTORY_INHERITING));
        assertEquals(Errno.NOTCAPABLE, sandbox.openForReading("r"));
    }

    @Test
    void renumberMovesADescriptorOverAnother() throws Exception {
        int fd = sandbox.open("out", Abi.OFLAG_CREAT, FILE_RIGHTS);
        assertEquals(Errno.SUCCESS, wasi.fdRenumber(fd, 1));
        sandbox.write(1, "redirected");
        assertEquals("redirected", host(dir.resolve("out")));
        assertEquals(-Errno.BADF, sandbox.write(fd, "x"));
        assertEquals(Errno.BADF, wasi.fdRenumber(fd, 1));
        assertEquals(Errno.BADF, wasi.fdRenumber(1, 99));
    }

    @Test
    void openFailsAsPosixSays() throws Exception {
        Files.writeString(dir.resolve("file"), "x");
        Files.createDirectory(dir.resolve("sub"));
        assertEquals(Errno.NOENT, sandbox.openForReading("missing"));
        assertEquals(Errno.NOENT, sandbox.openForReading("missing/x"));
        assertEquals(Errno.NOTDIR, sandbox.openForReading("file/x"));
        assertEquals(Errno.NOTDIR, sandbox.openForReading("file/"));
        assertEquals(Errno.NOENT, sandbox.openForReading(""));
        assertEquals(Errno.EXIST, sandbox.openErrno(PREOPEN, "file", 1, Abi.OFLAG_CREAT | Abi.OFLAG_EXCL, FILE_RIGHTS, 0));
        assertEquals(Errno.NOTDIR, sandbox.openErrno(PREOPEN, "file", 1, Abi.OFLAG_DIRECTORY, READ_ONLY, 0));
        assertEquals(Errno.ISDIR, sandbox.openErrno(PREOPEN, "sub", 1, 0, FILE_RIGHTS, 0), "a directory opened for writing");
        assertEquals(Errno.INVAL, sandbox.openErrno(PREOPEN, "new", 1, Abi.OFLAG_CREAT | Abi.OFLAG_DIRECTORY, FILE_RIGHTS, 0));
        int sub = sandbox.open(PREOPEN, "sub", 0, READ_ONLY, 0);
        assertEquals(null, sandbox.read(sub, 4));
        assertEquals(Errno.ISDIR, sandbox.lastErrno);
        int file = sandbox.open("file", 0, READ_ONLY);
        assertEquals(Errno.NOTDIR, sandbox.openErrno(file, "x", 1, 0, READ_ONLY, 0), "a file is no directory to open in");
        int used = guest.alloc(4);
        assertEquals(Errno.NOTDIR, wasi.fdReaddir(guest.memory, file, guest.alloc(64), 64, 0, used));
        int latin1 = guest.bytes(new byte[] {(byte) 0xff});
        assertEquals(Errno.ILSEQ, wasi.pathOpen(guest.memory, PREOPEN, 0, latin1, 1, 0, READ_ONLY, 0, 0, used), "not UTF-8");
        assertEquals(Errno.INVAL, wasi.pathOpen(guest.memory, PREOPEN, 0, guest.bytes(new byte[] {'a', 0, 'b'}), 3, 0, READ_ONLY, 0, 0, used));
        assertEquals(Errno.FAULT, wasi.pathOpen(guest.memory, PREOPEN, 0, 65530, 100, 0, READ_ONLY, 0, 0, used));
        assertEquals(Errno.FAULT, wasi.pathOpen(guest.memory, PREOPEN, 0, guest.str("fresh"), 5, Abi.OFLAG_CREAT, FILE_RIGHTS, 0, 0, 65534));
        assertFalse(Files.exists(dir.resolve("fresh")), "the result slot is checked before anything is created");
    }

    @Test
    void filesOpenedForCreationReadBackWhatWasWrittenThroughAnotherDescriptor() throws Exception {
        int writer = sandbox.open("shared", Abi.OFLAG_CREAT | Abi.OFLAG_EXCL, Abi.RIGHTS_REGULAR_FILE & ~Abi.RIGHT_FD_READ);
        int reader = sandbox.open("shared", 0, READ_ONLY);
        sandbox.write(writer, "through one, out of the other");
        assertEquals("through one, out of the other", sandbox.read(reader, 100));
        assertEquals(null, sandbox.read(writer, 10));
        assertEquals(Errno.NOTCAPABLE, sandbox.lastErrno, "opened without FD_READ");
        assertTrue(Files.isRegularFile(dir.resolve("shared"), LinkOption.NOFOLLOW_LINKS));
    }
}
