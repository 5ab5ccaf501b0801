package dev.linmem.wasm.cli;

/**
 * What became of one spec command.
 *
 * @param status     passed, failed, or skipped (the runner cannot run it: text modules, modules using
 *                   a feature linmem does not implement, values it cannot represent)
 * @param message    why it failed or was skipped, in detail; {@code null} when it passed
 * @param skipReason for a skipped command, the reason it shares with others of its kind, by which
 *                   totals are counted ({@value #TEXT_MODULE}, {@code unsupported feature: GC types},
 *                   ...); {@code null} otherwise
 */
public record SpecOutcome(Status status, String message, String skipReason) {

    /** How a command ended. */
    public enum Status { PASSED, FAILED, SKIPPED }

    /** The skip reason of commands on text-format modules. */
    public static final String TEXT_MODULE = "text-format module";

    static final SpecOutcome PASSED = new SpecOutcome(Status.PASSED, null, null);

    static SpecOutcome failed(String message) {
        return new SpecOutcome(Status.FAILED, message, null);
    }

    static SpecOutcome skipped(String skipReason, String message) {
        return new SpecOutcome(Status.SKIPPED, message, skipReason);
    }
}
