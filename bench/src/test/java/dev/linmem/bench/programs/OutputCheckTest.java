package dev.linmem.bench.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The check that decides whether a run counts: a check that passes everything would let wrong output be timed. */
class OutputCheckTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sameOutputAndStatusIsNoDifference() {
        assertEquals(Optional.empty(), OutputCheck.difference(bytes("a\nb\n"), 0, bytes("a\nb\n"), 0));
        assertEquals(Optional.empty(), OutputCheck.difference(new byte[0], 3, new byte[0], 3));
    }

    @Test
    void anotherStatusAloneIsADifference() {
        assertEquals(Optional.of("exit status 1, Node's 0"), OutputCheck.difference(bytes("x"), 0, bytes("x"), 1));
    }

    @Test
    void differentBytesAreReportedWhereTheyStartWithBothSides() {
        String d = OutputCheck.difference(bytes("hello world\n"), 0, bytes("hello there\n"), 0).orElseThrow();
        assertEquals("stdout differs at byte 6 (12 bytes, Node's 12): \"there\\n\", Node's \"world\\n\"", d);
    }

    @Test
    void aTruncatedOutputIsADifference() {
        String d = OutputCheck.difference(bytes("abc"), 0, bytes("ab"), 0).orElseThrow();
        assertTrue(d.startsWith("stdout differs at byte 2 (2 bytes, Node's 3)"), d);
        // and a longer one too
        assertTrue(OutputCheck.difference(bytes("ab"), 0, bytes("abc"), 0).isPresent());
    }

    @Test
    void statusAndOutputTogether() {
        String d = OutputCheck.difference(bytes("ok\n"), 0, bytes("Error: x\n"), 1).orElseThrow();
        assertTrue(d.startsWith("exit status 1, Node's 0; stdout differs at byte 0"), d);
    }

    @Test
    void excerptsEscapeControlAndNonAsciiBytesAndStopAtTheirLength() {
        assertEquals("a\\tb\\x00\\xff\\\"", OutputCheck.excerpt(new byte[] {'a', '\t', 'b', 0, (byte) 0xff, '"'}, 0));
        assertEquals(40, OutputCheck.excerpt(bytes("y".repeat(100)), 0).length());
        assertEquals("yy", OutputCheck.excerpt(bytes("y".repeat(100)), 0, 2));
    }
}
