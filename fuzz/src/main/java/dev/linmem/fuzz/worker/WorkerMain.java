package dev.linmem.fuzz.worker;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.linmem.fuzz.linmem.LinmemExecution;
import dev.linmem.fuzz.transcript.Transcript;

/**
 * A worker JVM: reads {@link Request}s from stdin, one JSON line each, runs each in linmem and
 * writes one {@link Response} line to stdout. The driver ({@link Worker}) restarts it when it dies,
 * so a JVM crash caused by one module is recorded against that module and the campaign goes on.
 *
 * <p>Guest code runs on a thread of its own, watched: past its budget the execution is cancelled;
 * if even that does not stop it, the worker exits and the driver sees a hang.
 */
public final class WorkerMain {
    /** Exit code of a worker whose cancelled guest did not stop: the driver records a hang. */
    static final int EXIT_UNSTOPPABLE_GUEST = 3;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Time a cancelled guest has to unwind before the worker gives up on it. */
    private static final long CANCEL_GRACE_MILLIS = 10_000;
    /** Guest recursion depth is a property of the engine under test; give it a stack like a main thread's. */
    private static final long GUEST_STACK_BYTES = 8L << 20;

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        // The protocol owns stdout; anything else printing there (engine warnings) goes to stderr.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        ExecutorService guestThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(null, task, "fuzz-guest", GUEST_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            Request request = JSON.readValue(line, Request.class);
            Response response = execute(request, guestThread);
            protocol.println(JSON.writeValueAsString(response));
        }
        guestThread.shutdownNow();
    }

    private static Response execute(Request request, ExecutorService guestThread) {
        byte[] module;
        try {
            module = Files.readAllBytes(Path.of(request.module()));
        } catch (IOException e) {
            return Response.failure("cannot read the module: " + e);
        }
        Path dumps = request.dumps() == null ? null : Path.of(request.dumps());
        LinmemExecution execution = new LinmemExecution(request.kind(), request.mode());
        Future<Transcript> run = guestThread.submit(() -> execution.run(module, dumps));
        try {
            return Response.of(run.get(request.budgetMillis(), TimeUnit.MILLISECONDS), execution.compilations(), execution.compilationFailure());
        } catch (TimeoutException e) {
            // Cancelling closes the context, which waits for the guest thread to leave it: do it
            // on a thread of its own, so that a guest that never stops is noticed here.
            Thread canceller = new Thread(execution::cancel, "fuzz-cancel");
            canceller.setDaemon(true);
            canceller.start();
            return afterCancel(run, execution);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LinmemExecution.BudgetExceeded exceeded) {
                return Response.budgetExceeded(exceeded.getMessage()); // the transcript filled up
            }
            return failureOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.failure("worker interrupted");
        }
    }

    private static Response afterCancel(Future<Transcript> run, LinmemExecution execution) {
        try {
            Transcript transcript = run.get(CANCEL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            return Response.of(transcript, execution.compilations(), execution.compilationFailure()); // finished just as the budget ran out
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LinmemExecution.BudgetExceeded exceeded) {
                return Response.budgetExceeded(exceeded.getMessage());
            }
            return failureOf(e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            // The guest ignores cancellation: nothing in this JVM can be trusted to stop it.
            System.err.println("fuzz worker: a cancelled guest did not stop; exiting");
            Runtime.getRuntime().halt(EXIT_UNSTOPPABLE_GUEST);
            return null;
        }
    }

    private static Response failureOf(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return Response.failure(trace.toString());
    }
}
