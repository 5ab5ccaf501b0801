package dev.linmem.wasm.language;

import java.nio.file.Path;
import java.util.Map;

import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage.Env;

import dev.linmem.wasi.WasiConfig;
import dev.linmem.wasi.WasiModule;

/**
 * The builtin {@code wasi_snapshot_preview1} of a polyglot context (see {@link BuiltinModules}):
 * WASI preview 1 with what a command line would give, taken from the context as GraalWasm takes
 * it: the context's arguments for {@code linmem-wasm} (argv, argv[0] first), its environment, its
 * standard streams, and the directories of {@code linmem-wasm.WasiMapDirs}, each
 * {@code [<guestDir>::]<hostDir>} as in GraalWasm's {@code wasm.WasiMapDirs}.
 */
final class WasiBuiltin {
    private WasiBuiltin() {
    }

    static WasiModule create(Env env) {
        WasiConfig.Builder config = WasiConfig.builder()
                        .args(env.getApplicationArguments())
                        .stdin(env.in()).stdout(env.out()).stderr(env.err());
        for (Map.Entry<String, String> variable : env.getEnvironment().entrySet()) {
            config.env(variable.getKey(), variable.getValue());
        }
        for (String mapping : env.getOptions().get(WasmLanguage.WasiMapDirs).split(",")) {
            if (!mapping.isBlank()) {
                preopen(env, config, mapping.strip());
            }
        }
        return new WasiModule(config.build());
    }

    /**
     * Adds one WasiMapDirs entry. The context must allow file I/O, and the host directory is looked
     * up through the context's file system first; the WASI calls then use the host file system
     * directly (linmem's sandbox, not the polyglot file system, confines them).
     */
    private static void preopen(Env env, WasiConfig.Builder config, String mapping) {
        int separator = mapping.indexOf("::");
        String guest = separator < 0 ? mapping : mapping.substring(0, separator);
        String host = separator < 0 ? mapping : mapping.substring(separator + 2);
        if (!env.isFileIOAllowed()) {
            throw new IllegalArgumentException("linmem-wasm.WasiMapDirs " + mapping + ": the context does not allow file I/O (allowIO)");
        }
        TruffleFile file = env.getPublicTruffleFile(host);
        if (!file.isDirectory()) {
            throw new IllegalArgumentException("linmem-wasm.WasiMapDirs " + mapping + ": " + host + " is not a directory");
        }
        config.preopen(Path.of(file.getAbsoluteFile().getPath()), guest);
    }
}
