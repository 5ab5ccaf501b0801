package dev.linmem.fuzz.tools;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The third-party programs the fuzzer runs, all from npm and installed into the fuzz module's
 * own, git-ignored {@code node_modules} from the committed {@code package.json} and
 * {@code package-lock.json}: binaryen ({@code wasm-opt -ttf} generates modules, {@code wasm-reduce}
 * shrinks failing ones) and a pinned Node.js whose V8 is the reference engine (Node 24: memory64
 * and table64 are on by default there, unlike the Node 20 a machine may have). The binaryen tools
 * are JavaScript programs, run with that same node.
 *
 * <p>{@link #locate} installs them with {@code npm ci} when they are missing, so a fresh clone
 * needs only npm on the PATH ({@code .ci/run} also installs them up front).
 */
public final class Toolchain {
    private final Path home;

    private Toolchain(Path home) {
        this.home = home;
    }

    /**
     * The toolchain of the fuzz module at {@code home} (the folder with {@code package.json});
     * runs {@code npm ci} there first when node or binaryen is not installed.
     */
    public static Toolchain locate(Path home) {
        Toolchain toolchain = new Toolchain(home.toAbsolutePath().normalize());
        if (!Files.isRegularFile(toolchain.home.resolve("package.json"))) {
            throw new IllegalStateException("no package.json in " + toolchain.home + ": not the fuzz module's folder");
        }
        if (!toolchain.installed()) {
            ProcessRunner.Result npm = ProcessRunner.run(List.of("npm", "ci", "--no-audit", "--no-fund"), toolchain.home, Duration.ofMinutes(10));
            if (!npm.succeeded() || !toolchain.installed()) {
                throw new IllegalStateException("npm ci in " + toolchain.home + " failed (" + npm.describe()
                                + "); the fuzzer needs npm on the PATH to install binaryen and node");
            }
        }
        return toolchain;
    }

    private boolean installed() {
        return Files.isExecutable(node()) && Files.isRegularFile(binaryenTool("wasm-opt")) && Files.isRegularFile(binaryenTool("wasm-reduce"));
    }

    /** The fuzz module's folder. */
    public Path home() {
        return home;
    }

    /** The pinned node binary. */
    public Path node() {
        return home.resolve("node_modules/.bin/node");
    }

    /** The V8 side of the differential run. */
    public Path v8Harness() {
        return home.resolve("src/main/js/v8-harness.js");
    }

    /** The command line that runs the binaryen tool {@code name} with the pinned node. */
    public List<String> binaryen(String name, String... args) {
        List<String> command = new ArrayList<>(List.of(node().toString(), binaryenTool(name).toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** The folder of binaryen's tools (wasm-reduce runs wasm-opt from there). */
    public Path binaryenBin() {
        return home.resolve("node_modules/binaryen/bin");
    }

    private Path binaryenTool(String name) {
        return binaryenBin().resolve(name);
    }

    /**
     * Environment for the tools: the pinned node first on the PATH (binaryen's scripts start with
     * {@code #!/usr/bin/env node}, and wasm-reduce starts wasm-opt that way), and Node's compile
     * cache, which saves a third of each binaryen start.
     */
    public Map<String, String> environment() {
        return Map.of("PATH", node().getParent() + File.pathSeparator + System.getenv().getOrDefault("PATH", ""),
                        "NODE_COMPILE_CACHE", home.resolve("target/node-compile-cache").toString());
    }
}
