package dev.linmem.bench.report;

import java.util.Arrays;
import java.util.Collection;

/**
 * The spread of a few noisy timings: median, quartiles (linear interpolation between order
 * statistics, as R's default and NumPy's "linear"), min and max. The report quotes the median with
 * the interquartile range; a chart's symmetric error bar is the larger distance from the median to
 * a quartile, so that it never hides half of the spread.
 *
 * @param n how many values
 */
public record Stats(int n, double median, double q1, double q3, double min, double max) {
    private static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The statistics of the finite values among {@code values}; all NaN when there is none. */
    public static Stats of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static Stats of(double[] values) {
        double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            return EMPTY;
        }
        return new Stats(sorted.length, quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75), sorted[0],
                        sorted[sorted.length - 1]);
    }

    /** The {@code p} quantile of ascending {@code sorted}: position p (n - 1), interpolated between its neighbours. */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The chart's error bar: the larger of median - q1 and q3 - median (0 for one value). */
    public double errorBar() {
        return n == 0 ? 0 : Math.max(median - q1, q3 - median);
    }

    /** "median [q1–q3]", or the median alone for a single value, or "n/a". */
    public String format() {
        if (n == 0) {
            return "n/a";
        }
        if (n == 1) {
            return Markdown.number(median);
        }
        return Markdown.number(median) + " [" + Markdown.number(q1) + "–" + Markdown.number(q3) + "]";
    }

    /** As {@link #format} for ratios: "12.3x [11.0–14.1]". */
    public String formatRatio() {
        if (n == 0) {
            return "n/a";
        }
        String median = Markdown.ratio(this.median);
        return n == 1 ? median : median + " [" + Markdown.number(q1) + "–" + Markdown.number(q3) + "]";
    }
}
