package dev.linmem.wasm.language;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.graalvm.options.OptionType;

import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage.Env;

import dev.linmem.wasi.WasiConfig;
import dev.linmem.wasi.WasiModule;
import dev.linmem.wasi.WasiPreview1;

/**
 * The polyglot options {@code linmem-wasm.Builtins} and {@code linmem-wasm.WasiMapDirs}, named
 * and spelled as GraalWasm's {@code wasm.Builtins} and {@code wasm.WasiMapDirs}: the host modules
 * every module evaluated in a context may import. The one built-in so far is
 * {@code wasi_snapshot_preview1}, WASI preview 1, which takes from the context what a command
 * line would give: the context's arguments (argv, argv[0] first), its environment, its standard
 * streams, and the directories of WasiMapDirs, each {@code [<guestDir>::]<hostDir>}.
 */
final class Builtins {
    static final OptionType<String> TYPE = new OptionType<>("Builtins", Builtins::validate);

    private Builtins() {
    }

    private static String validate(String value) {
        for (String name : names(value)) {
            if (!name.equals(WasiPreview1.MODULE_NAME)) {
                throw new IllegalArgumentException("unknown built-in module '" + name + "': linmem provides " + WasiPreview1.MODULE_NAME);
            }
        }
        return value;
    }

    private static List<String> names(String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /** The WASI module the context's options ask for, or null when they ask for none. */
    static WasiModule wasi(Env env) {
        if (!names(env.getOptions().get(WasmLanguage.Builtins)).contains(WasiPreview1.MODULE_NAME)) {
            if (!env.getOptions().get(WasmLanguage.WasiMapDirs).isEmpty()) {
                throw new IllegalArgumentException("linmem-wasm.WasiMapDirs needs linmem-wasm.Builtins=" + WasiPreview1.MODULE_NAME);
            }
            return null;
        }
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
