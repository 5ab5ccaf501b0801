package dev.linmem.bench.programs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the programs of one bench run find their binaries and inputs: the project's own and the
 * third-party .wasm folders (built by the launcher), the WASI tests' folder (test.lua, test.sql,
 * node-wasi.mjs), and a scratch folder with the generated inputs, the data directory the programs
 * see as a preopen and its template, and every run's captured output.
 */
public final class Workspace implements AutoCloseable {
    private final Path own;
    private final Path thirdParty;
    private final Path wasiTests;
    private final Path scratch;

    private Workspace(Path own, Path thirdParty, Path wasiTests, Path scratch) {
        this.own = own;
        this.thirdParty = thirdParty;
        this.wasiTests = wasiTests;
        this.scratch = scratch;
    }

    /** Makes the scratch folder with the inputs: lua's stdin, minigzip's 2.9 MB of text, the data template. */
    public static Workspace create(Path own, Path thirdParty, Path wasiTests) throws IOException {
        Path scratch = Files.createTempDirectory("linmem-programs");
        Workspace w = new Workspace(own, thirdParty, wasiTests, scratch);
        Files.createDirectories(w.template());
        Files.copy(wasiTests.resolve("third-party/test.lua"), w.template().resolve("test.lua"));
        Files.writeString(w.luaInput(), "first\nsecond\nthird\nfourth\n");
        writeText(w.text());
        return w;
    }

    /**
     * minigzip's input: 60,000 numbered lines of text, as bench/time-to-result/run.sh makes it
     * with awk, so that the study's numbers and these compress the same 2.9 MB.
     */
    static void writeText(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (long i = 0; i < 60_000; i++) {
                out.write(i + " " + Long.toHexString((i * 2654435761L) % 4294967296L) + " lorem ipsum ");
                out.write("abcdefghij".repeat((int) (i % 5)));
                out.write('\n');
            }
        }
    }

    public Path ownWasm(String name) {
        return own.resolve(name);
    }

    public Path thirdPartyWasm(String name) {
        return thirdParty.resolve(name);
    }

    public Path wasiTests() {
        return wasiTests;
    }

    /** The directory the programs get as a preopen, refilled from {@link #template} before every run. */
    public Path data() {
        return scratch.resolve("data");
    }

    public Path template() {
        return scratch.resolve("template");
    }

    public Path luaInput() {
        return scratch.resolve("lua.in");
    }

    public Path text() {
        return scratch.resolve("text.txt");
    }

    /** A file for a run's captured stream or Node's reference output. */
    public Path file(String name) {
        return scratch.resolve(name);
    }

    /** Refills the data directory from its template. */
    public void resetData() throws IOException {
        Directories.refill(data(), template());
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> walk = Files.walk(scratch)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
