package dev.linmem.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's statistics: a wrong median or quartile would mislead every table without failing anything else. */
class StatsTest {
    @Test
    void oddCountHasTheMiddleValueAsMedianWhateverTheOrder() {
        Stats s = Stats.of(new double[] {9, 1, 5, 3, 7});
        assertEquals(5, s.median());
        assertEquals(3, s.q1());
        assertEquals(7, s.q3());
        assertEquals(1, s.min());
        assertEquals(9, s.max());
        assertEquals(5, s.n());
    }

    @Test
    void evenCountInterpolatesBetweenTheMiddleValues() {
        Stats s = Stats.of(List.of(4.0, 1.0, 2.0, 3.0));
        assertEquals(2.5, s.median(), 1e-12);
        // positions 0.75 and 2.25 of 1, 2, 3, 4 (linear interpolation)
        assertEquals(1.75, s.q1(), 1e-12);
        assertEquals(3.25, s.q3(), 1e-12);
    }

    @Test
    void errorBarIsTheFartherQuartile() {
        Stats s = Stats.of(new double[] {1, 2, 2, 2, 10});
        assertEquals(2, s.median());
        assertEquals(2, s.q1());
        assertEquals(2, s.q3());
        assertEquals(0, s.errorBar());
        Stats skewed = Stats.of(new double[] {1, 1.5, 2, 6, 10});
        assertEquals(6 - 2, skewed.errorBar(), 1e-12);
    }

    @Test
    void nonFiniteValuesAreLeftOutAndNothingGivesNotAvailable() {
        Stats s = Stats.of(new double[] {Double.NaN, 3, Double.POSITIVE_INFINITY});
        assertEquals(1, s.n());
        assertEquals(3, s.median());
        assertEquals(0, s.errorBar());
        Stats none = Stats.of(new double[0]);
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.median()));
        assertEquals("n/a", none.format());
    }

    @Test
    void formatsMedianWithTheInterquartileRange() {
        assertEquals("2.50 [1.75–3.25]", Stats.of(new double[] {1, 2, 3, 4}).format());
        assertEquals("2.00", Stats.of(new double[] {2}).format());
        assertEquals("2.50x [1.75–3.25]", Stats.of(new double[] {1, 2, 3, 4}).formatRatio());
    }
}
