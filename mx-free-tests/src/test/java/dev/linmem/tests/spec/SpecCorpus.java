package dev.linmem.tests.spec;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the spec corpus, {@code shared/wasm-spec}, which lives beside the repository, not in it:
 * CI runs in {@code <dir>/main} with {@code <dir>/shared} beside it, a developer in a worktree
 * such as {@code /work/wt-tools} with {@code /work/shared}. So search upwards from the working
 * directory. The system property {@code linmem.spec.dir} overrides the search.
 */
final class SpecCorpus {

    private SpecCorpus() {
    }

    /** The corpus folder; fails (never skips) when it is missing, so a lost corpus cannot look green. */
    static Path root() {
        String override = System.getProperty("linmem.spec.dir");
        if (override != null) {
            Path dir = Path.of(override).toAbsolutePath();
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("linmem.spec.dir=" + override + " is not a folder");
            }
            return dir;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("wasm-spec");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/wasm-spec in " + start + " or any folder above it"
                + " (set -Dlinmem.spec.dir=... to point at the corpus)");
    }

    static Path folder(String name) {
        Path dir = root().resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the spec corpus has no folder " + dir);
        }
        return dir;
    }
}
