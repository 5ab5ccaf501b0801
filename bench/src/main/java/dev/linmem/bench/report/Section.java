package dev.linmem.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One item of the issue in the report: its tables, charts and targets, from the results of one benchmark class. */
abstract class Section {
    private List<Result> all;
    protected Path out;
    protected Markdown md;
    protected List<Target> targets;

    /** The benchmark class whose results this section reports. */
    abstract String benchmark();

    abstract void write() throws IOException;

    final void write(List<Result> results, Path outDir, Markdown markdown, List<Target> targetList) throws IOException {
        this.all = results.stream().filter(r -> r.benchmark().equals(benchmark())).toList();
        this.out = outDir;
        this.md = markdown;
        this.targets = targetList;
        if (!all.isEmpty()) {
            write();
        }
    }

    protected List<Result> results() {
        return all;
    }

    /** The result whose parameters include all the given name/value pairs. */
    protected Optional<Result> find(String... nameValues) {
        return all.stream().filter(r -> {
            for (int i = 0; i < nameValues.length; i += 2) {
                if (!nameValues[i + 1].equals(r.params().get(nameValues[i]))) {
                    return false;
                }
            }
            return true;
        }).findFirst();
    }

    protected double median(String... nameValues) {
        return find(nameValues).map(Result::median).orElse(Double.NaN);
    }

    /** The distinct values of a parameter, in the order the run produced them. */
    protected List<String> values(String param) {
        return all.stream().map(r -> r.params().get(param)).distinct().toList();
    }

    protected String cell(String... nameValues) {
        return find(nameValues).map(Markdown::withError).orElse("–");
    }

    /**
     * The table of medians with error bars over two parameters: a row per value of
     * {@code rowParam}, a column per value of {@code columnParam}, among the results that also
     * have the {@code fixed} name/value pairs.
     */
    protected void medianTable(String corner, String rowParam, List<String> rowValues, Function<String, String> rowLabel,
                    String columnParam, List<String> columnValues, Function<String, String> columnLabel, String... fixed) {
        List<String> header = new ArrayList<>(List.of(corner));
        columnValues.forEach(c -> header.add(columnLabel.apply(c)));
        List<List<String>> rows = new ArrayList<>();
        for (String r : rowValues) {
            List<String> row = new ArrayList<>(List.of(rowLabel.apply(r)));
            columnValues.forEach(c -> {
                List<String> nameValues = new ArrayList<>(List.of(rowParam, r, columnParam, c));
                nameValues.addAll(List.of(fixed));
                row.add(cell(nameValues.toArray(String[]::new)));
            });
            rows.add(row);
        }
        md.table(header, rows);
    }

    /** Chart series: for each series value, the medians and errors over the categories. */
    protected Map<String, double[][]> series(List<String> seriesValues, List<String> categories,
                    Function<String, Function<String, Optional<Result>>> lookup) {
        Map<String, double[][]> series = new LinkedHashMap<>();
        for (String s : seriesValues) {
            double[][] valuesAndErrors = new double[2][categories.size()];
            for (int i = 0; i < categories.size(); i++) {
                Optional<Result> r = lookup.apply(s).apply(categories.get(i));
                valuesAndErrors[0][i] = r.map(Result::median).orElse(Double.NaN);
                valuesAndErrors[1][i] = r.map(Result::error).orElse(0.0);
            }
            series.put(s, valuesAndErrors);
        }
        return series;
    }

    protected String chart(String name) {
        return "charts/" + name + ".png";
    }

    protected Path chartFile(String name) {
        return out.resolve(chart(name));
    }

    static String lower(String constant) {
        return constant.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
