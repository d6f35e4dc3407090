/* Shared by the C-API micro-benchmarks (benches/capi_*.c): a clock and the BENCH macros.
 * Each benchmark prints "NAME NS_PER_OP"; tools/run_bench.py builds every capi_*.c against
 * ferropy and CPython, runs them in alternating rounds and prints the ratios.
 * Benches timed by hand (now_ns around their own loop) are left out of instruction counts. */
#ifndef FERROPY_BENCH_H
#define FERROPY_BENCH_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define BENCH_HAVE_CALLGRIND 1
#endif
#endif

/* BENCH_INSTRUCTIONS=1 (run_bench.py --instructions, which runs the binary under callgrind):
 * each BENCH zeroes callgrind's counters, runs a thousandth of its iterations, dumps the
 * counters under its name and prints "NAME ITERATIONS"; run_bench.py divides. */
static int bench_counting = -1;

static inline int bench_counting_instructions(void)
{
    if (bench_counting < 0) {
        const char *mode = getenv("BENCH_INSTRUCTIONS");
        bench_counting = mode && *mode && strcmp(mode, "0") != 0;
#ifndef BENCH_HAVE_CALLGRIND
        if (bench_counting) {
            fprintf(stderr, "bench.h: built without <valgrind/callgrind.h>\n");
            exit(2);
        }
#else
        /* Threads that ran and exited before the first bench (a runtime may start helper
         * threads during initialization) keep their counts until a dump: the first
         * ZERO_STATS does not clear them, so without this dump they would be charged to
         * the first bench. run_bench.py ignores this dump (no iteration count). */
        if (bench_counting)
            CALLGRIND_DUMP_STATS_AT("bench.h start-up");
#endif
    }
    return bench_counting;
}

#ifdef BENCH_HAVE_CALLGRIND
#define BENCH_COUNT_START() CALLGRIND_ZERO_STATS
#define BENCH_COUNT_STOP(name) CALLGRIND_DUMP_STATS_AT(name)
#else
#define BENCH_COUNT_START() ((void)0)
#define BENCH_COUNT_STOP(name) ((void)0)
#endif

#define ITERATIONS 20000000L
/* Runs BODY N times (the loop variable is `i`) and prints the time per iteration. */
#define BENCH_N(name, n, body) do { \
        if (bench_counting_instructions()) { \
            long n_ = (n) / 1000 > 0 ? (n) / 1000 : 1; \
            BENCH_COUNT_START(); \
            for (long i = 0; i < n_; i++) { body; } \
            BENCH_COUNT_STOP(name); \
            printf("%s %ld\n", name, n_); \
            break; \
        } \
        double t0 = now_ns(); \
        for (long i = 0; i < (n); i++) { body; } \
        double t1 = now_ns(); \
        printf("%s %.3f\n", name, (t1 - t0) / (n)); \
    } while (0)
#define BENCH(name, body) BENCH_N(name, ITERATIONS, body)

/* Keeps the compiler from folding a loop of pure calls away. */
static void *volatile psink;
#endif
