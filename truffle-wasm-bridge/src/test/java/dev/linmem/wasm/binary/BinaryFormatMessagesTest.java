package dev.linmem.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.WasmException.Kind;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Binary-format cases of the spec's {@code binary.wast} (Wasm 3.0), which the shared corpus does not
 * carry: each vector (after the 8-byte header) with the reference interpreter's expected message.
 */
class BinaryFormatMessagesTest {

    private static final String HEADER = "0061736d01000000";

    private record Case(String name, String hexAfterHeader, Kind kind, String message) {
    }

    private static final Case[] CASES = {
        new Case("section id 14", "0e0100", Kind.MALFORMED, "malformed section id"),
        new Case("section id 0x7f", "7f0100", Kind.MALFORMED, "malformed section id"),
        new Case("section id as 2-byte LEB", "80010001 0100", Kind.MALFORMED, "malformed section id"),
        new Case("body without end runs into the next body", "010401600000 0303020000 0a0c02 0400 41011a 0500 41011a0b",
                        Kind.MALFORMED, "END opcode expected"),
        new Case("body without end at the end of the module", "01040160000003020100 0a06010400 41011a", Kind.MALFORMED,
                        "unexpected end of section or function"),
        new Case("bytes after a body's end", "01040160000003020100 0a06010400 41011a0b 030101 00", Kind.MALFORMED,
                        "section size mismatch"),
        // The reference reads on into the code section, decoding its id 0x0a as exception handling's
        // throw_ref: not a constant instruction, so it is read over (not refused), as the if and block after it.
        new Case("global initializer without end", "01040160000003020100 0605017f004100 0a040102000b", Kind.MALFORMED,
                        "unexpected end"),
        new Case("local count with unused bits", "01040160000003020100 0a0c010a02808080801 07f027e0b", Kind.MALFORMED,
                        "integer too large"),
        new Case("2^32 locals", "01040160000003020100 0a0c010a02ffffffff0f7f027e0b", Kind.MALFORMED, "too many locals"),
        new Case("function section without code", "01040160000003030200 00", Kind.MALFORMED,
                        "function and code section have inconsistent lengths"),
        new Case("code section without functions", "0a0401020 00b", Kind.MALFORMED,
                        "function and code section have inconsistent lengths"),
        new Case("data count larger than data section", "0c01030b050201000100", Kind.MALFORMED,
                        "data count and data section have inconsistent lengths"),
        new Case("data count without data section", "05030100010c0101", Kind.MALFORMED,
                        "data count and data section have inconsistent lengths"),
        new Case("memory.init without data count", "01040160000003020100 0503010000 0a0e010c00410041004100fc08 00000b 0b03010100",
                        Kind.MALFORMED, "data count section required"),
        new Case("data.drop without data count", "01040160000003020100 0503010000 0a07010500fc09000b 0b03010100",
                        Kind.MALFORMED, "data count section required"),
        new Case("illegal opcode in an element expression",
                        "01040160000003020100 0404017000 00 0503010000 090701057001f3000b 0a040102000b", Kind.MALFORMED,
                        "illegal opcode"),
        new Case("element type i32", "01040160000003020100 0404017000 00 0503010000 090701057f01d2000b 0a040102000b",
                        Kind.MALFORMED, "malformed reference type"),
        new Case("type section longer than the module", "010702600000", Kind.MALFORMED, "length out of bounds"),
        new Case("type section with a second type", "0107016000006000 00", Kind.MALFORMED, "section size mismatch"),
        new Case("import kind 5", "020401000005", Kind.MALFORMED, "malformed import kind"),
        new Case("import kind as LEB", "02050100008000", Kind.MALFORMED, "malformed import kind"),
        new Case("import section cut short", "0105016001 7f00 021602 0873706563746573740970 72696e745f6933320000",
                        Kind.MALFORMED, "unexpected end of section or function"),
        new Case("table section cut short", "040101", Kind.MALFORMED, "unexpected end of section or function"),
        new Case("table limits flags 8", "0403017008", Kind.MALFORMED, "malformed limits flags"),
        new Case("table limits flags as LEB", "040601708100 0000", Kind.MALFORMED, "malformed limits flags"),
        new Case("memory limits flags 8", "05020108", Kind.MALFORMED, "malformed limits flags"),
        new Case("memory limits flags 0x10", "0503011000", Kind.MALFORMED, "malformed limits flags"),
        new Case("memory limits flags as LEB", "0505018101 0000", Kind.MALFORMED, "malformed limits flags"),
        new Case("export count runs into the code section", "010401600000 0303020000 070602026631 0000 0a070202000b02000b",
                        Kind.MALFORMED, "length out of bounds"),
        new Case("element section cut short", "01040160000003020100 0404017000 01 0907020041000b0100", Kind.MALFORMED,
                        "unexpected end"),
        new Case("data segment shorter than declared", "0503010001 0b0c01 0041030b07616263646566", Kind.MALFORMED,
                        "unexpected end of section or function"),
        new Case("data segment longer than declared", "0503010001 0b0c01 0041000b05616263646566", Kind.MALFORMED,
                        "section size mismatch"),
        new Case("two start sections", "01040160000003020100 080100 080100 0a040102000b", Kind.MALFORMED,
                        "unexpected content after last section"),
        new Case("data count after code", "0a0100 0c0101", Kind.MALFORMED, "unexpected content after last section"),
        new Case("illegal opcode ff", "01040160000003020100 0a08010600 00ff00000b", Kind.MALFORMED, "illegal opcode ff"),
        new Case("custom section name longer than the section", "0001 05", Kind.MALFORMED, "unexpected end"),
        // The body's offset LEB runs past the body's declared size into bytes the code section does not
        // cover: the reference decodes the body with its section and fails there, before reading on.
        new Case("11-byte offset LEB in a body, then no valid section", "01040160000003020100 050301000 1 0a1101"
                        + "0f01017f41002802 8280808080808080808000 1a0b", Kind.MALFORMED, "integer representation too long"),
        new Case("type form as a 2-byte LEB", "010501e07f0000", Kind.MALFORMED, "integer representation too long"),
        new Case("two code sections for two functions", "010401600000 0303020000 0a040102000b 0a040102000b", Kind.MALFORMED,
                        "unexpected content after last section"),
        new Case("global.set of an immutable global", "01040160000003020100 060901 7d00 43000000000b 0a0b0109 00 430000803f 2400 0b",
                        Kind.INVALID, "immutable global"),
        new Case("memory.grow with an unknown memory", "01040160000003020100 0503010000 0a0901070041004001 1a0b",
                        Kind.INVALID, "unknown memory 1"),
    };

