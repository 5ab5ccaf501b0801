package dev.linmem.fuzz.worker;

import dev.linmem.fuzz.transcript.Transcript;

/**
 * A worker's answer (a JSON line on its stdout): exactly one of a transcript, a note that the
 * guest ran past its time budget and was cancelled, or the stack trace of a Throwable that no
 * correct execution throws (a failure of linmem); and the name of the worker's Truffle runtime,
 * so a campaign can prove its compiled runs were compiled by the optimizing runtime.
 */
public record Response(Transcript transcript, String budgetExceeded, String failure, String runtime) {
    static Response of(Transcript transcript) {
        return new Response(transcript, null, null, runtimeName());
    }

    static Response budgetExceeded(String where) {
        return new Response(null, where, null, runtimeName());
    }

    static Response failure(String stackTrace) {
        return new Response(null, null, stackTrace, runtimeName());
    }

    private static String runtimeName() {
        return com.oracle.truffle.api.Truffle.getRuntime().getName();
    }
}
