package dev.linmem.tests.wasi;

import static dev.linmem.tests.wasi.WasiPrograms.linmem;
import static dev.linmem.tests.wasi.WasiPrograms.lines;
import static dev.linmem.tests.wasi.WasiPrograms.node;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.linmem.tests.wasi.WasiPrograms.Run;

/**
 * The project's own C programs (src/test/wasi/c, built with clang --target=wasm32-wasi and
 * wasi-libc) through {@code linmem run}: each prints what it checked, and linmem's output and exit
 * status must be Node's on the same binary, besides the properties asserted directly (so that a
 * bug both runtimes share would still fail).
 */
class OwnProgramsTest {
    private static final byte[] NO_INPUT = new byte[0];

    @TempDir
    Path dir;

    private static String program(String name) {
        return WasiPrograms.ownPrograms().resolve(name + ".wasm").toString();
    }

    /** Runs the command line under both and asserts the same stdout and exit status; returns linmem's run. */
    private static Run sameAsNode(byte[] stdin, String... args) {
        Run linmem = linmem(stdin, args);
        Run node = node(stdin, args);
        assertEquals(node.out(), linmem.out(), "stdout differs from Node's; linmem's stderr: " + linmem.stderr());
        assertArrayEquals(node.stdout(), linmem.stdout());
        assertEquals(node.exit(), linmem.exit(), "exit status; linmem's stderr: " + linmem.stderr());
        return linmem;
    }

