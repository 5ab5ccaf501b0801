package dev.linmem.bench.programs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The real programs: the project's own hello, and the third-party programs the WASI tests build
 * from Debian sources (mx-free-tests/src/test/wasi/third-party/build.sh), each with its command
 * line (after the runner: preopens, environment, the .wasm and its arguments) and standard input.
 */
public enum Program {
    /** The project's hello (mx-free-tests/src/test/wasi/c): start-up cost alone. */
    HELLO("hello"),
    /** Debian's lua5.4 on the WASI test's test.lua: primes, fib, queens, strings, files in a preopen, stdin. */
    LUA("lua"),
    /** zlib's own self-test. */
    ZLIB_EXAMPLE("zlib-example"),
    /** zlib's minigzip compressing 2.9 MB of text from stdin to stdout. */
    MINIGZIP("minigzip"),
    /** The sqlite3 shell running test.sql on a database file in a preopen. */
    SQLITE3("sqlite3");

    private final String id;

    Program(String id) {
        this.id = id;
    }

    /** The name on the command line and in the report. */
    public String id() {
        return id;
    }

    public static Program of(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("unknown program " + id + " (programs: "
                                        + String.join(", ", Arrays.stream(values()).map(Program::id).toList()) + ")"));
    }

    /** The command line after the runner, the same for every engine. */
    public List<String> commandLine(Workspace w) {
        String data = w.data().toString();
        return switch (this) {
            case HELLO -> List.of(w.ownWasm("hello.wasm").toString());
            case LUA -> List.of("--dir", data + "::/data", "--env", "LUA_TEST=yes", w.thirdPartyWasm("lua.wasm").toString(),
                            "/data/test.lua", "/data", "w1", "w2");
            case ZLIB_EXAMPLE -> List.of("--dir", data + "::/", w.thirdPartyWasm("zlib-example.wasm").toString());
            case MINIGZIP -> List.of(w.thirdPartyWasm("minigzip.wasm").toString());
            case SQLITE3 -> List.of("--dir", data + "::/data", "--env", "HOME=/data", w.thirdPartyWasm("sqlite3.wasm").toString(),
                            "-vfs", "unix-none", "/data/test.db");
        };
    }

    /** What the program reads on standard input. */
    public Path stdin(Workspace w) {
        return switch (this) {
            case LUA -> w.luaInput();
            case MINIGZIP -> w.text();
            case SQLITE3 -> w.wasiTests().resolve("third-party/test.sql");
            default -> Path.of("/dev/null");
        };
    }
}
