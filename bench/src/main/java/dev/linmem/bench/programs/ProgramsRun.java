package dev.linmem.bench.programs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one {@code bin/linmem bench --programs} run measured, as {@code runs.json} keeps it, so that
 * the report can be written again from the raw numbers.
 *
 * @param machine what the run recorded about the machine and its load (name to value, in order)
 * @param programs the program ids, in the order they ran
 * @param engines the engine ids, in the order they ran in each round (Node first: its output is the reference)
 * @param rounds whole-process rounds
 * @param steadyRounds steady-state rounds (0: none)
 * @param warmup warm-up runs of each steady-state loop
 * @param iterations measured runs of each steady-state loop
 */
public record ProgramsRun(Map<String, String> machine, List<String> programs, List<String> engines, int rounds, int steadyRounds,
                int warmup, int iterations, List<Measurement> measurements) {

    private static ObjectMapper mapper() {
        // NaN stands for "not measured" (the loop's CPU time); JSON has no NaN, Jackson writes it as the string "NaN" and reads it back.
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);
    }

    public void write(Path file) throws IOException {
        mapper().writeValue(file.toFile(), this);
    }

    public static ProgramsRun read(Path file) throws IOException {
        return mapper().readValue(file.toFile(), ProgramsRun.class);
    }
}
