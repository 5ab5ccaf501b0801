package dev.linmem.fuzz.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.linmem.fuzz.FuzzTestSupport;
import dev.linmem.fuzz.linmem.ExecutionMode;
import dev.linmem.fuzz.linmem.MemoryKind;

/**
 * A worker JVM cancels a guest that runs past its budget, and the driver survives the worker's
 * death: the request is a crash, and the next one runs in a fresh worker.
 */
class WorkerTest {
    @TempDir
    Path dir;

    private Path spin() throws IOException {
        Path module = dir.resolve("spin.wasm");
        Files.write(module, FuzzTestSupport.module("spin"));
        return module;
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void aGuestThatNeverReturnsIsCancelledAtItsBudget(ExecutionMode mode) throws IOException {
        try (Worker worker = new Worker(dir.resolve("logs"), "512m", Long.MAX_VALUE)) {
            Request request = new Request(spin().toString(), mode, MemoryKind.STATIC_NATIVE, null, 15_000);
            Worker.Outcome outcome = worker.execute(request, Duration.ofMinutes(2));
            Response response = assertInstanceOf(Worker.Answered.class, outcome).response();
            assertNotNull(response.budgetExceeded(), () -> "not cancelled: " + response);
            assertTrue(response.budgetExceeded().contains("calling spin"), response.budgetExceeded());
        }
    }

    @Test
    void aWorkerThatDiesIsACrashAndTheNextRequestGetsANewWorker() throws Exception {
        try (Worker worker = new Worker(dir.resolve("logs"), "512m", Long.MAX_VALUE)) {
            Request spinning = new Request(spin().toString(), ExecutionMode.INTERPRETED, MemoryKind.DYNAMIC_HEAP, null, 600_000);
            CompletableFuture<Worker.Outcome> outcome = CompletableFuture.supplyAsync(() -> worker.execute(spinning, Duration.ofMinutes(5)));
            ProcessHandle workerJvm = awaitWorkerProcess();
            Thread.sleep(500);
            workerJvm.destroyForcibly(); // as a SIGSEGV would end it
            Worker.Crashed crashed = assertInstanceOf(Worker.Crashed.class, outcome.get(2, TimeUnit.MINUTES));
            assertEquals(137, crashed.exitCode());

            Path module = dir.resolve("fuzzing-support.wasm");
            Files.write(module, FuzzTestSupport.module("fuzzing-support"));
            Request next = new Request(module.toString(), ExecutionMode.INTERPRETED, MemoryKind.DYNAMIC_HEAP, null, 60_000);
            Response response = assertInstanceOf(Worker.Answered.class, worker.execute(next, Duration.ofMinutes(2))).response();
            assertEquals("ok", response.transcript().instantiate());
            assertEquals(2, worker.starts());
        }
    }

    @Test
    void aWorkerPastItsResidentMemoryLimitIsABlowUpAndIsRestarted() throws IOException {
        Path module = dir.resolve("fuzzing-support.wasm");
        Files.write(module, FuzzTestSupport.module("fuzzing-support"));
        // Any JVM is past a limit of one byte: the mechanism, not the module, is under test here.
        try (Worker worker = new Worker(dir.resolve("logs"), "512m", 1)) {
            Request request = new Request(module.toString(), ExecutionMode.INTERPRETED, MemoryKind.STATIC_HEAP, null, 60_000);
            Worker.MemoryBlowUp blowUp = assertInstanceOf(Worker.MemoryBlowUp.class, worker.execute(request, Duration.ofMinutes(2)));
            assertTrue(blowUp.residentBytes() > 1);
            assertInstanceOf(Worker.MemoryBlowUp.class, worker.execute(request, Duration.ofMinutes(2)));
            assertEquals(2, worker.starts());
        }
    }

    @Test
    void aModuleThatCannotBeReadIsAFailureNotACrash() {
        try (Worker worker = new Worker(dir.resolve("logs"), "512m", Long.MAX_VALUE)) {
            Request request = new Request(dir.resolve("missing.wasm").toString(), ExecutionMode.INTERPRETED, MemoryKind.STATIC_HEAP, null, 60_000);
            Response response = assertInstanceOf(Worker.Answered.class, worker.execute(request, Duration.ofMinutes(2))).response();
            assertTrue(response.failure().startsWith("cannot read the module"), response.failure());
        }
    }

    private static ProcessHandle awaitWorkerProcess() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            var found = ProcessHandle.current().children()
                            .filter(p -> p.info().commandLine().orElse("").contains(WorkerMain.class.getName())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no worker JVM started");
    }
}
