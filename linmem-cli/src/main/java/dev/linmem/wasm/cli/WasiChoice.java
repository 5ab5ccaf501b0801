package dev.linmem.wasm.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.linmem.wasi.WasiConfig;
import dev.linmem.wasi.WasiPreview1;
import dev.linmem.wasm.module.Import;
import dev.linmem.wasm.module.WasmModule;
import picocli.CommandLine.Option;

/**
 * {@code run}'s WASI options, as wasmtime spells them: {@code --dir HOST[::GUEST]} and
 * {@code --env NAME=VALUE}, and the configuration they make for a WASI command.
 */
final class WasiChoice {
    @Option(names = "--dir", paramLabel = "HOST[::GUEST]",
            description = "WASI: let the program use the host directory HOST (and what is below it) under the name GUEST, "
                    + "by default HOST as written (repeatable)")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "WASI: set an environment variable of the program (repeatable)")
    List<String> env = new ArrayList<>();

    boolean given() {
        return !dirs.isEmpty() || !env.isEmpty();
    }

    /** Whether {@code module} imports anything from wasi_snapshot_preview1: then it is run as a WASI program. */
    static boolean imports(WasmModule module) {
        for (Import i : module.imports()) {
            if (i.module().equals(WasiPreview1.MODULE_NAME)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The program's configuration: {@code argv} (argv[0] first), the --env variables, the --dir
     * preopens and this process's standard streams.
     *
     * @throws IllegalArgumentException with a message for the user when an option is malformed
     */
    WasiConfig config(List<String> argv, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        WasiConfig.Builder builder = WasiConfig.builder().args(argv).stdin(in, terminal).stdout(out, terminal).stderr(err, terminal);
        for (String variable : env) {
            int eq = variable.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--env " + variable + ": expected NAME=VALUE");
            }
            builder.env(variable.substring(0, eq), variable.substring(eq + 1));
        }
        for (String dir : dirs) {
            int separator = dir.indexOf("::");
            String host = separator < 0 ? dir : dir.substring(0, separator);
            String guest = separator < 0 ? dir : dir.substring(separator + 2);
            if (host.isEmpty() || guest.isEmpty()) {
                throw new IllegalArgumentException("--dir " + dir + ": expected HOST or HOST::GUEST");
            }
            builder.preopen(Path.of(host), guest);
        }
        return builder.build();
    }
}
