package dev.linmem.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** poll_oneoff: clocks sleep, descriptors are ready at once. */
class PollTest {
    private final Guest guest = new Guest();
    private final WasiPreview1 wasi = new WasiPreview1(WasiConfig.builder().stdin(new ByteArrayInputStream(new byte[] {1, 2, 3})).build());

    @AfterEach
    void close() {
        guest.close();
    }

    private int clock(int subscriptions, int index, long userdata, int clock, long timeout, int flags) {
        int at = subscriptions + index * Abi.SUBSCRIPTION_SIZE;
        guest.memory.writeLong(at, userdata);
        guest.memory.writeByte(at + 8, (byte) Abi.EVENT_CLOCK);
        guest.memory.writeInt(at + 16, clock);
        guest.memory.writeLong(at + 24, timeout);
        guest.memory.writeShort(at + 40, (short) flags);
        return at;
    }

    private void fd(int subscriptions, int index, long userdata, int type, int fd) {
        int at = subscriptions + index * Abi.SUBSCRIPTION_SIZE;
        guest.memory.writeLong(at, userdata);
        guest.memory.writeByte(at + 8, (byte) type);
        guest.memory.writeInt(at + 16, fd);
    }

    @Test
    void aRelativeClockSleepsItsTimeout() {
        int subs = guest.alloc(Abi.SUBSCRIPTION_SIZE);
        int events = guest.alloc(Abi.EVENT_SIZE);
        int count = guest.alloc(4);
        clock(subs, 0, 77, Abi.CLOCK_MONOTONIC, 50_000_000L, 0);
        long start = System.nanoTime();
        assertEquals(Errno.SUCCESS, wasi.pollOneoff(guest.memory, subs, events, 1, count));
        long slept = System.nanoTime() - start;
        assertTrue(slept >= 50_000_000L, "slept " + slept + " ns");
        assertEquals(1, guest.i32(count));
        assertEquals(77, guest.i64(events));
        assertEquals(Errno.SUCCESS, guest.memory.readShort(events + 8));
        assertEquals(Abi.EVENT_CLOCK, guest.u8(events + 10));
    }

    @Test
    void anAbsoluteRealtimeDeadlineInThePastIsDueAtOnce() {
        int subs = guest.alloc(Abi.SUBSCRIPTION_SIZE);
        int events = guest.alloc(Abi.EVENT_SIZE);
        int count = guest.alloc(4);
        clock(subs, 0, 5, Abi.CLOCK_REALTIME, 1_000_000_000L, Abi.SUBSCRIPTION_CLOCK_ABSTIME);
        long start = System.nanoTime();
        assertEquals(Errno.SUCCESS, wasi.pollOneoff(guest.memory, subs, events, 1, count));
        assertTrue(System.nanoTime() - start < 1_000_000_000L);
        assertEquals(1, guest.i32(count));
    }

    @Test
    void readyDescriptorsReturnAtOnceWithoutTheClock() {
        int subs = guest.alloc(3 * Abi.SUBSCRIPTION_SIZE);
        int events = guest.alloc(3 * Abi.EVENT_SIZE);
        int count = guest.alloc(4);
        clock(subs, 0, 1, Abi.CLOCK_MONOTONIC, 10_000_000_000L, 0);
        fd(subs, 1, 2, Abi.EVENT_FD_READ, 0);
        fd(subs, 2, 3, Abi.EVENT_FD_WRITE, 42);
        long start = System.nanoTime();
        assertEquals(Errno.SUCCESS, wasi.pollOneoff(guest.memory, subs, events, 3, count));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "did not wait for the 10 s clock");
        assertEquals(2, guest.i32(count));
        assertEquals(2, guest.i64(events));
        assertEquals(Abi.EVENT_FD_READ, guest.u8(events + 10));
        assertEquals(3, guest.i64(events + 16), "stdin has 3 bytes available");
        assertEquals(3, guest.i64(events + Abi.EVENT_SIZE));
        assertEquals(Errno.BADF, guest.memory.readShort(events + Abi.EVENT_SIZE + 8), "descriptor 42 is not open");
    }

    @Test
    void badSubscriptionsAreRejected() {
        int subs = guest.alloc(Abi.SUBSCRIPTION_SIZE);
        int events = guest.alloc(Abi.EVENT_SIZE);
        int count = guest.alloc(4);
        assertEquals(Errno.INVAL, wasi.pollOneoff(guest.memory, subs, events, 0, count), "no subscriptions");
        guest.memory.writeByte(subs + 8, (byte) 9);
        assertEquals(Errno.INVAL, wasi.pollOneoff(guest.memory, subs, events, 1, count), "unknown tag");
        assertEquals(Errno.FAULT, wasi.pollOneoff(guest.memory, 65500, events, 2, count));
        clock(subs, 0, 9, Abi.CLOCK_PROCESS_CPUTIME, 1, 0);
        assertEquals(Errno.SUCCESS, wasi.pollOneoff(guest.memory, subs, events, 1, count));
        assertEquals(1, guest.i32(count));
        assertEquals(Errno.INVAL, guest.memory.readShort(events + 8), "a CPU clock cannot be slept on");
    }
}
