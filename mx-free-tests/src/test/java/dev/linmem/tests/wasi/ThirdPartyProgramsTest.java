package dev.linmem.tests.wasi;

import static dev.linmem.tests.wasi.WasiPrograms.linmem;
import static dev.linmem.tests.wasi.WasiPrograms.node;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.linmem.tests.wasi.WasiPrograms.Run;

/**
 * Third-party programs built from Debian source packages (src/test/wasi/third-party/build.sh:
 * lua5.4, zlib, sqlite3 with apt-get source, compiled for wasm32-wasi) run through
 * {@code linmem run}; their output and exit status must be Node's node:wasi on the same binary.
 * The inputs are this project's (test.lua, test.sql, generated text); the workloads are small
 * because the programs run from a cold JIT in every test.
 */
class ThirdPartyProgramsTest {
    @TempDir
    Path dir;

    private static String program(String name) {
        return WasiPrograms.thirdParty().resolve(name + ".wasm").toString();
    }

    private static Run sameAsNode(byte[] stdin, String... args) {
        Run linmem = linmem(stdin, args);
        Run node = node(stdin, args);
        assertEquals(node.out(), linmem.out(), "stdout differs from Node's; linmem's stderr: " + linmem.stderr());
        assertArrayEquals(node.stdout(), linmem.stdout());
        assertEquals(node.exit(), linmem.exit(), "exit status; linmem's stderr: " + linmem.stderr());
        return linmem;
    }

    @Test
    void zlibsSelfTestPasses() throws Exception {
        Run r = sameAsNode(new byte[0], "--dir", dir + "::/", program("zlib-example"));
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.out().startsWith("zlib version 1.2."), r.out());
        for (String check : new String[] {"uncompress(): hello, hello!", "gzread(): hello, hello!", "inflate(): hello, hello!",
            "large_inflate(): OK", "after inflateSync(): hello, hello!", "inflate with dictionary: hello, hello!"}) {
            assertTrue(r.out().contains(check + "\n"), check + " in " + r.out());
        }
        assertTrue(Files.isRegularFile(dir.resolve("foo.gz")), "example.c writes foo.gz in its directory");
    }

    @Test
    void minigzipCompressesLikeNodeAndRoundTrips() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            text.append(i).append(' ').append(Integer.toHexString((int) (i * 2654435761L))).append(" lorem ipsum ")
                            .append("abcdefghij".repeat(i % 5)).append('\n');
        }
        byte[] input = text.toString().getBytes(StandardCharsets.US_ASCII);
        Run compressed = sameAsNode(input, program("minigzip"));
        assertEquals(0, compressed.exit(), compressed.stderr());
        assertTrue(compressed.stdout().length < input.length / 2, "compressed to " + compressed.stdout().length + " of " + input.length);
        try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(compressed.stdout()))) {
            assertArrayEquals(input, gunzip.readAllBytes(), "Java's GZIPInputStream reads it back");
        }
        Run decompressed = sameAsNode(compressed.stdout(), program("minigzip"), "-d");
        assertArrayEquals(input, decompressed.stdout());
    }

    @Test
    void luaRunsAScriptWithArgumentsInputFilesAndAnExitStatus() throws Exception {
        Files.copy(WasiPrograms.wasiSources().resolve("third-party/test.lua"), dir.resolve("test.lua"));
        byte[] input = WasiPrograms.lines("first", "second", "third", "fourth");
        Run r = sameAsNode(input, "--dir", dir + "::/data", "--env", "LUA_TEST=yes", program("lua"), "/data/test.lua", "/data", "w1", "w2");
        assertEquals(3, r.exit(), "os.exit(3); stderr: " + r.stderr());
        String out = r.out();
        assertTrue(out.startsWith("Lua: Lua 5.4\nargs: 3 [/data, w1, w2] arg[0]=test.lua\n"), out);
        for (String line : new String[] {"primes below 30000: 3245", "fib(20) = 6765", "6 queens: 4", "stdin: first",
            "stdin lines: 4, bytes: 22", "sum of line numbers: 5050", "open after rename: nil", "getenv: yes, unset: nil",
            "date: 1971-01-01 00:00:00"}) {
            assertTrue(out.contains(line + "\n"), line + " in:\n" + out);
        }
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "only test.lua is left");
        }
    }

    @Test
    void sqliteRunsQueriesOnADatabaseFileInAPreopen() throws Exception {
        byte[] sql = Files.readAllBytes(WasiPrograms.wasiSources().resolve("third-party/test.sql"));
        String[] command = {"--dir", dir + "::/data", "--env", "HOME=/data", program("sqlite3"), "-vfs", "unix-none", "/data/test.db"};
        Run linmem = linmem(sql, command);
        Files.delete(dir.resolve("test.db"));
        Run node = node(sql, command);
        assertEquals(node.out(), linmem.out(), "stdout differs from Node's; linmem's stderr: " + linmem.stderr());
        assertEquals(node.exit(), linmem.exit());
        assertEquals(0, linmem.exit(), linmem.stderr());
        assertEquals("", linmem.stderr());
        assertTrue(linmem.out().startsWith("3.40.1\n2000|14293.0|name1|name999\n"), linmem.out());
        assertTrue(Files.size(dir.resolve("test.db")) > 8192, "the database is a file in the preopen");
    }
}
