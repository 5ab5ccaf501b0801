package dev.linmem.fuzz.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.linmem.fuzz.campaign.Campaign;
import dev.linmem.fuzz.campaign.CampaignOptions;
import dev.linmem.fuzz.campaign.Statistics;
import dev.linmem.fuzz.linmem.ExecutionMode;
import dev.linmem.fuzz.linmem.MemoryKind;
import dev.linmem.fuzz.tools.Toolchain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/linmem fuzz}: a differential campaign against V8 and a robustness campaign with
 * malformed modules. Exit code 0 when no execution failed, 1 when some did (the cases are under
 * {@code --out}), 2 for a bad command line.
 */
@Command(name = "linmem fuzz", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generates valid modules with binaryen (wasm-opt -ttf), runs each in V8 and in linmem and compares",
            "results, traps, logged values and final memories; then runs malformed modules (mutations of valid ones) in",
            "linmem, where anything but a clean rejection, run or trap fails. Reproducible by seed."})
public final class FuzzCommand implements Callable<Integer> {
    @Option(names = "--seed", description = "seed of the first valid module; module i has seed + i (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--count", description = "valid modules to generate and compare (default: ${DEFAULT-VALUE})")
    int count = 100;

    @Option(names = "--malformed", description = "malformed modules to run (default: ${DEFAULT-VALUE})")
    int malformed = 1000;

    @Option(names = "--modes", split = ",", description = "execution modes: interpreted, compiled, warm (default: all)")
    List<ExecutionMode> modes = List.of(ExecutionMode.values());

    @Option(names = "--kinds", split = ",", converter = KindConverter.class,
            description = "memory kinds: static-heap, static-native, dynamic-heap, dynamic-native (default: all)")
    List<MemoryKind> kinds = List.of(MemoryKind.values());

    @Option(names = "--full-matrix", description = "run every mode on every kind for each module (default: each mode on one kind, kinds taking turns)")
    boolean fullMatrix;

    @Option(names = "--max-input", description = "longest random input for wasm-opt -ttf in bytes; larger inputs make larger modules (default: ${DEFAULT-VALUE})")
    int maxInput = 4096;

    @Option(names = "--out", description = "folder for failing cases (default: fuzz/target/fuzz-campaign)")
    Path out;

    @Option(names = "--budget", description = "seconds one linmem execution of a valid module may take (default: ${DEFAULT-VALUE})")
    int budgetSeconds = 60;

    @Option(names = "--malformed-budget", description = "seconds one execution of a malformed module may take (default: ${DEFAULT-VALUE})")
    int malformedBudgetSeconds = 3;

    @Option(names = "--no-reduce", negatable = true, description = "do not shrink failing modules (default: shrink them)")
    boolean reduce = true;

    @Option(names = "--jobs", description = "modules worked on at once, each with a worker JVM (default: ${DEFAULT-VALUE})")
    int jobs = 1;

    @Option(names = "--worker-heap", description = "maximum heap of a worker JVM (default: ${DEFAULT-VALUE})")
    String workerHeap = "1g";

    @Option(names = "--rss-limit-mib", description = "worker resident memory that counts as a blow-up, in MiB (default: ${DEFAULT-VALUE})")
    long rssLimitMib = 4096;

    @Option(names = "--module", description = "compare these module files instead of generating modules (no malformed run)")
    List<Path> modules = List.of();

    @Option(names = "--home", description = "the fuzz module's folder (default: the linmem.fuzz.home property, else ./fuzz)")
    Path home;

    private PrintStream out() {
        return System.out;
    }

    @Override
    public Integer call() {
        Path fuzzHome = home != null ? home : Path.of(System.getProperty("linmem.fuzz.home", "fuzz"));
        Toolchain tools = Toolchain.locate(fuzzHome);
        Path outDir = out != null ? out : tools.home().resolve("target/fuzz-campaign");
        CampaignOptions options = new CampaignOptions(seed, modules.isEmpty() ? count : 0, modules.isEmpty() ? malformed : 0, modes, kinds,
                        fullMatrix, maxInput, outDir.toAbsolutePath(), Duration.ofSeconds(budgetSeconds), Duration.ofSeconds(malformedBudgetSeconds),
                        reduce, Math.max(1, jobs), workerHeap, rssLimitMib << 20);
        Campaign campaign = new Campaign(tools, options, out());
        Statistics statistics = modules.isEmpty() ? campaign.run() : campaign.replay(modules);
        out().print(statistics.report());
        if (statistics.failures() > 0) {
            out().println("failing cases are in " + outDir.resolve("cases"));
        }
        return statistics.failures() == 0 ? 0 : 1;
    }

    /** Accepts the kinds as written in the help (static-heap), in any case. */
    static final class KindConverter implements CommandLine.ITypeConverter<MemoryKind> {
        @Override
        public MemoryKind convert(String value) {
            return MemoryKind.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new FuzzCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(new PrintWriter(System.out, true));
        System.exit(commandLine.execute(args));
    }
}
