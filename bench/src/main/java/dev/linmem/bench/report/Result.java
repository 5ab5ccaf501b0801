package dev.linmem.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JMH result: a benchmark class, its parameters, and the distribution of its iteration
 * scores. The report quotes the median (robust on 2 noisy cores) with JMH's 99.9% confidence
 * half-width as the error bar, and the min and max of the iterations.
 *
 * @param benchmark the benchmark class's simple name, e.g. {@code AccessBenchmark}
 */
public record Result(String benchmark, Map<String, String> params, double median, double error, double min, double max,
                List<Double> iterations, String unit) {

    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException(benchmark + " has no parameter " + name + ": " + params);
        }
        return value;
    }

    public static List<Result> read(Path json) throws IOException {
        List<Result> results = new ArrayList<>();
        for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
            String fqn = run.get("benchmark").asText();
            String[] parts = fqn.split("\\.");
            Map<String, String> params = new LinkedHashMap<>();
            run.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode metric = run.get("primaryMetric");
            List<Double> iterations = new ArrayList<>();
            for (JsonNode fork : metric.path("rawData")) {
                fork.forEach(v -> iterations.add(v.asDouble()));
            }
            double error = metric.path("scoreError").asDouble(Double.NaN);
            results.add(new Result(parts[parts.length - 2], params, median(iterations, metric.path("score").asDouble()),
                            Double.isFinite(error) ? error : 0, min(iterations), max(iterations), iterations,
                            metric.path("scoreUnit").asText()));
        }
        return results;
    }

    static double median(List<Double> values, double fallback) {
        if (values.isEmpty()) {
            return fallback;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    @Override
    public String toString() {
        return benchmark + params + " " + median + " ± " + error + " " + unit + " " + Arrays.toString(iterations.toArray());
    }
}
