package dev.linmem.wasm.cli;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One command of a wast2json script. Fields a command type does not use are {@code null}
 * (or empty lists), exactly as absent from the JSON.
 *
 * @param type       module, register, action, assert_return, assert_trap, assert_exhaustion,
 *                   assert_invalid, assert_malformed, assert_unlinkable, assert_uninstantiable
 * @param line       the line of the command in the .wast source
 * @param filename   the module file, relative to the script's folder
 * @param moduleType "binary" or "text" (text modules come only in assertions)
 * @param definition a module that is decoded and validated only, never instantiated
 * @param name       the module's name ($M) for module commands, the registered instance for register
 * @param as         the name a register command makes the instance importable under
 * @param action     the action of action and assert_* commands on functions and globals
 * @param expected   the results assert_return expects
 * @param text       the expected error text of assertions
 */
public record SpecCommand(String type, int line, String filename, String moduleType, boolean definition,
                          String name, String as, Action action, List<SpecValue> expected, String text) {

    /**
     * An invoke of an exported function or a get of an exported global.
     *
     * @param module the named instance, or {@code null} for the most recent module
     */
    public record Action(String type, String module, String field, List<SpecValue> args) {
        @Override
        public String toString() {
            String target = (module == null ? "" : module + ".") + field;
            if ("get".equals(type)) {
                return "get " + target;
            }
            return target + args.stream().map(SpecValue::toString).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /** Whether this command names a module in the text format, which a binary-only engine cannot load. */
    public boolean isTextModule() {
        return "text".equals(moduleType);
    }

    /** A short description for test names and failure lists. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("line ").append(line).append(": ").append(type);
        if (action != null) {
            s.append(' ').append(action);
        }
        if ("assert_return".equals(type)) {
            s.append(expected.stream().map(SpecValue::toString).collect(Collectors.joining(", ", " = ", "")));
        }
        if (filename != null) {
            s.append(' ').append(filename);
        }
        if ("register".equals(type)) {
            s.append(' ').append(name == null ? "current module" : name).append(" as \"").append(as).append('"');
        }
        if (text != null) {
            s.append(" \"").append(text).append('"');
        }
        return s.toString();
    }
}
