package dev.linmem.bench.programs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line every WASI runner of the real-program section shares with {@code bin/linmem run}
 * and the tests' node-wasi.mjs, plus the steady-state loop's options:
 * <pre>
 *   [--memory static|dynamic] [--storage heap|native]          (linmem's runner only)
 *   [--warmup W --iterations N --stdin FILE --expect-stdout FILE --expect-status S [--fresh DIR=TEMPLATE]]
 *   [--dir HOST[::GUEST]]... [--env NAME=VALUE]... PROG.wasm [ARGS...]
 * </pre>
 * Options come before the program; everything after it is the program's own argv. Without
 * {@code --iterations} a runner runs the program once on this process's standard streams.
 *
 * @param dirs the preopens, host directory and guest name (the host path when no ::GUEST is given)
 * @param env the program's environment, in the order given
 * @param argv argv[0] (the program's file name as given) and its arguments
 * @param steady the steady-state loop, or null for one run
 * @param memory the linmem memory kind's {@code --memory} and {@code --storage} (empty when not given)
 */
public record WasiCommandLine(List<Preopen> dirs, Map<String, String> env, List<String> argv, Steady steady,
                Map<String, String> memory) {

    /** A host directory the program sees under the name {@code guest}. */
    public record Preopen(Path host, String guest) {
    }

    /**
     * The steady-state loop: {@code warmup} runs, then {@code iterations} measured runs, each a
     * fresh instance fed {@code stdin} and checked against {@code expectStdout} and
     * {@code expectStatus}; {@code freshDir} (may be null) is emptied and refilled from
     * {@code template} before every run, so that files a run leaves (a database) do not change the next.
     */
    public record Steady(int warmup, int iterations, Path stdin, Path expectStdout, int expectStatus, Path freshDir,
                    Path template) {
    }

    /** A command line the runner cannot use; the message is for the user. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public Path program() {
        return Path.of(argv.get(0));
    }

    /**
     * Parses {@code args}; {@code memoryOptions} says whether --memory and --storage are accepted
     * (linmem's runner), for the other engines they are a mistake.
     */
    public static WasiCommandLine parse(String[] args, boolean memoryOptions) throws UsageException {
        List<Preopen> dirs = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> memory = new LinkedHashMap<>();
        Map<String, String> steady = new LinkedHashMap<>();
        int i = 0;
        for (; i < args.length && args[i].startsWith("--"); i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            String value = args[i + 1];
            switch (option) {
                case "--dir" -> dirs.add(preopen(value));
                case "--env" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new UsageException("--env " + value + ": expected NAME=VALUE");
                    }
                    env.put(value.substring(0, eq), value.substring(eq + 1));
                }
                case "--memory", "--storage" -> {
                    if (!memoryOptions) {
                        throw new UsageException(option + " is an option of linmem's runner only");
                    }
                    memory.put(option.substring(2), value);
                }
                case "--warmup", "--iterations", "--stdin", "--expect-stdout", "--expect-status", "--fresh" ->
                    steady.put(option.substring(2), value);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (i >= args.length) {
            throw new UsageException("no PROG.wasm given");
        }
        List<String> argv = List.of(args).subList(i, args.length);
        return new WasiCommandLine(List.copyOf(dirs), env, List.copyOf(argv), steady(steady), memory);
    }

    private static Preopen preopen(String value) throws UsageException {
        int separator = value.indexOf("::");
        String host = separator < 0 ? value : value.substring(0, separator);
        String guest = separator < 0 ? value : value.substring(separator + 2);
        if (host.isEmpty() || guest.isEmpty()) {
            throw new UsageException("--dir " + value + ": expected HOST or HOST::GUEST");
        }
        return new Preopen(Path.of(host), guest);
    }

    private static Steady steady(Map<String, String> options) throws UsageException {
        if (options.isEmpty()) {
            return null;
        }
        for (String required : List.of("iterations", "stdin", "expect-stdout")) {
            if (!options.containsKey(required)) {
                throw new UsageException("the steady-state loop needs --" + required + " (given: --"
                                + String.join(", --", options.keySet()) + ")");
            }
        }
        int warmup = number(options, "warmup", "0", 0);
        int iterations = number(options, "iterations", null, 1);
        int status = number(options, "expect-status", "0", 0);
        Path freshDir = null;
        Path template = null;
        String fresh = options.get("fresh");
        if (fresh != null) {
            int eq = fresh.indexOf('=');
            if (eq <= 0 || eq == fresh.length() - 1) {
                throw new UsageException("--fresh " + fresh + ": expected DIR=TEMPLATE");
            }
            freshDir = Path.of(fresh.substring(0, eq));
            template = Path.of(fresh.substring(eq + 1));
        }
        return new Steady(warmup, iterations, Path.of(options.get("stdin")), Path.of(options.get("expect-stdout")), status,
                        freshDir, template);
    }

    private static int number(Map<String, String> options, String name, String fallback, int minimum) throws UsageException {
        String value = options.getOrDefault(name, fallback);
        try {
            int n = Integer.parseInt(value);
            if (n < minimum) {
                throw new UsageException("--" + name + " must be at least " + minimum + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " " + value + ": not a whole number");
        }
    }
}
