package dev.linmem.wasm.language;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.oracle.truffle.api.TruffleLanguage.Env;

import dev.linmem.wasi.WasiPreview1;
import dev.linmem.wasm.host.HostModule;
import dev.linmem.wasm.host.SpectestModule;

/**
 * The host modules a polyglot context provides when asked with the option
 * {@code linmem-wasm.Builtins} (GraalWasm's {@code wasm.Builtins}): a comma-separated list of
 * {@code [linkingName:]builtin}, the module made importable under {@code linkingName} (default: its
 * own name). Known builtins: {@code spectest}, whose prints go to the context's standard output, and
 * {@code wasi_snapshot_preview1}, WASI preview 1 with the context's arguments, environment and
 * streams and the directories of {@code linmem-wasm.WasiMapDirs} ({@link WasiBuiltin}).
 */
final class BuiltinModules {
    /** One requested builtin: the module name imports use, and which builtin it is. */
    record Request(String linkingName, String builtin) {
    }

    static final String SPECTEST = SpectestModule.NAME;
    static final String WASI = WasiPreview1.MODULE_NAME;
    private static final Set<String> KNOWN = Set.of(SPECTEST, WASI);

    private BuiltinModules() {
    }

    /** Parses the option's value; IllegalArgumentException (which the polyglot API reports as a bad option) for an unknown builtin. */
    static List<Request> parse(String value) {
        List<Request> requests = new ArrayList<>();
        for (String item : value.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String linkingName = colon < 0 ? entry : entry.substring(0, colon);
            String builtin = colon < 0 ? entry : entry.substring(colon + 1);
            if (!KNOWN.contains(builtin)) {
                throw new IllegalArgumentException("unknown builtin module '" + builtin + "' (known: " + String.join(", ", KNOWN.stream().sorted().toList()) + ")");
            }
            requests.add(new Request(linkingName, builtin));
        }
        return List.copyOf(requests);
    }

    /** The requested modules for a context, by linking name. */
    static Map<String, HostModule> create(List<Request> requests, Env env) {
        Map<String, HostModule> modules = new LinkedHashMap<>();
        for (Request request : requests) {
            HostModule module = switch (request.builtin()) {
                case SPECTEST -> SpectestModule.printingTo(new PrintStream(env.out(), true));
                case WASI -> WasiBuiltin.create(env);
                default -> throw new IllegalArgumentException("unknown builtin module '" + request.builtin() + "'");
            };
            modules.put(request.linkingName(), module);
        }
        if (!requests.stream().anyMatch(r -> r.builtin().equals(WASI)) && !env.getOptions().get(WasmLanguage.WasiMapDirs).isEmpty()) {
            throw new IllegalArgumentException("linmem-wasm.WasiMapDirs needs linmem-wasm.Builtins=" + WASI);
        }
        return Map.copyOf(modules);
    }
}