    @Test
    void stdioPrintsToStdoutAndStderr() {
        Run r = sameAsNode(NO_INPUT, program("hello"));
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("hello, world\n42  3.14 text z ff -9000000000\n"), r.out());
        assertEquals(2 + 50 + 1, r.out().lines().count());
        assertTrue(r.out().endsWith("done\n"));
        assertEquals("this goes to stderr\n", r.stderr());
    }

    @Test
    void argumentsAndEnvironmentAreWhatTheCommandLineGives() {
        String program = program("args");
        Run r = sameAsNode(NO_INPUT, "--env", "GREETING=hi there", "--env", "EMPTY=", program, "one", "two words", "", "ünï");
        assertEquals("""
                        argc=5
                        argv[0]=[%s]
                        argv[1]=[one]
                        argv[2]=[two words]
                        argv[3]=[]
                        argv[4]=[ünï]
                        env[0]=[GREETING=hi there]
                        env[1]=[EMPTY=]
                        envc=2
                        getenv(GREETING)=hi there
                        getenv(HOME)=(unset)
                        """.formatted(program), r.out());
    }

    @Test
    void exitStatusIsProcExitsAndZeroWhenMainReturnsZero() {
        String program = program("exitcode");
        Run exited = sameAsNode(NO_INPUT, program, "7");
        assertEquals(7, exited.exit());
        assertEquals("exiting with 7", exited.out(), "printf's buffer is flushed by exit() before proc_exit");
        assertEquals(3, sameAsNode(NO_INPUT, program, "return", "3").exit());
        assertEquals(0, sameAsNode(NO_INPUT, program, "return", "0").exit());
        assertEquals(2, sameAsNode(NO_INPUT, program).exit(), "usage: main returns 2");
    }

    @Test
    void aTrapEndsTheProgramWithStatusOneAndOneLineOnStderr() {
        Run r = sameAsNode(NO_INPUT, program("exitcode"), "trap");
        assertEquals(1, r.exit());
        assertEquals("before the trap\n", r.out());
        assertEquals("linmem: trap: unreachable\n", r.stderr());
    }

    @Test
    void clocksTellTheTimeAndSleep() {
        Run r = sameAsNode(NO_INPUT, program("clocks"));
        assertEquals(0, r.exit());
        assertEquals("""
                        realtime plausible: yes
                        time() agrees: yes
                        monotonic went backwards: 0 times
                        resolutions known: yes
                        nanosleep(20 ms) returned 0 and took at least 20 ms: yes
                        clock() works: yes
                        """, r.out());
    }

    @Test
    void randomBytesAreRandom() {
        Run r = sameAsNode(NO_INPUT, program("random"));
        assertEquals("draws differ: yes\nnot all zero: yes\nmany byte values: yes\n", r.out());
    }

    @Test
    void standardInputIsReadToTheEnd() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append("line ").append(i).append(" of the input\n");
        }
        byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);
        Run r = sameAsNode(input, program("stdin"));
        assertEquals(text.toString().toUpperCase() + input.length + " bytes, 2000 lines\n", r.out());
    }

    @Test
    void filesAndDirectoriesInAPreopen() throws Exception {
        Run r = sameAsNode(NO_INPUT, "--dir", dir + "::/data", program("files"), "/data");
        assertEquals(0, r.exit(), r.out());
        List<String> expected = List.of(
                        "size 21, regular 1",
                        "pread: line O",
                        "after ftruncate: 8 bytes",
                        "content: Line ONE+tail",
                        "write to a read-only descriptor: Bad file descriptor", // wasi-libc reports NOTCAPABLE as EBADF
                        "O_EXCL on an existing file: File exists",
                        "readlink: b.txt",
                        "links to b.txt: 2",
                        "mtime: 1234567890",
                        "list /data/files-test: b.txt hard link sub (4)",
                        "entries in sub: 40",
                        "rmdir of a full directory: Directory not empty",
                        "open /data/../../etc/passwd: Capabilities insufficient",
                        "open /etc/passwd: Capabilities insufficient",
                        "symlink pointing out: Capabilities insufficient",
                        "/data/files-test after cleanup: No such file or directory");
        List<String> printed = r.out().lines().toList();
        for (String line : expected) {
            assertTrue(printed.contains(line), "missing \"" + line + "\" in:\n" + r.out());
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "the program cleans up after itself");
        }
    }

    /**
     * A link the host planted in the preopen, pointing outside it: linmem refuses to follow it
     * (NOTCAPABLE), where Node's uvwasi follows it out of the sandbox. The one place the outputs
     * must differ.
     */
    @Test
    void aHostLinkOutOfThePreopenIsNotFollowedWhereNodeFollowsIt() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("passwd"), "secret");
        Path box = Files.createDirectories(dir.resolve("box"));
        Files.createSymbolicLink(box.resolve("escape"), outside);
        String[] command = {"--dir", box + "::/data", program("files"), "/data", "escape"};
        Run linmem = linmem(NO_INPUT, command);
        Run node = node(NO_INPUT, command);
        assertEquals(0, linmem.exit(), linmem.out());
        assertTrue(linmem.out().contains("open /data/escape/passwd: Capabilities insufficient\n"), linmem.out());
        assertTrue(node.out().contains("open /data/escape/passwd: opened!\n"), "Node's sandbox does not stop it: " + node.out());
        List<String> linmemLines = new ArrayList<>(linmem.out().lines().toList());
        List<String> nodeLines = new ArrayList<>(node.out().lines().toList());
        linmemLines.removeIf(line -> line.startsWith("open /data/escape/"));
        nodeLines.removeIf(line -> line.startsWith("open /data/escape/"));
        assertEquals(nodeLines, linmemLines, "everything else is the same");
        assertFalse(Files.exists(box.resolve("files-test")));
    }

    /**
     * The launcher's real process (what bin/linmem starts: Main.main with the optimizing JVM's
     * flags): the exit status reaches the operating system and buffered output is flushed.
     */
    @Test
    void theLauncherProcessExitsWithTheProgramsStatus() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-XX:") || a.startsWith("--upgrade-module-path") || a.startsWith("--enable-native-access")
                                        || a.startsWith("--sun-misc-unsafe-memory-access"))
                        .toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.linmem.wasm.cli.Main", "run", program("exitcode"), "42"));
        WasiPrograms.ProcessResult r = WasiPrograms.exec(command, null, 5);
        assertEquals(42, r.exit(), r.stderr());
        assertEquals("exiting with 42", new String(r.stdout(), StandardCharsets.UTF_8));
    }
}
