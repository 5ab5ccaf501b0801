package dev.linmem.fuzz.linmem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.linmem.fuzz.FuzzTestSupport;
import dev.linmem.fuzz.transcript.Transcript;
import dev.linmem.fuzz.transcript.TranscriptComparison;
import dev.linmem.fuzz.v8.V8Runner;

/**
 * The fuzzing-support imports mean the same in the V8 harness and in linmem: a module that uses
 * each of them (fuzzing-support.wat) gives equal transcripts, and the transcript shows the meaning
 * the package documentation gives them (so equal transcripts are not equal by both being empty).
 */
class FuzzingSupportSemanticsTest {
    @TempDir
    Path dir;

    @Test
    void bothEnginesGiveTheImportsTheSameMeaning() throws IOException {
        Path module = dir.resolve("fuzzing-support.wasm");
        Files.write(module, FuzzTestSupport.module("fuzzing-support"));
        Path v8Dumps = Files.createDirectories(dir.resolve("v8"));
        Path linmemDumps = Files.createDirectories(dir.resolve("linmem"));
        Transcript v8 = new V8Runner(FuzzTestSupport.tools(), Duration.ofMinutes(1)).run(module, 1, v8Dumps);
        Transcript linmem = new LinmemExecution(MemoryKind.DYNAMIC_HEAP, ExecutionMode.INTERPRETED).run(Files.readAllBytes(module), linmemDumps);

        assertEquals(Optional.empty(), TranscriptComparison.firstDifference(v8, v8Dumps, linmem, linmemDumps));
        List<String> events = linmem.events();
        assertTrue(events.containsAll(List.of("log i32:-7", "log i64:9223372036854775807", "log f32:0x80000000", "log f32:nan",
                        "log f64:0x3ff8000000000000", "log f64:nan")), events::toString);
        // call-export and call-ref ran bump twice; the catching forms give 0, then 1 for a missing
        // export, a non-function export and a null reference.
        assertTrue(events.containsAll(List.of("log i32:3", "result calls i32:0 i32:1 i32:1 i32:1")), events::toString);
        // Traps pass through call-export-catch; a bad table index is a host exception.
        assertTrue(events.containsAll(List.of("trap unreachable catch-a-trap", "exception table-out-of-range")), events::toString);
        assertTrue(events.contains("result tables i32:9 funcref:func externref:extern"), events::toString);
        assertTrue(events.contains("result results i64:-9223372036854775808 f32:nan f64:0x8018000000000000 i32:0"), events::toString);
        assertEquals(List.of("memory memory bytes=65536", "table table size=2 01", "global counter i32:5"), linmem.finalState());
        // sleep's id was stored at 16: the memory images were compared and hold it.
        assertEquals(42, Files.readAllBytes(linmemDumps.resolve(Transcript.memoryDumpName(5)))[16]);
    }

    @Test
    void fromAStartFunctionReferencesCanBeCalledButExportsAndTablesAreNotThereYet() throws IOException {
        Path module = dir.resolve("start-function.wasm");
        Files.write(module, FuzzTestSupport.module("start-function"));
        Path v8Dumps = Files.createDirectories(dir.resolve("v8"));
        Path linmemDumps = Files.createDirectories(dir.resolve("linmem"));
        Transcript v8 = new V8Runner(FuzzTestSupport.tools(), Duration.ofMinutes(1)).run(module, 1, v8Dumps);
        Transcript linmem = new LinmemExecution(MemoryKind.STATIC_HEAP, ExecutionMode.INTERPRETED).run(Files.readAllBytes(module), linmemDumps);

        assertEquals(Optional.empty(), TranscriptComparison.firstDifference(v8, v8Dumps, linmem, linmemDumps));
        assertEquals("exception", linmem.instantiate());
        assertEquals(List.of("log i32:7", "log i32:0", "log i32:1"), linmem.events());
    }
}
