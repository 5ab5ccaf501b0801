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
     * Grouped bars: one group per category, one bar per series, with error bars.
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
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[] values = e.getValue()[0].clone();
            double[] errors = e.getValue()[1].clone();
            for (int i = 0; i < values.length; i++) {
                // XChart draws no bar for 0 on a linear axis; a log axis needs positive values
                if (!Double.isFinite(values[i])) {
                    values[i] = logarithmic ? Double.MIN_NORMAL : 0;
                    errors[i] = 0;
                }
                if (logarithmic) {
                    // an error bar reaching below zero cannot be drawn on a log axis
                    errors[i] = Math.min(errors[i], values[i] * 0.99);
                }
            }
            chart.addSeries(e.getKey(), categories, toList(values), toList(errors));
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
