package dev.linmem.fuzz.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The text tree finds the statements of binaryen's text and prints the module without some of them. */
class TextTreeTest {
    private static final String MODULE = """
                    (module
                     (memory $0 1 1)
                     (data $0 "a(b)\\")")
                     (func $f (param $0 i32) (result i32)
                      (local $1 i32) ;; a comment (with parentheses)
                      (local.set $1 (i32.const 1))
                      (block $b
                       (drop (i32.const 2))
                       (nop))
                      (local.get $1)))
                    """;

    @Test
    void statementsAreTheNonFinalInstructionsOfSequences() {
        TextTree.Node tree = TextTree.parse(MODULE);
        List<TextTree.Statement> statements = TextTree.statements(tree);
        // local.set and the block in the function; drop in the block. Not the header items, not
        // the function's value (local.get), not the block's last child.
        assertEquals(3, statements.size());
    }

    @Test
    void printingWithoutAStatementLeavesEverythingElse() {
        TextTree.Node tree = TextTree.parse(MODULE);
        List<TextTree.Statement> statements = TextTree.statements(tree);
        String without = TextTree.printWithout(tree, List.of(statements.get(0)));
        assertEquals(-1, without.indexOf("local.set"));
        assertEquals(true, without.contains("(data $0 \"a(b)\\\")\")"), without);
        assertEquals(true, without.contains("(drop"));
        // The tree itself is unchanged.
        assertEquals(true, TextTree.print(tree).contains("local.set"));
        assertEquals(TextTree.print(tree), TextTree.print(TextTree.parse(TextTree.print(tree))));
    }
}
