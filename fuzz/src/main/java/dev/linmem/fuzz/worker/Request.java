package dev.linmem.fuzz.worker;

import dev.linmem.fuzz.linmem.ExecutionMode;
import dev.linmem.fuzz.linmem.MemoryKind;

/**
 * One execution a worker JVM is asked to do (a JSON line on its stdin).
 *
 * @param module the module file
 * @param mode interpreted, compiled or warm
 * @param kind the memory kind the module's memories are made of
 * @param dumps folder for the memory images, or null for none (robustness runs)
 * @param budgetMillis wall-clock time the guest may take before it is cancelled
 */
public record Request(String module, ExecutionMode mode, MemoryKind kind, String dumps, long budgetMillis) {
}
