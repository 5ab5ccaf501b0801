package dev.linmem.bench.programs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link ProgramsBench}. What a user gives {@code bin/linmem bench --programs}:
 * <pre>
 *   [--engines ID,...] [--warmup W] [--iterations N] [--steady-rounds K] [RUNS] [PROGRAM...]
 * </pre>
 * RUNS whole-process rounds (default 3), every program (default all) on every engine (default
 * all) in each; then K rounds (default 1; 0 for none) of one steady-state loop per program and
 * engine, W warm-up runs (default 3) and N measured runs (default 5). Node always runs, first in
 * every round: its output is the reference. What the launcher adds: {@code --root --own --third
 * --out --java --jvm-flags --classpath}.
 */
public record BenchOptions(List<Program> programs, List<ProgramEngine> engines, int rounds, int steadyRounds, int warmup,
                int iterations, Path out, Path own, Path thirdParty, ProgramEngine.Launch launch) {

    public static BenchOptions parse(String[] args) throws WasiCommandLine.UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new WasiCommandLine.UsageException(args[i] + " needs a value");
                }
                if (!List.of("--engines", "--warmup", "--iterations", "--steady-rounds", "--root", "--own", "--third", "--out", "--java",
                                "--jvm-flags", "--classpath").contains(args[i])) {
                    throw new WasiCommandLine.UsageException("unknown option " + args[i]);
                }
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        for (String required : List.of("root", "own", "third", "out", "java", "classpath")) {
            if (!options.containsKey(required)) {
                throw new WasiCommandLine.UsageException("--" + required + " is missing (the launcher, bench/programs.sh, gives it)");
            }
        }
        int rounds = 3;
        if (!positional.isEmpty() && positional.get(0).matches("-?\\d+")) {
            rounds = number(positional.remove(0), "RUNS", 1);
        }
        List<Program> programs = new ArrayList<>();
        try {
            for (String id : positional) {
                programs.add(Program.of(id));
            }
        } catch (IllegalArgumentException e) {
            throw new WasiCommandLine.UsageException(e.getMessage());
        }
        if (programs.isEmpty()) {
            programs.addAll(List.of(Program.values()));
        }
        List<ProgramEngine> engines = new ArrayList<>(List.of(ProgramEngine.NODE));
        try {
            if (options.containsKey("engines")) {
                for (String id : options.get("engines").split(",")) {
                    ProgramEngine engine = ProgramEngine.of(id.trim());
                    if (!engines.contains(engine)) {
                        engines.add(engine);
                    }
                }
            } else {
                engines = List.of(ProgramEngine.values());
            }
        } catch (IllegalArgumentException e) {
            throw new WasiCommandLine.UsageException(e.getMessage());
        }
        String flags = options.getOrDefault("jvm-flags", "").strip();
        ProgramEngine.Launch launch = new ProgramEngine.Launch(Path.of(options.get("root")), Path.of(options.get("java")),
                        flags.isEmpty() ? List.of() : Arrays.asList(flags.split("\\s+")), options.get("classpath"));
        return new BenchOptions(List.copyOf(programs), List.copyOf(engines), rounds,
                        number(options.getOrDefault("steady-rounds", "1"), "--steady-rounds", 0),
                        number(options.getOrDefault("warmup", "3"), "--warmup", 0),
                        number(options.getOrDefault("iterations", "5"), "--iterations", 1), Path.of(options.get("out")),
                        Path.of(options.get("own")), Path.of(options.get("third")), launch);
    }

    private static int number(String value, String name, int minimum) throws WasiCommandLine.UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= minimum) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WasiCommandLine.UsageException(name + " must be a whole number of at least " + minimum + ", not " + value);
    }
}
