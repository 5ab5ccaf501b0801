package dev.linmem.fuzz.v8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
        List<String> command = List.of(tools.node().toString(), tools.v8Harness().toString(), module.toString(), Integer.toString(rounds),
                        dumps.toString());
        ProcessRunner.Result result = ProcessRunner.run(command, dumps, timeout, tools.environment());
        if (!result.succeeded()) {
            throw new HarnessFailure("V8 harness on " + module.getFileName() + ": " + result.describe());
        }
        try {
            return JSON.readValue(result.stdout(), Transcript.class);
        } catch (IOException e) {
            throw new UncheckedIOException("V8 harness output is not a transcript: " + result.stdout().lines().findFirst().orElse(""), e);
        }
    }
}
