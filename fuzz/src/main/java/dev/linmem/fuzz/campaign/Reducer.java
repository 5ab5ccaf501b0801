package dev.linmem.fuzz.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.linmem.fuzz.generate.FeatureProfile;
import dev.linmem.fuzz.generate.ModuleEdits;
import dev.linmem.fuzz.generate.TextTree;
import dev.linmem.fuzz.tools.ProcessRunner;
import dev.linmem.fuzz.tools.Toolchain;

/**
 * Shrinks a failing module while an interestingness test (the differential run of the failing
 * configuration, giving the same verdict) holds: binaryen's optimization pipelines and single
 * passes as whole-module steps, dropping exported functions one at a time, replacing function
 * bodies by {@code unreachable} (each followed by removing what became unused), and removing
 * statements from the text form in ever smaller chunks (checked with {@code wasm-as} before they
 * are run), until nothing more helps or the budget is spent.
 *
 * <p>Why not binaryen's {@code wasm-reduce}: the npm build of binaryen 132 cannot start processes
 * (it fails at its first command with "RuntimeError: null function or function signature
 * mismatch"), and it would start a JVM per candidate; this reducer runs each candidate in the
 * campaign's worker JVM.
 */
final class Reducer {
    private static final int MAX_CHECKS = 400;
    private static final Duration MAX_TIME = Duration.ofMinutes(15);
    /** Whole pipelines first (big steps), then single passes (small ones that often keep a fragile failure). */
    private static final List<List<String>> PIPELINES = List.of(List.of("-O1"), List.of("-Os"), List.of("-O3"),
                    List.of("--dce", "--vacuum", "--remove-unused-module-elements"), List.of("--precompute"), List.of("--simplify-locals"),
                    List.of("--remove-unused-brs"), List.of("--merge-blocks"), List.of("--coalesce-locals"), List.of("--reorder-locals"),
                    List.of("--optimize-instructions"), List.of("--vacuum"), List.of("--code-folding"), List.of("--remove-unused-names"),
                    List.of("--simplify-globals"), List.of("--inlining"), List.of("--duplicate-function-elimination"));

    private final Toolchain tools;
    private final Path workDir;
    private final Predicate<byte[]> interesting;
    private int checks;
    private long deadline;

    Reducer(Toolchain tools, Path workDir, Predicate<byte[]> interesting) {
        this.tools = tools;
        this.workDir = workDir;
        this.interesting = interesting;
    }

    /** The smallest interesting module found, starting from {@code module} (returned if nothing smaller is). */
    byte[] reduce(byte[] module) {
        deadline = System.nanoTime() + MAX_TIME.toNanos();
        byte[] best = module;
        boolean progress = true;
        while (progress && withinBudget()) {
            progress = false;
            for (List<String> pipeline : PIPELINES) {
                byte[] candidate = optimize(best, pipeline);
                if (candidate != null && candidate.length < best.length && check(candidate)) {
                    best = candidate;
                    progress = true;
                }
            }
            for (int e = ModuleEdits.functionExportCount(best) - 1; e >= 0 && withinBudget(); e--) {
                byte[] candidate = cleanUp(ModuleEdits.withoutFunctionExport(best, e));
                if (candidate.length < best.length && check(candidate)) {
                    best = candidate;
                    progress = true;
                }
            }
            for (int f = ModuleEdits.functionBodyCount(best) - 1; f >= 0 && withinBudget(); f--) {
                if (ModuleEdits.isUnreachableBody(best, f)) {
                    continue;
                }
                byte[] candidate = cleanUp(ModuleEdits.withUnreachableBody(best, f));
                if (candidate.length < best.length && check(candidate)) {
                    best = candidate;
                    progress = true;
                }
            }
            byte[] statementsRemoved = removeStatements(best);
            if (statementsRemoved.length < best.length) {
                best = statementsRemoved;
                progress = true;
            }
        }
        return best;
    }

    /** Removes chunks of statements (halves, then quarters, down to single ones) while the failure stays. */
    private byte[] removeStatements(byte[] module) {
        String text = run("wasm-dis", module, List.of(), ".wasm", ".wat");
        if (text == null) {
            return module;
        }
        byte[] best = module;
        TextTree.Node tree = TextTree.parse(text);
        List<TextTree.Statement> statements = TextTree.statements(tree);
        for (int chunk = Math.max(1, statements.size() / 2); chunk >= 1 && withinBudget(); chunk /= 2) {
            for (int end = statements.size(); end > 0 && withinBudget(); end -= chunk) {
                List<TextTree.Statement> removed = statements.subList(Math.max(0, end - chunk), end);
                byte[] candidate = assemble(TextTree.printWithout(tree, removed));
                if (candidate != null && candidate.length < best.length && check(candidate)) {
                    best = candidate;
                    tree = TextTree.parse(TextTree.printWithout(tree, removed));
                    statements = TextTree.statements(tree);
                    end = Math.min(end, statements.size() + chunk);
                }
            }
        }
        return best;
    }

    /** The binary of a text module, or null when it does not validate. */
    private byte[] assemble(String text) {
        String result = run("wasm-as", text.getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of(), ".wat", ".wasm");
        return result == null ? null : lastOutput;
    }

    int checks() {
        return checks;
    }

    private boolean withinBudget() {
        return checks < MAX_CHECKS && System.nanoTime() < deadline;
    }

    private boolean check(byte[] candidate) {
        checks++;
        return interesting.test(candidate);
    }

    /** Drops what nothing uses any more; the edit itself when wasm-opt cannot. */
    private byte[] cleanUp(byte[] module) {
        byte[] cleaned = optimize(module, List.of("--remove-unused-module-elements"));
        return cleaned != null ? cleaned : module;
    }

    /** {@code module} through wasm-opt with {@code passes}, or null when wasm-opt fails. */
    private byte[] optimize(byte[] module, List<String> passes) {
        return run("wasm-opt", module, passes, ".wasm", ".wasm") == null ? null : lastOutput;
    }

    /** The bytes the last successful {@link #run} wrote. */
    private byte[] lastOutput;

    /**
     * Runs the binaryen tool {@code tool} on {@code input} with every feature enabled; returns its
     * output as text (and keeps the bytes in {@link #lastOutput}), or null when the tool fails.
     */
    private String run(String tool, byte[] input, List<String> extraArgs, String inSuffix, String outSuffix) {
        try {
            Files.createDirectories(workDir);
            Path in = workDir.resolve("in" + inSuffix);
            Path out = workDir.resolve("out" + outSuffix);
            Files.write(in, input);
            Files.deleteIfExists(out);
            List<String> args = new ArrayList<>(List.of(in.toString(), "-o", out.toString()));
            args.addAll(FeatureProfile.allFlags());
            args.addAll(extraArgs);
            ProcessRunner.Result result = ProcessRunner.run(tools.binaryen(tool, args.toArray(String[]::new)), workDir, Duration.ofMinutes(2),
                            tools.environment());
            if (!result.succeeded() || !Files.exists(out)) {
                return null;
            }
            lastOutput = Files.readAllBytes(out);
            return new String(lastOutput, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
