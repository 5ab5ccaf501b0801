package dev.linmem.tests.spec;

import static org.junit.jupiter.api.Assertions.fail;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.binary.WasmFeatures;
import dev.linmem.wasm.cli.SpecCommand;
import dev.linmem.wasm.cli.SpecOutcome;
import dev.linmem.wasm.cli.SpecRunner;
import dev.linmem.wasm.cli.SpecScript;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Turns spec scripts into JUnit dynamic tests: one container per script, one test per command,
 * run in script order against one {@link SpecRunner} (the commands share the current module and
 * registrations). The runner is the one {@code bin/linmem spectest} uses, so both agree.
 */
final class SpecSuite {

    private SpecSuite() {
    }

    /**
     * One container per script under {@code folder}, run with memories from {@code allocator} and
     * decoded with {@code features} (suites that predate a feature expect it refused), then the
     * test of the run's totals (see {@link SuiteTotals}): nothing failed, and commands skipped only
     * for {@code allowedSkipReasons}. {@code kind} starts every container's name: reports
     * (surefire's among them) know a test by its names alone, and a script runs once per kind of memory.
     */
    static Stream<DynamicNode> scripts(String kind, Path folder, Supplier<MemoryAllocator> allocator, WasmFeatures features,
                                       Set<String> allowedSkipReasons) throws IOException {
        List<Path> files = SpecScript.findScripts(List.of(folder));
        if (files.isEmpty()) {
            throw new IllegalStateException("no .json spec scripts under " + folder);
        }
        SuiteTotals totals = new SuiteTotals(folder.getFileName() + ", " + kind, allowedSkipReasons);
        Stream<DynamicNode> scripts = files.stream().map(file -> script(kind, folder, file,
                script -> new SpecRunner(script, allocator.get(), features), totals.recorder(file)));
        return Stream.concat(scripts, Stream.of(totals.judgement()));
    }

    /**
     * One container for the script {@code file}, its commands run by the runner {@code runnerFor}
     * makes (for example one with engine options that compile every function before it runs).
     */
    static DynamicNode script(String kind, Path folder, Path file, Function<SpecScript, SpecRunner> runnerFor) {
        return script(kind, folder, file, runnerFor, outcome -> { });
    }

    /**
     * As above, handing every command's outcome to {@code record} as it runs (for totals over a
     * whole suite; see {@link SuiteTotals}).
     */
    static DynamicNode script(String kind, Path folder, Path file, Function<SpecScript, SpecRunner> runnerFor,
                              Consumer<SpecOutcome> record) {
        String name = kind + ": " + folder.relativize(file);
        SpecScript script;
        try {
            script = SpecScript.load(file);
        } catch (IOException | RuntimeException e) {
            return DynamicTest.dynamicTest(name + ": read the script", file.toUri(), () -> fail("cannot read " + file, e));
        }
        SpecRunner runner = runnerFor.apply(script);
        // JUnit closes a container's stream when its tests are done: that frees the engine and its memories.
        Stream<DynamicNode> commands = script.commands().stream()
                .map(command -> DynamicTest.dynamicTest(command.toString(), file.toUri(), () -> check(runner, command, record)))
                .map(DynamicNode.class::cast)
                .onClose(runner::close);
        return DynamicContainer.dynamicContainer(name, file.toUri(), commands);
    }

    /**
     * The failure without a Java stack: the harness's frames say nothing about the engine, and with
     * thousands of commands a stack per failure would bury the messages in the build log.
     */
    private static AssertionFailedError stackless(String message) {
        AssertionFailedError error = new AssertionFailedError(message);
        error.setStackTrace(new StackTraceElement[0]);
        return error;
    }

    private static void check(SpecRunner runner, SpecCommand command, Consumer<SpecOutcome> record) {
        SpecOutcome outcome = runner.execute(command);
        record.accept(outcome);
        switch (outcome.status()) {
            case PASSED -> { }
            case SKIPPED -> Assumptions.abort(outcome.message());
            case FAILED -> throw stackless(outcome.message());
        }
    }
}