    @TestFactory
    Stream<DynamicTest> binaryWastCases() {
        return Stream.of(CASES).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            byte[] bytes = HexFormat.of().parseHex((HEADER + c.hexAfterHeader()).replace(" ", ""));
            WasmException e = assertThrows(WasmException.class, () -> ModuleDecoder.decode(bytes));
            assertEquals(c.kind(), e.kind(), e.getMessage());
            assertTrue(e.getMessage().startsWith(c.message()), () -> "\"" + e.getMessage() + "\" should start with \"" + c.message() + "\"");
        }));
    }

    @TestFactory
    Stream<DynamicTest> validModules() {
        String[] modules = {
            "0504010082 00",                                 // non-minimal LEB memory minimum
            "06070 17f0041 80000b",                          // non-minimal s32 in a global
            "060f017e0042ffffffffffffffffff7f0b",            // 10-byte s64 -1
            "01040160000003020100 0a0a010803007f007e027d0b", // zero-count local runs
            "030100",                                        // zero functions, no code section
            "0a0100",                                        // zero bodies, no function section
            "01040160000003020100 0404017000 00 0503010000 09070105700 1d2000b 0a040102000b", // passive ref.func element
            "01040160000003020100 0a11010f00024041010440410 10e00020b0b0b", // br_table with no targets
        };
        return Stream.of(modules).map(hex -> DynamicTest.dynamicTest(hex, () -> ModuleDecoder.decode(
                        HexFormat.of().parseHex((HEADER + hex).replace(" ", "")))));
    }
}
