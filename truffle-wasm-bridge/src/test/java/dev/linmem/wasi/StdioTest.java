package dev.linmem.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Standard streams through fd_read, fd_write and fd_fdstat_get. */
class StdioTest {
    private final Guest guest = new Guest();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void close() {
        guest.close();
    }

    private WasiPreview1 wasi(String stdin) {
        return new WasiPreview1(WasiConfig.builder()
                        .stdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
                        .stdout(out).stderr(err).build());
    }

    @Test
    void fdWriteGathersEveryIovecInOrderAndReportsTheCount() {
        WasiPreview1 wasi = wasi("");
        int iovs = guest.iovecs(Guest.utf8("hello, "), new byte[0], Guest.utf8("wörld\n"));
        int written = guest.alloc(4);
        assertEquals(Errno.SUCCESS, wasi.fdWrite(guest.memory, 1, iovs, 3, written));
        assertEquals("hello, wörld\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(14, guest.i32(written));
        assertEquals(Errno.SUCCESS, wasi.fdWrite(guest.memory, 2, guest.iovecs(Guest.utf8("oops")), 1, written));
        assertEquals("oops", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fdReadFillsBuffersFromStdinUntilItEnds() {
        WasiPreview1 wasi = wasi("abcdefgh");
        int iovs = guest.buffers(3, 10);
        int read = guest.alloc(4);
        assertEquals(Errno.SUCCESS, wasi.fdRead(guest.memory, 0, iovs, 2, read));
        int n = guest.i32(read);
        assertEquals("abcdefgh".substring(0, n), guest.readIovecs(iovs, 2, n));
        // What was not read yet comes next; then end of input is a read of 0 bytes.
        int total = n;
        while (total < 8) {
            assertEquals(Errno.SUCCESS, wasi.fdRead(guest.memory, 0, iovs, 2, read));
            total += guest.i32(read);
        }
        assertEquals(Errno.SUCCESS, wasi.fdRead(guest.memory, 0, iovs, 2, read));
        assertEquals(0, guest.i32(read));
    }

    @Test
    void aBadIovecIsFaultAndNothingIsWrittenOrConsumed() {
        WasiPreview1 wasi = wasi("input");
        int written = guest.alloc(4);
        int iovs = guest.alloc(16);
        guest.memory.writeInt(iovs, guest.str("fine"));
        guest.memory.writeInt(iovs + 4, 4);
        guest.memory.writeInt(iovs + 8, 65530); // the second buffer runs past the 64 KiB memory
        guest.memory.writeInt(iovs + 12, 100);
        assertEquals(Errno.FAULT, wasi.fdWrite(guest.memory, 1, iovs, 2, written));
        assertEquals("", out.toString(StandardCharsets.UTF_8), "the valid first iovec must not have been written");
        assertEquals(Errno.FAULT, wasi.fdRead(guest.memory, 0, iovs, 2, written));
        assertEquals(Errno.FAULT, wasi.fdWrite(guest.memory, 1, 0xfffffff0, 1, written), "iovec array out of range");
        assertEquals(Errno.FAULT, wasi.fdWrite(guest.memory, 1, guest.iovecs(Guest.utf8("x")), 1, 65535), "result pointer out of range");
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        int ok = guest.buffers(5);
        assertEquals(Errno.SUCCESS, wasi.fdRead(guest.memory, 0, ok, 1, written));
        assertEquals("input", guest.readIovecs(ok, 1, guest.i32(written)), "the failed reads consumed nothing");
    }

    @Test
    void streamsGoOneWayAndCannotSeek() {
        WasiPreview1 wasi = wasi("x");
        int result = guest.alloc(8);
        assertEquals(Errno.BADF, wasi.fdWrite(guest.memory, 0, guest.iovecs(Guest.utf8("x")), 1, result));
        assertEquals(Errno.BADF, wasi.fdRead(guest.memory, 1, guest.buffers(1), 1, result));
        assertEquals(Errno.SPIPE, wasi.fdSeek(guest.memory, 1, 0, Abi.WHENCE_SET, result));
        assertEquals(Errno.SPIPE, wasi.fdTell(guest.memory, 0, result));
        assertEquals(Errno.SPIPE, wasi.fdPread(guest.memory, 0, guest.buffers(1), 1, 0, result));
        assertEquals(Errno.BADF, wasi.fdWrite(guest.memory, 7, guest.iovecs(Guest.utf8("x")), 1, result));
    }

    @Test
    void fdstatTellsATerminalFromAPipeAsWasiLibcsIsattyExpects() {
        WasiPreview1 piped = wasi("");
        WasiPreview1 terminal = new WasiPreview1(WasiConfig.builder().stdout(out, true).build());
        int stat = guest.alloc(Abi.FDSTAT_SIZE);
        assertEquals(Errno.SUCCESS, piped.fdFdstatGet(guest.memory, 1, stat));
        assertEquals(Abi.FILETYPE_UNKNOWN, guest.u8(stat));
        assertEquals(Errno.SUCCESS, terminal.fdFdstatGet(guest.memory, 1, stat));
        assertEquals(Abi.FILETYPE_CHARACTER_DEVICE, guest.u8(stat));
        long rights = guest.i64(stat + 8);
        assertEquals(0, rights & (Abi.RIGHT_FD_SEEK | Abi.RIGHT_FD_TELL), "isatty needs a stream without seek and tell");
        assertEquals(Abi.RIGHT_FD_WRITE, rights & Abi.RIGHT_FD_WRITE);
    }

    @Test
    void closingStdoutFlushesItButLeavesTheHostsStreamUsable() {
        WasiPreview1 wasi = wasi("");
        int written = guest.alloc(4);
        assertEquals(Errno.SUCCESS, wasi.fdClose(1));
        assertEquals(Errno.BADF, wasi.fdWrite(guest.memory, 1, guest.iovecs(Guest.utf8("x")), 1, written));
        assertEquals(Errno.BADF, wasi.fdClose(1));
        out.writeBytes(Guest.utf8("host"));
        assertEquals("host", out.toString(StandardCharsets.UTF_8));
    }
}
