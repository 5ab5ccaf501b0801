package dev.linmem.fuzz.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every part of a transcript counts: instantiation, each event, the final state and the memory images. */
class TranscriptComparisonTest {
    @TempDir
    Path dir;

    private final Transcript base = new Transcript("ok", "", List.of("call f", "log i32:1", "result f i32:2"), List.of("memory m bytes=4"));

    private Optional<String> compare(Transcript v8, byte[] v8Memory, Transcript linmem, byte[] linmemMemory) throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.write(a.resolve(Transcript.memoryDumpName(0)), v8Memory);
        Files.write(b.resolve(Transcript.memoryDumpName(0)), linmemMemory);
        return TranscriptComparison.firstDifference(v8, a, linmem, b);
    }

    @Test
    void identicalRunsAgree() throws IOException {
        assertEquals(Optional.empty(), compare(base, new byte[4], base, new byte[4]));
    }

    @Test
    void aDifferentLoggedValueIsFound() throws IOException {
        Transcript other = new Transcript("ok", "", List.of("call f", "log i32:3", "result f i32:2"), base.finalState());
        assertEquals(Optional.of("event 1: V8 'log i32:1', linmem 'log i32:3'"), compare(base, new byte[4], other, new byte[4]));
    }

    @Test
    void aMissingEventIsFound() throws IOException {
        Transcript other = new Transcript("ok", "", List.of("call f", "log i32:1"), base.finalState());
        assertEquals(Optional.of("event 2: only V8 has 'result f i32:2'"), compare(base, new byte[4], other, new byte[4]));
    }

    @Test
    void aDifferentInstantiationIsFound() throws IOException {
        Transcript rejected = new Transcript("rejected", "type mismatch", List.of(), List.of());
        assertTrue(compare(base, new byte[4], rejected, new byte[4]).orElseThrow().startsWith("instantiation: V8 ok"));
    }

    @Test
    void aDifferentFinalGlobalIsFound() throws IOException {
        Transcript other = new Transcript("ok", "", base.events(), List.of("memory m bytes=8"));
        assertTrue(compare(base, new byte[4], other, new byte[4]).orElseThrow().startsWith("final state 0"));
    }

    @Test
    void aDifferentMemoryByteIsFound() throws IOException {
        assertEquals(Optional.of("final memory memory-0.bin differs at byte 0x2"), compare(base, new byte[4], base, new byte[]{0, 0, 7, 0}));
    }
}
