package dev.linmem.fuzz.v8;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.linmem.fuzz.tools.ProcessRunner;
import dev.linmem.fuzz.tools.Toolchain;
import dev.linmem.fuzz.transcript.Transcript;

/** Runs a module in V8 through the committed harness ({@code src/main/js/v8-harness.js}). */
public final class V8Runner {
    /** The reference run itself failed (node crashed, the harness threw, or it timed out). */
    public static final class HarnessFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HarnessFailure(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Toolchain tools;
    private final Duration timeout;

    public V8Runner(Toolchain tools, Duration timeout) {
        this.tools = tools;
        this.timeout = timeout;
    }

    /** Runs {@code module}, calling the exports {@code rounds} times; memory images go to {@code dumps}. */
    public Transcript run(Path module, int rounds, Path dumps) {
        return run(module, Map.of(rounds, dumps)).get(rounds);
    }

    /**
     * Runs {@code module} once per entry of {@code runs} (rounds of calls to the folder for the
     * memory images), each on a fresh instance, in one node process.
     */
    public Map<Integer, Transcript> run(Path module, Map<Integer, Path> runs) {
        List<Integer> rounds = new ArrayList<>(runs.keySet());
        List<String> command = new ArrayList<>(List.of(tools.node().toString(), tools.v8Harness().toString(), module.toString()));
        rounds.forEach(r -> command.add(r + ":" + runs.get(r)));
        ProcessRunner.Result result = ProcessRunner.run(command, module.getParent(), timeout, tools.environment());
        if (!result.succeeded()) {
            throw new HarnessFailure("V8 harness on " + module.getFileName() + ": " + result.describe());
        }
        try {
            Transcript[] transcripts = JSON.readValue(result.stdout(), Transcript[].class);
            Map<Integer, Transcript> byRounds = new HashMap<>();
            for (int i = 0; i < rounds.size(); i++) {
                byRounds.put(rounds.get(i), transcripts[i]);
            }
            return byRounds;
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new HarnessFailure("V8 harness output is not " + rounds.size() + " transcripts: " + result.stdout().lines().findFirst().orElse(""));
        }
    }
}
