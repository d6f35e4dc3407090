/* Shared by the C-API micro-benchmarks (benches/capi_*.c): a clock and the BENCH macros.
 * Each benchmark prints "NAME NS_PER_OP"; tools/run_bench.py builds every capi_*.c against
 * ferropy and CPython, runs them in alternating rounds and prints the ratios. */
#ifndef FERROPY_BENCH_H
#define FERROPY_BENCH_H
#include <stdio.h>
#include <time.h>

static inline double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

#define ITERATIONS 20000000L
/* Runs BODY N times (the loop variable is `i`) and prints the time per iteration. */
#define BENCH_N(name, n, body) do { \
        double t0 = now_ns(); \
        for (long i = 0; i < (n); i++) { body; } \
        double t1 = now_ns(); \
        printf("%s %.3f\n", name, (t1 - t0) / (n)); \
    } while (0)
#define BENCH(name, body) BENCH_N(name, ITERATIONS, body)

/* Keeps the compiler from folding a loop of pure calls away. */
static void *volatile psink;
#endif
