package dev.linmem.fuzz.worker;

import dev.linmem.fuzz.transcript.Transcript;

/**
 * A worker's answer (a JSON line on its stdout): exactly one of a transcript, a note that the
 * guest ran past its time budget and was cancelled, or the stack trace of a Throwable that no
 * correct execution throws (a failure of linmem); and the name of the worker's Truffle runtime and
 * the number of call targets it compiled (and the first compilation that failed, if any), so a
 * campaign can prove its compiled runs were compiled.
 */
public record Response(Transcript transcript, String budgetExceeded, String failure, String runtime, int compilations,
                String compilationFailure) {
    static Response of(Transcript transcript, int compilations, String compilationFailure) {
        return new Response(transcript, null, null, runtimeName(), compilations, compilationFailure);
    }

    static Response budgetExceeded(String where) {
        return new Response(null, where, null, runtimeName(), 0, null);
    }

    static Response failure(String stackTrace) {
        return new Response(null, null, stackTrace, runtimeName(), 0, null);
    }

    private static String runtimeName() {
        return com.oracle.truffle.api.Truffle.getRuntime().getName();
    }
}
