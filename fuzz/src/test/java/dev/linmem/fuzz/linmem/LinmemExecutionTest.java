package dev.linmem.fuzz.linmem;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.linmem.fuzz.FuzzTestSupport;

/** Runs that must end although the guest does not: the transcript has a limit. */
class LinmemExecutionTest {
    @Test
    void aGuestThatLogsWithoutEndIsStoppedWhenTheTranscriptIsFull() {
        LinmemExecution execution = new LinmemExecution(MemoryKind.DYNAMIC_HEAP, ExecutionMode.INTERPRETED);
        LinmemExecution.BudgetExceeded stopped = assertThrows(LinmemExecution.BudgetExceeded.class,
                        () -> execution.run(FuzzTestSupport.module("endless-log"), null));
        assertTrue(stopped.getMessage().contains("calling chatter") && stopped.getMessage().contains(FuzzingSupport.MAX_EVENTS + " events"),
                        stopped.getMessage());
    }
}
