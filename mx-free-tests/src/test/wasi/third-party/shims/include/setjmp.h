/*
 * linmem's stand-in for <setjmp.h>, which wasi-libc does not have: WebAssembly has no way to
 * unwind the stack to a saved point without the exception-handling proposal. setjmp returns 0
 * (the normal path) and longjmp traps (the wasm instruction unreachable), so a program that
 * only ever takes the normal path runs unchanged, and one that would jump ends with a trap
 * instead of wrong results. Lua uses it for errors and coroutine yields.
 */
#ifndef LINMEM_SETJMP_H
#define LINMEM_SETJMP_H
typedef int jmp_buf[1];
#define setjmp(env) ((void) (env), 0)
#define _setjmp(env) setjmp(env)
#define longjmp(env, value) ((void) (env), (void) (value), __builtin_trap())
#define _longjmp(env, value) longjmp(env, value)
#endif
