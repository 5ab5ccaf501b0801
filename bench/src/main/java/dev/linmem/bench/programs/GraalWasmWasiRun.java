package dev.linmem.bench.programs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Runs a WASI command on GraalWasm 25.0.2 with its {@code wasi_snapshot_preview1} builtins, with
 * the command line of {@code bin/linmem run} and the tests' node-wasi.mjs (see {@link WasiCommandLine}):
 * <pre>
 *   GraalWasmWasiRun [steady options] [--dir HOST[::GUEST]]... [--env NAME=VALUE]... PROG.wasm [ARGS...]
 * </pre>
 * argv[0] is the file name as given; the exit status is proc_exit's, 0 when {@code _start} returns.
 * Every run is a new polyglot context on one shared engine, GraalWasm's way of re-instantiating a
 * module with its parsed source and compiled code kept (WASI's streams are per context, and
 * proc_exit ends the context).
 */
public final class GraalWasmWasiRun implements WasiProgram {
    private final Engine engine = Engine.newBuilder("wasm").allowExperimentalOptions(true).build();
    private final Source source;
    private final WasiCommandLine command;

    GraalWasmWasiRun(WasiCommandLine command) throws IOException {
        this.command = command;
        byte[] bytes = Files.readAllBytes(command.program());
        source = Source.newBuilder("wasm", ByteSequence.create(bytes), command.program().getFileName().toString()).build();
    }

    public static void main(String[] args) {
        WasiRunnerMain.main("GraalWasmWasiRun", args, false, GraalWasmWasiRun::new);
    }

    @Override
    public int run(InputStream stdin, OutputStream stdout, OutputStream stderr) {
        Context.Builder builder = Context.newBuilder("wasm").engine(engine).allowExperimentalOptions(true).allowIO(IOAccess.ALL)
                        .option("wasm.Builtins", "wasi_snapshot_preview1").in(stdin).out(stdout).err(stderr)
                        .arguments("wasm", command.argv().toArray(String[]::new));
        List<String> preopens = new ArrayList<>();
        for (WasiCommandLine.Preopen dir : command.dirs()) {
            // linmem and Node write HOST::GUEST; GraalWasm's WasiMapDirs wants GUEST::HOST.
            preopens.add(dir.guest() + "::" + dir.host());
        }
        if (!preopens.isEmpty()) {
            builder.option("wasm.WasiMapDirs", String.join(",", preopens));
        }
        command.env().forEach(builder::environment);
        Context context = builder.build();
        try {
            context.eval(source).newInstance().getMember("exports").getMember("_start").execute();
            context.close();
            return 0;
        } catch (PolyglotException e) {
            // proc_exit exits the context: the exception comes from the call, or again from close().
            if (!e.isExit()) {
                context.close(true);
                throw e;
            }
            return e.getExitStatus();
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
