package dev.linmem.bench.programs;

import dev.linmem.bench.report.ProgramsReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The real-program section of {@code bin/linmem bench} (issue 11), started by
 * {@code bench/programs.sh}: every program on every engine, whole process and at steady state, each
 * run's output and exit status checked against Node's; writes {@code runs.json}, {@code report.md}
 * and {@code charts/} into the output folder. Engines are interleaved: each round runs every engine
 * once on a program before the next program, so that the machine's drift lands on all of them and
 * the ratios divide numbers taken side by side. Exits 1 when any run differed from Node's, 2 on a
 * usage error.
 */
public final class ProgramsBench {
    private static final Duration WHOLE_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration STEADY_TIMEOUT = Duration.ofHours(3);

    private final BenchOptions options;
    private final List<Measurement> measurements = new ArrayList<>();
    /** Node's output and status in the first round: what every run of the program is compared with. */
    private final Map<Program, Path> expectedStdout = new EnumMap<>(Program.class);
    private final Map<Program, Integer> expectedStatus = new EnumMap<>(Program.class);
    private int differences;

    private ProgramsBench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (WasiCommandLine.UsageException e) {
            System.err.println("bench --programs: " + e.getMessage());
            System.err.println("usage: bin/linmem bench --programs [--engines ID,...] [--warmup W] [--iterations N] "
                            + "[--steady-rounds K] [RUNS] [PROGRAM...]");
            System.exit(2);
            return;
        }
        System.exit(new ProgramsBench(options).run());
    }

    private int run() throws IOException, InterruptedException {
        Files.createDirectories(options.out());
        Map<String, String> machine = Machine.describe(options.launch());
        System.out.println("load before: " + machine.get("load before"));
        try (Workspace w = Workspace.create(options.own(), options.thirdParty(),
                        options.launch().root().resolve("mx-free-tests/src/test/wasi"))) {
            for (int round = 1; round <= options.rounds(); round++) {
                for (Program program : options.programs()) {
                    for (ProgramEngine engine : options.engines()) {
                        wholeProcess(w, program, engine, round);
                    }
                }
            }
            for (int round = 1; round <= options.steadyRounds(); round++) {
                for (Program program : options.programs()) {
                    for (ProgramEngine engine : options.engines()) {
                        steadyState(w, program, engine, round);
                    }
                }
            }
        }
        machine.put("load after", Machine.load());
        System.out.println("load after: " + machine.get("load after"));
        ProgramsRun run = new ProgramsRun(machine, options.programs().stream().map(Program::id).toList(),
                        options.engines().stream().map(ProgramEngine::id).toList(), options.rounds(), options.steadyRounds(),
                        options.warmup(), options.iterations(), measurements);
        run.write(options.out().resolve("runs.json"));
        ProgramsReport.write(run, options.out());
        System.out.println("report: " + options.out().resolve("report.md"));
        if (differences > 0) {
            System.out.println(differences + " run(s) printed something other than Node or exited differently (DIFFERENT above)");
            return 1;
        }
        return 0;
    }

    private void wholeProcess(Workspace w, Program program, ProgramEngine engine, int round) throws IOException, InterruptedException {
        w.resetData();
        Path stdout = w.file(program.id() + "." + engine.id() + ".out");
        Path stderr = w.file(program.id() + "." + engine.id() + ".err");
        List<String> command = new ArrayList<>(engine.wholeProcess(options.launch()));
        command.addAll(program.commandLine(w));
        ProcessRun run = ProcessRun.run(command, program.stdin(w), stdout, stderr, WHOLE_TIMEOUT);
        if (engine == ProgramEngine.NODE && round == 1) {
            Path expected = w.file(program.id() + ".expected");
            Files.copy(stdout, expected);
            expectedStdout.put(program, expected);
            expectedStatus.put(program, run.status());
        }
        String difference = run.timedOut() ? "timed out after " + WHOLE_TIMEOUT.toMinutes() + " minutes"
                        : OutputCheck.difference(Files.readAllBytes(expectedStdout.get(program)), expectedStatus.get(program),
                                        Files.readAllBytes(stdout), run.status()).map(d -> d + stderrExcerpt(stderr)).orElse(null);
        record(new Measurement(program.id(), engine.id(), Measurement.WHOLE, round, 1, false, run.wallSeconds(), run.cpuSeconds(),
                        difference));
        System.out.printf(Locale.ROOT, "round %d %s %s: %.3f s (cpu %.3f s) %s; load %s%n", round, program.id(), engine.id(),
                        run.wallSeconds(), run.cpuSeconds(), difference == null ? "same" : "DIFFERENT: " + difference,
                        Machine.load().split(" ")[0]);
    }

    private void steadyState(Workspace w, Program program, ProgramEngine engine, int round) throws IOException, InterruptedException {
        Path stdout = w.file(program.id() + "." + engine.id() + ".steady.out");
        Path stderr = w.file(program.id() + "." + engine.id() + ".steady.err");
        List<String> command = new ArrayList<>(engine.steadyState(options.launch()));
        command.addAll(List.of("--warmup", Integer.toString(options.warmup()), "--iterations", Integer.toString(options.iterations()),
                        "--stdin", program.stdin(w).toString(), "--expect-stdout", expectedStdout.get(program).toString(),
                        "--expect-status", Integer.toString(expectedStatus.get(program)), "--fresh", w.data() + "=" + w.template()));
        command.addAll(program.commandLine(w));
        ProcessRun run = ProcessRun.run(command, Path.of("/dev/null"), stdout, stderr, STEADY_TIMEOUT);
        List<SteadyLine> lines = Files.readAllLines(stdout).stream().map(SteadyLine::parse).filter(l -> l != null).toList();
        for (SteadyLine line : lines) {
            record(new Measurement(program.id(), engine.id(), Measurement.STEADY, round, line.iteration(), line.warmup(),
                            line.nanos() / 1e9, Double.NaN, line.difference()));
        }
        boolean complete = lines.size() == options.warmup() + options.iterations();
        String failure = null;
        if (run.timedOut()) {
            failure = "timed out after " + STEADY_TIMEOUT.toHours() + " hours";
        } else if (lines.stream().allMatch(SteadyLine::same) && (!complete || run.status() != 0)) {
            // A loop that stopped at a run that failed has said why in that run's line; this is the loop dying without a word.
            failure = "the loop's process exited " + run.status() + " after " + lines.size() + " of "
                            + (options.warmup() + options.iterations()) + " runs" + stderrExcerpt(stderr);
        }
        if (failure != null) {
            record(new Measurement(program.id(), engine.id(), Measurement.STEADY, round, 0, false, Double.NaN, Double.NaN, failure));
        }
        double[] measured = lines.stream().filter(l -> !l.warmup()).mapToDouble(l -> l.nanos() / 1e9).sorted().toArray();
        long different = lines.stream().filter(l -> !l.same()).count();
        System.out.printf(Locale.ROOT, "steady round %d %s %s: median %s s per run of %d after %d warm-up; %s; load %s%n", round,
                        program.id(), engine.id(), measured.length == 0 ? "n/a" : String.format(Locale.ROOT, "%.4f", measured[measured.length / 2]),
                        measured.length, options.warmup(),
                        failure != null ? "FAILED: " + failure
                                        : different == 0 ? "every run same" : different + " run(s) DIFFERENT: " + lines.stream()
                                                        .filter(l -> !l.same()).findFirst().map(SteadyLine::difference).orElse(""),
                        Machine.load().split(" ")[0]);
    }

    private void record(Measurement m) {
        measurements.add(m);
        if (!m.same()) {
            differences++;
        }
    }

    private static String stderrExcerpt(Path stderr) {
        try {
            byte[] bytes = Files.readAllBytes(stderr);
            return bytes.length == 0 ? "" : "; stderr \"" + OutputCheck.excerpt(bytes, 0, 300) + "\"";
        } catch (IOException e) {
            return "";
        }
    }
}
