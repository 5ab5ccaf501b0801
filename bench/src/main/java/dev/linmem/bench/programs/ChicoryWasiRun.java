package dev.linmem.bench.programs;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Runs a WASI command on Chicory 1.7.5 with its WASI module ({@code com.dylibso.chicory:wasi}),
 * on its interpreter or, with {@code --compiler} first, its compiler to JVM bytecode, with the
 * command line of {@code bin/linmem run} (see {@link WasiCommandLine}):
 * <pre>
 *   ChicoryWasiRun [--compiler] [steady options] [--dir HOST[::GUEST]]... [--env NAME=VALUE]... PROG.wasm [ARGS...]
 * </pre>
 * The module is parsed (and compiled) once; every run is a new instance with a new WASI state.
 */
public final class ChicoryWasiRun implements WasiProgram {
    private final WasiCommandLine command;
    private final WasmModule module;
    /** The compiled machine factory, shared by every instance; null for the interpreter. */
    private final Function<Instance, Machine> compiled;

    ChicoryWasiRun(WasiCommandLine command, boolean compile) throws IOException {
        this.command = command;
        module = Parser.parse(command.program());
        compiled = compile ? MachineFactoryCompiler.compile(module) : null;
    }

    public static void main(String[] args) {
        boolean compile = args.length > 0 && args[0].equals("--compiler");
        String[] rest = compile ? Arrays.copyOfRange(args, 1, args.length) : args;
        WasiRunnerMain.main(compile ? "ChicoryWasiRun --compiler" : "ChicoryWasiRun", rest, false,
                        command -> new ChicoryWasiRun(command, compile));
    }

    @Override
    public int run(InputStream stdin, OutputStream stdout, OutputStream stderr) {
        WasiOptions.Builder options = WasiOptions.builder().withStdin(stdin).withStdout(stdout).withStderr(stderr)
                        .withArguments(command.argv());
        command.env().forEach(options::withEnvironment);
        for (WasiCommandLine.Preopen dir : command.dirs()) {
            options.withDirectory(dir.guest(), dir.host());
        }
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options.build()).build()) {
            Instance.Builder builder = Instance.builder(module).withStart(false)
                            .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build());
            if (compiled != null) {
                builder.withMachineFactory(compiled);
            }
            builder.build().export("_start").apply();
            return 0;
        } catch (WasiExitException exit) {
            return exit.exitCode();
        }
    }
}
