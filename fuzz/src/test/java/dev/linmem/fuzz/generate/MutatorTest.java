package dev.linmem.fuzz.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.linmem.fuzz.FuzzTestSupport;

/** Mutations are reproducible by seed, always change the module, and cover every kind of damage. */
class MutatorTest {
    private final byte[] valid = FuzzTestSupport.module("fuzzing-support");

    @Test
    void theSameSeedGivesTheSameMutation() {
        Mutator.Mutation a = Mutator.mutate(valid, 1234);
        Mutator.Mutation b = Mutator.mutate(valid, 1234);
        assertEquals(a.description(), b.description());
        assertArrayEquals(a.module(), b.module());
    }

    @Test
    void everyKindOccursAndEveryMutationChangesTheModule() {
        Set<Mutator.Kind> seen = EnumSet.noneOf(Mutator.Kind.class);
        for (long seed = 0; seed < 400; seed++) {
            Mutator.Mutation mutation = Mutator.mutate(valid, seed);
            seen.add(mutation.kind());
            assertFalse(Arrays.equals(valid, mutation.module()), () -> "unchanged: " + mutation.description());
        }
        assertEquals(EnumSet.allOf(Mutator.Kind.class), seen);
    }
}
