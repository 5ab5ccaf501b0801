package dev.linmem.bench.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The line between a runner's loop and the driver: a line the driver misreads would drop or invent a timing. */
class SteadyLineTest {
    @Test
    void readsBackWhatItWrites() {
        SteadyLine same = new SteadyLine(4, false, 123_456_789L, 0, null);
        assertEquals("steady iteration=4 warmup=false nanos=123456789 status=0 same=true", same.format());
        assertEquals(same, SteadyLine.parse(same.format()));
        SteadyLine differs = new SteadyLine(1, true, 5, 1, "exit status 1, Node's 0; stdout differs at byte 0");
        assertEquals(differs, SteadyLine.parse(differs.format()));
        assertFalse(SteadyLine.parse(differs.format()).same());
    }

    @Test
    void readsNodesLines() {
        // as node-steady.mjs prints them
        SteadyLine line = SteadyLine.parse("steady iteration=2 warmup=true nanos=98765 status=0 same=true");
        assertEquals(2, line.iteration());
        assertTrue(line.warmup());
        assertEquals(98765, line.nanos());
        assertTrue(line.same());
    }

    @Test
    void aDifferenceOverSeveralLinesStaysOnOne() {
        String text = new SteadyLine(1, false, 1, 0, "a\nb").format();
        assertFalse(text.contains("\n"));
        assertEquals("a b", SteadyLine.parse(text).difference());
    }

    @Test
    void otherLinesAndContradictionsAreNotSteadyLines() {
        assertNull(SteadyLine.parse("hello, world"));
        assertNull(SteadyLine.parse("steady iteration=x warmup=false nanos=1 status=0 same=true"));
        assertNull(SteadyLine.parse("steady iteration=1 warmup=false nanos=1 status=0 same=false"));
        assertNull(SteadyLine.parse("steady iteration=1 warmup=false nanos=1 status=0 same=true difference=x"));
    }
}
