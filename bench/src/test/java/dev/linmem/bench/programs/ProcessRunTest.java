package dev.linmem.bench.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timing of one run: its exit status, its streams, and the CPU time read from /proc. */
class ProcessRunTest {
    @TempDir
    Path dir;

    @Test
    void childrenCpuTimeIsFields16And17EvenWithSpacesInTheName() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        String stat = "4242 (java (x) y) S 1 2 3 4 5 6 7 8 9 10 11 12 250 130 20 0 1";
        assertEquals(3.8, ProcessRun.childrenCpuSeconds(stat), 1e-9);
    }

    @Test
    void runsWithFilesAndMeasuresCpu() throws Exception {
        Path in = Files.writeString(dir.resolve("in"), "abc");
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        // about half a second of CPU in the child: the measured CPU must see it (not the parent's own)
        ProcessRun run = ProcessRun.run(List.of("bash", "-c", "cat; echo oops >&2; i=0; while [ $i -lt 200000 ]; do i=$((i + 1)); done; exit 3"),
                        in, out, err, Duration.ofMinutes(1));
        assertEquals(3, run.status());
        assertFalse(run.timedOut());
        assertEquals("abc", Files.readString(out));
        assertEquals("oops\n", Files.readString(err));
        assertTrue(run.cpuSeconds() > 0.1, "cpu " + run.cpuSeconds());
        assertTrue(run.wallSeconds() >= run.cpuSeconds() * 0.5, run.toString());
    }

    @Test
    void aRunPastItsTimeoutIsKilled() throws Exception {
        ProcessRun run = ProcessRun.run(List.of("sleep", "30"), Path.of("/dev/null"), dir.resolve("o"), dir.resolve("e"),
                        Duration.ofMillis(300));
        assertTrue(run.timedOut());
        assertEquals(-1, run.status());
        assertTrue(run.wallSeconds() < 20);
    }
}
