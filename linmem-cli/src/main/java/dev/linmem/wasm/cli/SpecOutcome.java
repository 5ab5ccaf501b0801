package dev.linmem.wasm.cli;

/**
 * What became of one spec command.
 *
 * @param status  passed, failed, or skipped (the runner cannot run it: text modules, v128 values)
 * @param message why it failed or was skipped; {@code null} when it passed
 */
public record SpecOutcome(Status status, String message) {

    /** How a command ended. */
    public enum Status { PASSED, FAILED, SKIPPED }

    static final SpecOutcome PASSED = new SpecOutcome(Status.PASSED, null);

    static SpecOutcome failed(String message) {
        return new SpecOutcome(Status.FAILED, message);
    }

    static SpecOutcome skipped(String reason) {
        return new SpecOutcome(Status.SKIPPED, reason);
    }
}
