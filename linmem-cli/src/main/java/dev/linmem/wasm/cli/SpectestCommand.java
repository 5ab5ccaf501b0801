package dev.linmem.wasm.cli;

import dev.linmem.wasm.binary.WasmFeatures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code linmem spectest PATH...}: runs every wast2json script under the paths, one line per
 * file, then the command counts. Exits 1 when any command failed.
 */
@Command(name = "spectest", mixinStandardHelpOptions = true,
        description = "Run wast2json spec scripts (.json beside their .wasm modules) found under the PATHs.")
final class SpectestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MemoryChoice memory = new MemoryChoice();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "script files or folders to search for .json scripts")
    List<Path> paths;

    @Option(names = "--threads-proposal",
            description = "decode as the threads proposal's suite expects: at most one memory and one table per module")
    boolean threadsProposal;

    @Option(names = "--show", paramLabel = "N", defaultValue = "5",
            description = "failures to show per failing file (default: ${DEFAULT-VALUE})")
    int shown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> scripts;
        try {
            scripts = SpecScript.findScripts(paths);
        } catch (IOException e) {
            err.println("linmem: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (scripts.isEmpty()) {
            err.println("linmem: no .json spec scripts under " + paths);
            return Main.EXIT_USAGE;
        }
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (Path file : scripts) {
            SpecScript script;
            try {
                script = SpecScript.load(file);
            } catch (IOException | RuntimeException e) {
                out.println("FAIL " + display(file) + ": cannot read it: " + e.getMessage());
                failed++;
                continue;
            }
            List<SpecOutcome> outcomes;
            try (SpecRunner runner = new SpecRunner(script, memory.allocator(),
                    threadsProposal ? WasmFeatures.THREADS_PROPOSAL : WasmFeatures.ALL)) {
                outcomes = runner.runAll();
            }
            int fileFailed = 0;
            int fileSkipped = 0;
            StringBuilder failures = new StringBuilder();
            for (int i = 0; i < outcomes.size(); i++) {
                SpecOutcome outcome = outcomes.get(i);
                switch (outcome.status()) {
                    case PASSED -> passed++;
                    case SKIPPED -> fileSkipped++;
                    case FAILED -> {
                        if (fileFailed++ < shown) {
                            SpecCommand c = script.commands().get(i);
                            failures.append("    line ").append(c.line()).append(' ').append(c.type())
                                    .append(": ").append(outcome.message()).append(System.lineSeparator());
                        }
                    }
                }
            }
            failed += fileFailed;
            skipped += fileSkipped;
            int n = outcomes.size();
            if (fileFailed == 0) {
                out.println("PASS " + display(file) + " (" + n + " commands" + (fileSkipped > 0 ? ", " + fileSkipped + " skipped" : "") + ")");
            } else {
                out.println("FAIL " + display(file) + ": " + fileFailed + " of " + n + " failed"
                        + (fileSkipped > 0 ? ", " + fileSkipped + " skipped" : ""));
                out.print(failures);
            }
            out.flush();
        }
        out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
        return failed > 0 ? Main.EXIT_FAILURE : 0;
    }

    /** The path relative to the working directory when it is under it: shorter lines, same meaning. */
    private static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : file.toString();
    }
}
