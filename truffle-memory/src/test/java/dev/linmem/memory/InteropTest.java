package dev.linmem.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A Java host reads and writes a memory through polyglot {@link Value} buffer methods, without knowing linmem. */
class InteropTest {
    @ParameterizedTest
    @EnumSource(MemoryKind.class)
    void hostReadsAndWritesThroughValueBufferMethods(MemoryKind kind) {
        try (Context context = Context.create(); LinearMemory memory = kind.create(MemoryType.of(1, 2))) {
            Value buffer = context.asValue(memory);
            assertTrue(buffer.hasBufferElements());
            assertTrue(buffer.isBufferWritable());
            assertEquals(65536, buffer.getBufferSize());

            buffer.writeBufferInt(ByteOrder.LITTLE_ENDIAN, 8, 0x01020304);
            assertEquals(0x04, buffer.readBufferByte(8));
            assertEquals(0x01020304, memory.readInt(8));
            assertEquals(0x04030201, buffer.readBufferInt(ByteOrder.BIG_ENDIAN, 8));
            buffer.writeBufferLong(ByteOrder.BIG_ENDIAN, 16, 0x1122334455667788L);
            assertEquals(0x8877665544332211L, memory.readLong(16));
            buffer.writeBufferDouble(ByteOrder.LITTLE_ENDIAN, 24, Math.PI);
            assertEquals(Math.PI, memory.readDouble(24));
            assertEquals(Math.PI, buffer.readBufferDouble(ByteOrder.LITTLE_ENDIAN, 24));
            buffer.writeBufferFloat(ByteOrder.LITTLE_ENDIAN, 32, 1.5f);
            assertEquals(1.5f, buffer.readBufferFloat(ByteOrder.LITTLE_ENDIAN, 32));
            buffer.writeBufferShort(ByteOrder.LITTLE_ENDIAN, 40, (short) -2);
            assertEquals((short) -2, buffer.readBufferShort(ByteOrder.LITTLE_ENDIAN, 40));

            byte[] bulk = new byte[12];
            buffer.readBuffer(8, bulk, 0, bulk.length);
            assertEquals(0x04, bulk[0]);
            assertEquals(0x11, bulk[8], "big-endian write puts the high byte first");

            memory.grow(1);
            assertEquals(131072, buffer.getBufferSize(), "the value sees the grown memory: it is the memory, not a copy");
            buffer.writeBufferByte(131071, (byte) 9);
            assertEquals(9, memory.readByte(131071));
        }
    }

    @ParameterizedTest
    @EnumSource(MemoryKind.class)
    void outOfRangeIsAnExceptionNeverACrash(MemoryKind kind) {
        try (Context context = Context.create(); LinearMemory memory = kind.create(MemoryType.of(1, 1))) {
            Value buffer = context.asValue(memory);
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.readBufferInt(ByteOrder.LITTLE_ENDIAN, 65533));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.writeBufferLong(ByteOrder.LITTLE_ENDIAN, -1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.readBufferByte(Long.MAX_VALUE));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.readBuffer(65530, new byte[8], 0, 8));
            memory.close();
            assertFalse(buffer.isBufferWritable());
            assertEquals(0, buffer.getBufferSize());
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.readBufferByte(0), "a closed memory has no bytes");
        }
    }
}
