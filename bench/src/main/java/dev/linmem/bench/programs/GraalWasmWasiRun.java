package dev.linmem.bench.programs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Runs a WASI command on GraalWasm 25.0.2 with its {@code wasi_snapshot_preview1} builtins, with
 * the command line of {@code bin/linmem run} and of the tests' node-wasi.mjs, so that the
 * time-to-result study (bench/time-to-result/run.sh) can run the same programs on all three:
 * <pre>
 *   GraalWasmWasiRun [--dir HOST[::GUEST]]... [--env NAME=VALUE]... PROG.wasm [ARGS...]
 * </pre>
 * argv[0] is the file name as given; stdin, stdout and stderr are this process's; the exit status
 * is proc_exit's, 0 when {@code _start} returns.
 */
public final class GraalWasmWasiRun {
    private GraalWasmWasiRun() {
    }

    public static void main(String[] args) throws IOException {
        List<String> preopens = new ArrayList<>();
        Context.Builder builder = Context.newBuilder("wasm").allowExperimentalOptions(true).allowIO(IOAccess.ALL)
                        .option("wasm.Builtins", "wasi_snapshot_preview1");
        int i = 0;
        for (; i + 1 < args.length && args[i].startsWith("--"); i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--dir" -> {
                    // linmem and Node write HOST::GUEST; GraalWasm's WasiMapDirs wants GUEST::HOST.
                    int separator = value.indexOf("::");
                    preopens.add(separator < 0 ? value : value.substring(separator + 2) + "::" + value.substring(0, separator));
                }
                case "--env" -> {
                    int eq = value.indexOf('=');
                    builder.environment(value.substring(0, eq), value.substring(eq + 1));
                }
                default -> {
                    System.err.println("GraalWasmWasiRun: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (i >= args.length) {
            System.err.println("usage: GraalWasmWasiRun [--dir HOST[::GUEST]]... [--env NAME=VALUE]... PROG.wasm [ARGS...]");
            System.exit(2);
        }
        if (!preopens.isEmpty()) {
            builder.option("wasm.WasiMapDirs", String.join(",", preopens));
        }
        Path program = Path.of(args[i]);
        String[] argv = java.util.Arrays.copyOfRange(args, i, args.length);
        int status = 0;
        Context context = builder.arguments("wasm", argv).build();
        try {
            Source source = Source.newBuilder("wasm", ByteSequence.create(Files.readAllBytes(program)), program.getFileName().toString()).build();
            Value instance = context.eval(source).newInstance();
            instance.getMember("exports").getMember("_start").execute();
            context.close();
        } catch (PolyglotException e) {
            // proc_exit exits the context: the exception comes from the call, or again from close().
            if (!e.isExit()) {
                throw e;
            }
            status = e.getExitStatus();
        }
        System.out.flush();
        System.exit(status);
    }
}
