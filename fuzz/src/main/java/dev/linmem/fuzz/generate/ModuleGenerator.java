package dev.linmem.fuzz.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.linmem.fuzz.tools.ProcessRunner;
import dev.linmem.fuzz.tools.Toolchain;

/**
 * Turns a seed into a valid module: the seed fixes a length and that many random bytes, which
 * binaryen's {@code wasm-opt -ttf} ("translate to fuzz") reads as the choices it makes while
 * building a module, and a feature profile. The same seed gives the same module with the same
 * binaryen version. All memories are then exported ({@link MemoryExporter}) so their final
 * contents can be compared.
 */
public final class ModuleGenerator {
    /** A generated module and how it was made. */
    public record Generated(long seed, FeatureProfile profile, int inputLength, byte[] module) {
    }

    private static final int MIN_INPUT = 256;

    private final Toolchain tools;
    private final Path workDir;
    private final int maxInput;

    /** Scratch files go to {@code workDir}; random inputs are 256 bytes to {@code maxInput} long. */
    public ModuleGenerator(Toolchain tools, Path workDir, int maxInput) {
        this.tools = tools;
        this.workDir = workDir;
        this.maxInput = Math.max(MIN_INPUT, maxInput);
    }

    public Generated generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int length = random.nextInt(MIN_INPUT, maxInput + 1);
        byte[] input = new byte[length];
        random.nextBytes(input);
        // One module in four uses memory64, one in eight the threads proposal.
        int roll = random.nextInt(8);
        FeatureProfile profile = roll < 2 ? FeatureProfile.MEMORY64 : roll == 2 ? FeatureProfile.THREADS : FeatureProfile.BASE;
        Path in = workDir.resolve("ttf-" + seed + ".bin");
        Path out = workDir.resolve("ttf-" + seed + ".wasm");
        try {
            Files.write(in, input);
            List<String> args = new ArrayList<>(List.of("-ttf", in.toString(), "-o", out.toString()));
            args.addAll(profile.wasmOptFlags());
            ProcessRunner.Result result = ProcessRunner.run(tools.binaryen("wasm-opt", args.toArray(String[]::new)), workDir,
                            Duration.ofMinutes(2), tools.environment());
            if (!result.succeeded()) {
                throw new IllegalStateException("wasm-opt -ttf failed for seed " + seed + ": " + result.describe());
            }
            byte[] module = MemoryExporter.exportAllMemories(Files.readAllBytes(out));
            return new Generated(seed, profile, length, module);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(in);
            deleteQuietly(out);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // scratch files; the campaign's work folder is removed at the end anyway
        }
    }
}
