package dev.linmem.fuzz.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The wasm features binaryen may use in a generated module: always what linmem claims of
 * WebAssembly 2.0 without SIMD (sign extension, non-trapping float-to-int, bulk memory, multiple
 * results, mutable globals, reference types) plus extended constant expressions; in some modules
 * also memory64 (with table64) or the threads proposal (atomics on a shared memory). Never SIMD,
 * exception handling, GC, tail calls, strings or stack switching.
 *
 * <p>Multi-memory is claimed by linmem but not generated: binaryen 132's {@code -ttf} gives a
 * module one memory and, even when {@code --initial-fuzz} supplies more, accesses only the first.
 */
public enum FeatureProfile {
    BASE(List.of()),
    MEMORY64(List.of("--enable-memory64")),
    THREADS(List.of("--enable-threads"));

    private static final List<String> BASE_FLAGS = List.of("--mvp-features", "--enable-sign-ext", "--enable-nontrapping-float-to-int",
                    "--enable-bulk-memory", "--enable-bulk-memory-opt", "--enable-multivalue", "--enable-mutable-globals",
                    "--enable-reference-types", "--enable-extended-const");

    private final List<String> extraFlags;

    FeatureProfile(List<String> extraFlags) {
        this.extraFlags = extraFlags;
    }

    /** The wasm-opt feature flags of this profile. */
    public List<String> wasmOptFlags() {
        List<String> flags = new ArrayList<>(BASE_FLAGS);
        flags.addAll(extraFlags);
        return flags;
    }

    /** Every feature any profile may use, for tools (wasm-reduce) that work on all modules alike. */
    public static List<String> allFlags() {
        List<String> flags = new ArrayList<>(BASE_FLAGS);
        for (FeatureProfile profile : values()) {
            flags.addAll(profile.extraFlags);
        }
        return flags;
    }
}
