package dev.linmem.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Arguments, environment, clocks, randomness, exit and signals. */
class ProcessTest {
    private final Guest guest = new Guest();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void argsAreNulTerminatedUtf8WithAPointerEach() {
        WasiPreview1 wasi = new WasiPreview1(WasiConfig.builder().args("prog.wasm", "", "ünï").build());
        int count = guest.alloc(4);
        int size = guest.alloc(4);
        assertEquals(Errno.SUCCESS, wasi.argsSizesGet(guest.memory, count, size));
        assertEquals(3, guest.i32(count));
        assertEquals(10 + 1 + 6, guest.i32(size));
        int argv = guest.alloc(12);
        int buffer = guest.alloc(guest.i32(size));
        assertEquals(Errno.SUCCESS, wasi.argsGet(guest.memory, argv, buffer));
        assertEquals(buffer, guest.i32(argv));
        assertEquals("prog.wasm\0", guest.string(guest.i32(argv), 10));
        assertEquals("\0", guest.string(guest.i32(argv + 4), 1));
        assertEquals("ünï\0", guest.string(guest.i32(argv + 8), 6));
        assertEquals(Errno.FAULT, wasi.argsGet(guest.memory, argv, 65535), "a buffer past the end of memory");
    }

    @Test
    void theEnvironmentHoldsWhatWasSetAndNothingOfTheHost() {
        WasiPreview1 wasi = new WasiPreview1(WasiConfig.builder().env("A", "1").env("B", "x=y").env("A", "2").build());
        int count = guest.alloc(4);
        int size = guest.alloc(4);
        assertEquals(Errno.SUCCESS, wasi.environSizesGet(guest.memory, count, size));
        assertEquals(2, guest.i32(count));
        int environ = guest.alloc(8);
        int buffer = guest.alloc(guest.i32(size));
        assertEquals(Errno.SUCCESS, wasi.environGet(guest.memory, environ, buffer));
        assertEquals("B=x=y\0A=2\0", guest.string(buffer, guest.i32(size)));
        assertThrows(IllegalArgumentException.class, () -> WasiConfig.builder().env("A=B", "c"));
    }

    @Test
    void clocksTellTheTimeAndRejectUnknownIds() {
        WasiPreview1 wasi = new WasiPreview1(WasiConfig.builder().build());
        int time = guest.alloc(8);
        long before = System.currentTimeMillis();
        assertEquals(Errno.SUCCESS, wasi.clockTimeGet(guest.memory, Abi.CLOCK_REALTIME, 1, time));
        long realtimeMillis = guest.i64(time) / 1_000_000;
        assertTrue(realtimeMillis >= before - 1 && realtimeMillis <= System.currentTimeMillis() + 1, "realtime " + realtimeMillis);

        assertEquals(Errno.SUCCESS, wasi.clockTimeGet(guest.memory, Abi.CLOCK_MONOTONIC, 1, time));
        long first = guest.i64(time);
        assertEquals(Errno.SUCCESS, wasi.clockTimeGet(guest.memory, Abi.CLOCK_MONOTONIC, 1, time));
        assertTrue(guest.i64(time) >= first);
        for (int clock = 0; clock <= 3; clock++) {
            assertEquals(Errno.SUCCESS, wasi.clockResGet(guest.memory, clock, time));
            assertTrue(guest.i64(time) > 0);
            assertEquals(Errno.SUCCESS, wasi.clockTimeGet(guest.memory, clock, 0, time), "clock " + clock);
        }
        assertEquals(Errno.INVAL, wasi.clockTimeGet(guest.memory, 4, 0, time));
        assertEquals(Errno.INVAL, wasi.clockResGet(guest.memory, -1, time));
        assertEquals(Errno.FAULT, wasi.clockTimeGet(guest.memory, 0, 0, 65532));
    }

    @Test
    void randomGetFillsExactlyTheBufferWithFreshBytes() {
        WasiPreview1 wasi = new WasiPreview1(WasiConfig.builder().build());
        int a = guest.alloc(40_000);
        guest.memory.writeLong(a + 40_000 - 8, 0x1122334455667788L);
        assertEquals(Errno.SUCCESS, wasi.randomGet(guest.memory, a, 40_000 - 8));
        assertEquals(0x1122334455667788L, guest.i64(a + 40_000 - 8), "nothing written past the buffer");
        byte[] first = new byte[64];
        guest.memory.read(a, first, 0, 64);
        assertEquals(Errno.SUCCESS, wasi.randomGet(guest.memory, a, 64));
        byte[] second = new byte[64];
        guest.memory.read(a, second, 0, 64);
        assertNotEquals(Arrays.toString(first), Arrays.toString(second));
        assertEquals(Errno.FAULT, wasi.randomGet(guest.memory, 65000, 1000));
    }

    @Test
    void procExitFlushesStdoutAndUnwindsWithTheStatus() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BufferedOutputStream buffered = new BufferedOutputStream(sink, 1 << 16);
        WasiPreview1 wasi = new WasiPreview1(WasiConfig.builder().stdout(buffered).build());
        buffered.write(Guest.utf8("pending"));
        assertEquals("", sink.toString(StandardCharsets.UTF_8), "still in the buffer");
        WasiExit exit = assertThrows(WasiExit.class, () -> wasi.procExit(42));
        assertEquals(42, exit.status());
        assertEquals("pending", sink.toString(StandardCharsets.UTF_8), "flushed by the exit");
        assertEquals("4294967295", Integer.toUnsignedString(assertThrows(WasiExit.class, () -> wasi.procExit(-1)).status()));
    }

    @Test
    void signalsEndTheProgramLikeAShellReportsItOrAreIgnoredByDefault() {
        WasiPreview1 wasi = new WasiPreview1(WasiConfig.builder().build());
        assertEquals(Errno.SUCCESS, wasi.procRaise(0));
        assertEquals(Errno.SUCCESS, wasi.procRaise(16), "SIGCHLD is ignored by default");
        assertEquals(Errno.NOTSUP, wasi.procRaise(18), "SIGSTOP cannot stop a wasm program");
        assertEquals(Errno.INVAL, wasi.procRaise(31));
        assertEquals(128 + 6, assertThrows(WasiExit.class, () -> wasi.procRaise(6)).status(), "SIGABRT");
        assertEquals(128 + 24, assertThrows(WasiExit.class, () -> wasi.procRaise(23)).status(), "SIGXCPU is 24 on Linux");
        assertEquals(Errno.SUCCESS, wasi.schedYield());
    }

    @Test
    void socketsAreNotSupportedAndClosedDescriptorsAreBadf() {
        WasiPreview1 wasi = new WasiPreview1(WasiConfig.builder().build());
        int slot = guest.alloc(8);
        assertEquals(Errno.NOTSUP, wasi.sockAccept(1, 0, slot));
        assertEquals(Errno.NOTSUP, wasi.sockRecv(0, guest.buffers(4), 1, 0, slot, slot + 4));
        assertEquals(Errno.NOTSUP, wasi.sockSend(1, guest.iovecs(Guest.utf8("x")), 1, 0, slot));
        assertEquals(Errno.NOTSUP, wasi.sockShutdown(1, Abi.SHUT_RD));
        assertEquals(Errno.BADF, wasi.sockShutdown(9, Abi.SHUT_RD));
        assertEquals(Errno.BADF, wasi.sockAccept(9, 0, slot));
    }
}
