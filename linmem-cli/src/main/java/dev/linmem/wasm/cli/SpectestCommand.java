package dev.linmem.wasm.cli;

import dev.linmem.wasm.binary.WasmFeatures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code linmem spectest PATH...}: runs every wast2json script under the paths, one line per
 * file, then the command counts: passed, failed, and skipped by reason. Exits 1 when any command failed.
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
        SpecTotals totals = new SpecTotals();
        for (Path file : scripts) {
            SpecScript script;
            try {
                script = SpecScript.load(file);
            } catch (IOException | RuntimeException e) {
                out.println("FAIL " + display(file) + ": cannot read it: " + e.getMessage());
                totals.add(SpecOutcome.failed("cannot read " + file));
                continue;
            }
            List<SpecOutcome> outcomes;
            try (SpecRunner runner = new SpecRunner(script, memory.allocator(),
                    threadsProposal ? WasmFeatures.THREADS_PROPOSAL : WasmFeatures.ALL)) {
                outcomes = runner.runAll();
            }
            SpecTotals fileTotals = new SpecTotals();
            StringBuilder failures = new StringBuilder();
            for (int i = 0; i < outcomes.size(); i++) {
                SpecOutcome outcome = outcomes.get(i);
                fileTotals.add(outcome);
                if (outcome.status() == SpecOutcome.Status.FAILED && fileTotals.failed() <= shown) {
                    SpecCommand c = script.commands().get(i);
                    failures.append("    line ").append(c.line()).append(' ').append(c.type())
                            .append(": ").append(outcome.message()).append(System.lineSeparator());
                }
            }
            totals.add(fileTotals);
            int n = outcomes.size();
            if (fileTotals.failed() == 0) {
                out.println("PASS " + display(file) + " (" + n + " commands" + skips(fileTotals) + ")");
            } else {
                out.println("FAIL " + display(file) + ": " + fileTotals.failed() + " of " + n + " failed" + skips(fileTotals));
                out.print(failures);
            }
            out.flush();
        }
        out.println(totals);
        return totals.failed() > 0 ? Main.EXIT_FAILURE : 0;
    }

    /** {@code ", 3 skipped: 2 text-format module, 1 unsupported feature: GC types"}, or nothing when none were. */
    private static String skips(SpecTotals totals) {
        if (totals.skipped() == 0) {
            return "";
        }
        return ", " + totals.skipped() + " skipped: " + totals.skippedByReason().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    /** The path relative to the working directory when it is under it: shorter lines, same meaning. */
    private static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : file.toString();
    }
}
