package dev.linmem.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** The report's charts, drawn by XChart and saved as PNG. */
final class Charts {
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 520;

    private Charts() {
    }

    /**
     * Grouped bars: one group per category, one bar per series, with error bars on a linear axis.
     *
     * @param series name to values and errors, both in the order of {@code categories}; NaN for a missing bar
     */
    static void bars(Path file, String title, String yTitle, List<String> categories, Map<String, double[][]> series,
                    boolean logarithmic) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setOverlapped(false);
        double axisMin = 0;
        if (logarithmic) {
            // bars start at the axis minimum, which XChart otherwise puts at zero: invalid on a log axis
            double smallest = series.values().stream().flatMapToDouble(v -> java.util.Arrays.stream(v[0]))
                            .filter(v -> v > 0 && Double.isFinite(v)).min().orElse(1);
            axisMin = smallest / 2;
            chart.getStyler().setYAxisMin(axisMin);
        }
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[] values = e.getValue()[0].clone();
            double[] errors = e.getValue()[1].clone();
            for (int i = 0; i < values.length; i++) {
                // a missing result draws no bar (a log axis starts above zero)
                if (!Double.isFinite(values[i])) {
                    values[i] = axisMin;
                    errors[i] = 0;
                }
            }
            if (logarithmic) {
                // XChart rejects error bars on a log axis; the tables carry the errors
                chart.addSeries(e.getKey(), categories, toList(values));
            } else {
                chart.addSeries(e.getKey(), categories, toList(values), toList(errors));
            }
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Lines over x = 1..n, one per series. */
    static void lines(Path file, String title, String xTitle, String yTitle, Map<String, double[]> series, boolean logarithmic)
                    throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = e.getValue();
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = i + 1;
                if (logarithmic && y[i] <= 0) {
                    y[i] = 1e-3;
                }
            }
            if (y.length > 0) {
                chart.addSeries(e.getKey(), x, y);
            }
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static List<Double> toList(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
