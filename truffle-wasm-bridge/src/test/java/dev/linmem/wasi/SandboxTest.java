package dev.linmem.wasi;

import static dev.linmem.wasi.Sandbox.FILE_RIGHTS;
import static dev.linmem.wasi.Sandbox.PREOPEN;
import static dev.linmem.wasi.Sandbox.READ_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capability sandbox: a guest reaches only what is below its preopen, whatever path it
 * writes. Each escape is tried both where it must fail and, as a control, in a form that stays
 * inside and must work, so a resolver that refused everything would fail these tests too.
 *
 * <p>Layout: {@code root/outside/secret.txt} is the host's; {@code root/box} is preopened as
 * {@code /box} and holds {@code inside.txt} and {@code sub/}.
 */
class SandboxTest {
    @TempDir
    Path root;

    private Path box;
    private Path secret;
    private Guest guest;
    private Sandbox sandbox;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("outside"));
        secret = Files.writeString(root.resolve("outside/secret.txt"), "host secret");
        box = Files.createDirectories(root.resolve("box"));
        Files.writeString(box.resolve("inside.txt"), "inside");
        Files.createDirectory(box.resolve("sub"));
        Files.writeString(box.resolve("sub/deep.txt"), "deep");
        guest = new Guest();
        sandbox = new Sandbox(guest, box, "/box");
    }

    @AfterEach
    void tearDown() throws Exception {
        sandbox.wasi.close();
        guest.close();
        assertEquals("host secret", Files.readString(secret, StandardCharsets.UTF_8), "the host's file is untouched");
    }

    @Test
    void absolutePathsAreNotCapable() {
        assertEquals(Errno.NOTCAPABLE, sandbox.openForReading(secret.toString()));
        assertEquals(Errno.NOTCAPABLE, sandbox.openForReading("/"));
        assertEquals(Errno.NOTCAPABLE, sandbox.openForReading("/box/inside.txt"), "the guest's name of the preopen is for libc, not for the host");
        assertEquals(Errno.NOTCAPABLE, sandbox.stat("/etc/passwd", true));
        assertEquals(Errno.SUCCESS, sandbox.openForReading("inside.txt"));
    }

    @Test
    void dotDotCannotClimbAboveThePreopen() {
        assertEquals(Errno.NOTCAPABLE, sandbox.openForReading(".."));
        assertEquals(Errno.NOTCAPABLE, sandbox.openForReading("../outside/secret.txt"));
        assertEquals(Errno.NOTCAPABLE, sandbox.openForReading("sub/../../outside/secret.txt"));
        assertEquals(Errno.NOTCAPABLE, sandbox.openForReading("sub/../sub/../../box/inside.txt"), "even to come back in");
        assertEquals(Errno.NOTCAPABLE, sandbox.stat("..", false));
        assertEquals(Errno.NOTCAPABLE, sandbox.mkdir("../made"));
        assertEquals(Errno.NOTCAPABLE, sandbox.rename("inside.txt", "../outside/stolen"));
        assertEquals(Errno.NOTCAPABLE, sandbox.link("inside.txt", "../outside/linked"));
        assertEquals(Errno.NOTCAPABLE, sandbox.unlink("../outside/secret.txt"));
        assertFalse(Files.exists(root.resolve("made")));
        assertFalse(Files.exists(root.resolve("outside/stolen")));
        assertTrue(Files.exists(box.resolve("inside.txt")));
        // Inside, .. works as in POSIX.
        assertEquals(Errno.SUCCESS, sandbox.openForReading("sub/../inside.txt"));
        assertEquals("inside", sandbox.read(sandbox.lastFd, 100));
        assertEquals(Errno.SUCCESS, sandbox.openForReading("sub/./../sub/deep.txt"));
    }

    @Test
    void aDirectoryOpenedBelowThePreopenIsItsOwnRoot() {
        int sub = sandbox.open(PREOPEN, "sub", Abi.OFLAG_DIRECTORY, Abi.RIGHTS_DIRECTORY, 0);
        assertEquals(Errno.SUCCESS, sandbox.openErrno(sub, "deep.txt", 1, 0, READ_ONLY, 0));
        assertEquals(Errno.NOTCAPABLE, sandbox.openErrno(sub, "../inside.txt", 1, 0, READ_ONLY, 0));
    }

    @Test
    void aLinkTheHostPlantedPointingOutsideCannotBeFollowed() throws Exception {
        Files.createSymbolicLink(box.resolve("absolute"), root.resolve("outside"));
        Files.createSymbolicLink(box.resolve("sub/relative"), Path.of("../../outside"));
        Files.createSymbolicLink(box.resolve("secret-link"), secret);
        for (String path : new String[] {"absolute/secret.txt", "sub/relative/secret.txt", "secret-link", "absolute"}) {
            assertEquals(Errno.NOTCAPABLE, sandbox.openForReading(path), path);
            assertEquals(Errno.NOTCAPABLE, sandbox.stat(path, true), path);
        }
        assertEquals(Errno.NOTCAPABLE, sandbox.openErrno(PREOPEN, "absolute/new.txt", 0, Abi.OFLAG_CREAT, FILE_RIGHTS, 0));
        assertFalse(Files.exists(root.resolve("outside/new.txt")));
        assertEquals(Errno.NOTCAPABLE, sandbox.mkdir("sub/relative/made"));
        // Not following the final link acts on the link itself, inside the box.
        assertEquals(Errno.SUCCESS, sandbox.stat("secret-link", false));
        assertEquals(Abi.FILETYPE_SYMBOLIC_LINK, sandbox.statType());
        assertEquals(Errno.SUCCESS, sandbox.unlink("secret-link"));
        assertFalse(Files.exists(box.resolve("secret-link"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aLinkThatStaysInsideIsFollowed() throws Exception {
        Files.createSymbolicLink(box.resolve("to-deep"), Path.of("sub/deep.txt"));
        Files.createSymbolicLink(box.resolve("sub/up"), Path.of("../inside.txt"));
        Files.createSymbolicLink(box.resolve("dir-link"), Path.of("sub"));
        assertEquals(Errno.SUCCESS, sandbox.openForReading("to-deep"));
        assertEquals("deep", sandbox.read(sandbox.lastFd, 100));
        assertEquals(Errno.SUCCESS, sandbox.openForReading("sub/up"));
        assertEquals("inside", sandbox.read(sandbox.lastFd, 100));
        assertEquals(Errno.SUCCESS, sandbox.openForReading("dir-link/deep.txt"));
        assertEquals(Errno.SUCCESS, sandbox.openForReading("dir-link/../inside.txt"), ".. after a link goes up from where the link led");
    }

    @Test
    void theGuestCannotCreateALinkThatLeadsOut() {
        assertEquals(Errno.NOTCAPABLE, sandbox.symlink("../outside", "escape"));
        assertEquals(Errno.NOTCAPABLE, sandbox.symlink("sub/../../outside/secret.txt", "sub-escape"));
        assertEquals(Errno.NOTCAPABLE, sandbox.symlink("../../outside", "sub/escape"));
        assertEquals(Errno.NOTCAPABLE, sandbox.symlink(secret.toString(), "absolute"));
        assertEquals(Errno.NOTCAPABLE, sandbox.symlink("inside.txt", "../outside/planted"), "nor put a link outside");
        for (String name : new String[] {"escape", "sub-escape", "sub/escape", "absolute"}) {
            assertFalse(Files.exists(box.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS), name);
        }
        assertFalse(Files.exists(root.resolve("outside/planted"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        // Links that stay inside, also by climbing from a subdirectory, are made and followed.
        assertEquals(Errno.SUCCESS, sandbox.symlink("sub/deep.txt", "ok"));
        assertEquals(Errno.SUCCESS, sandbox.openForReading("ok"));
        assertEquals(Errno.SUCCESS, sandbox.symlink("../inside.txt", "sub/up"));
        assertEquals(Errno.SUCCESS, sandbox.openForReading("sub/up"));
        assertEquals("inside", sandbox.read(sandbox.lastFd, 100));
    }

    @Test
    void aGuestsLinkMovedSoThatItLeadsOutCannotBeFollowed() throws Exception {
        Files.writeString(root.resolve("decoy.txt"), "outside the box");
        assertEquals(Errno.SUCCESS, sandbox.symlink("../decoy.txt", "sub/up"), "inside: sub/../decoy.txt is box/decoy.txt");
        assertEquals(Errno.SUCCESS, sandbox.rename("sub/up", "moved"), "now box/moved -> ../decoy.txt, outside");
        assertEquals(Errno.NOTCAPABLE, sandbox.openForReading("moved"));
        assertEquals(Errno.NOTCAPABLE, sandbox.stat("moved", true));
    }

    @Test
    void linkLoopsEndInLoop() {
        assertEquals(Errno.SUCCESS, sandbox.symlink("b", "a"));
        assertEquals(Errno.SUCCESS, sandbox.symlink("a", "b"));
        assertEquals(Errno.LOOP, sandbox.openForReading("a"));
        assertEquals(Errno.SUCCESS, sandbox.symlink("self/x", "self"));
        assertEquals(Errno.LOOP, sandbox.openForReading("self"));
    }

    @Test
    void hardLinksToOutsideCannotBeMadeThroughLinks() throws Exception {
        Files.createSymbolicLink(box.resolve("secret-link"), secret);
        int errno = sandbox.wasi.pathLink(guest.memory, PREOPEN, Abi.LOOKUP_SYMLINK_FOLLOW, guest.str("secret-link"), 11,
                        PREOPEN, guest.str("copy"), 4);
        assertEquals(Errno.NOTCAPABLE, errno);
        assertFalse(Files.exists(box.resolve("copy"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void descriptorsBelongToOneInstance() throws Exception {
        WasiConfig config = WasiConfig.builder().preopen(box, "/box").build();
        try (WasiPreview1 first = new WasiPreview1(config); WasiPreview1 second = new WasiPreview1(config)) {
            int slot = guest.alloc(4);
            assertEquals(Errno.SUCCESS, first.pathOpen(guest.memory, PREOPEN, 0, guest.str("inside.txt"), 10, 0, READ_ONLY, 0, 0, slot));
            int fd = guest.i32(slot);
            int read = guest.alloc(4);
            int iovs = guest.buffers(16);
            assertEquals(Errno.BADF, second.fdRead(guest.memory, fd, iovs, 1, read), "the other instance never opened it");
            assertEquals(Errno.BADF, second.fdClose(fd));
            assertEquals(Errno.SUCCESS, first.fdRead(guest.memory, fd, iovs, 1, read));
            assertEquals("inside", guest.readIovecs(iovs, 1, guest.i32(read)));
        }
    }

    @Test
    void preopeningSomethingThatIsNoDirectoryIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> WasiConfig.builder().preopen(box.resolve("inside.txt"), "/f"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> WasiConfig.builder().preopen(root.resolve("missing"), "/m"));
    }
}
