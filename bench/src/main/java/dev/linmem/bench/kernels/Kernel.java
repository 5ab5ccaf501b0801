package dev.linmem.bench.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The wasm kernels (sources in bench/kernels, built by its build.sh), with the argument each is
 * called with and the result V8 computed for it (expected.properties).
 */
public enum Kernel {
    FILL_SUM_I32("fill_sum_i32", false),
    HASH_BYTES("hash_bytes", false),
    SUM_I64("sum_i64", true),
    SORT("sort", false),
    CRC32("crc32", false),
    COPY_BLOCKS("copy_blocks", false),
    FILL_BLOCKS("fill_blocks", false),
    /** Grows a fresh instance's memory one page at a time (grow.wat); each call instantiates. */
    GROW_PAGES("grow_pages", false);

    private static final Properties EXPECTED = load("expected.properties");

    public final String export;
    private final boolean i64Result;

    Kernel(String export, boolean i64Result) {
        this.export = export;
        this.i64Result = i64Result;
    }

    public boolean freshInstancePerCall() {
        return this == GROW_PAGES;
    }

    public String wasmFile() {
        return this == GROW_PAGES ? "grow.wasm" : "kernels.wasm";
    }

    public int argument() {
        return Integer.parseInt(EXPECTED.getProperty(export + ".arg"));
    }

    public long expected() {
        return Long.parseLong(EXPECTED.getProperty(export + ".result"));
    }

    /** Engines return an i32 as a long with or without sign extension; compare the 32 bits. */
    public long normalize(long raw) {
        return i64Result ? raw : (int) raw;
    }

    public byte[] wasm() {
        try (InputStream in = Kernel.class.getResourceAsStream("/kernels/" + wasmFile())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = Kernel.class.getResourceAsStream("/kernels/" + name)) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("kernel resource " + name + " is missing from the class path", e);
        }
        return properties;
    }
}
