package dev.linmem.wasm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A spec test script as wast2json writes it: {@code NAME.json} with its commands, beside the
 * module files ({@code NAME.N.wasm}, {@code NAME.N.wat}) the commands name.
 *
 * @param file     the JSON file
 * @param commands the commands in order; they share state (the current module, registrations)
 */
public record SpecScript(Path file, List<SpecCommand> commands) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a wast2json file; a JSON file that is not one is an {@link IOException}. */
    public static SpecScript load(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        JsonNode commands = root == null ? null : root.get("commands");
        if (commands == null || !commands.isArray()) {
            throw new IOException(file + " is not a wast2json script: it has no \"commands\" array");
        }
        List<SpecCommand> parsed = new ArrayList<>(commands.size());
        for (JsonNode command : commands) {
            parsed.add(command(command));
        }
        return new SpecScript(file, List.copyOf(parsed));
    }

    /** The module file a command names, resolved against this script's folder. */
    public Path moduleFile(SpecCommand command) {
        return file.resolveSibling(command.filename());
    }

    /**
     * Every JSON file under the given files and folders, in a stable (sorted) order per root,
     * so that reports and test trees read the same on every run.
     */
    public static List<Path> findScripts(List<Path> roots) throws IOException {
        List<Path> scripts = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new IOException("no such file or folder: " + root);
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
                        .sorted()
                        .forEach(scripts::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return scripts;
    }

    private static SpecCommand command(JsonNode c) {
        // wast2json writes "definition": "true" as a string; accept a JSON boolean too.
        JsonNode definition = c.get("definition");
        boolean isDefinition = definition != null && (definition.asBoolean() || "true".equals(definition.asText()));
        JsonNode action = c.get("action");
        return new SpecCommand(
                text(c, "type"),
                c.path("line").asInt(),
                text(c, "filename"),
                text(c, "module_type"),
                isDefinition,
                text(c, "name"),
                text(c, "as"),
                action == null ? null : new SpecCommand.Action(
                        text(action, "type"), text(action, "module"), text(action, "field"), values(action.get("args"))),
                values(c.get("expected")),
                text(c, "text"));
    }

    private static List<SpecValue> values(JsonNode array) {
        if (array == null) {
            return List.of();
        }
        List<SpecValue> values = new ArrayList<>(array.size());
        for (JsonNode v : array) {
            values.add(new SpecValue(text(v, "type"), text(v, "value")));
        }
        return List.copyOf(values);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
