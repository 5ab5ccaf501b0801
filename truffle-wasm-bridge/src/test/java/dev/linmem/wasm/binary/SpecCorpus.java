package dev.linmem.wasm.binary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the spec test corpus ({@code shared/wasm-spec}) by searching upwards from the working
 * directory: CI runs from a clone at {@code <dir>/main} with {@code <dir>/shared} beside it, and a
 * worktree at {@code /work/wt-x} has {@code /work/shared} beside it.
 */
final class SpecCorpus {

    private SpecCorpus() {
    }

    /** The {@code shared/wasm-spec} directory, or null when none is found. */
    static Path locate() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("wasm-spec");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }
}
