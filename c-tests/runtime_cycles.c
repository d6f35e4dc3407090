/* Finalization hygiene: 1,000 Py_Initialize/Py_FinalizeEx cycles must not make the process
 * grow. Measured on this machine over the 1,000 cycles after 100 warm-up ones (resident anonymous
 * memory from /proc/self/statm): CPython 3.11.7 grows by about 72 KiB; ferropy by about 200 KiB
 * with mimalloc, which keeps some freed pages while its heap settles (valgrind finds no
 * leak, and with PYTHONMALLOC=malloc the resident set is flat after the warm-up). The bound,
 * 1 MiB, fails any leak of a kilobyte or more per cycle. CPython needs ~35 s of CPU for the
 * cycles, hence the timeout. The cycles run without `site` (-S), to keep them about the core;
 * lifecycle_site_cycles.c bounds the cycles with `site`. */
// ferropy-test: timeout=600
#include "testutil.h"

int main(void)
{
    for (int i = 0; i < 100; i++) {
        initialize_without_site();
        Py_FinalizeEx();
    }
    long before = resident_anonymous_kb();
    int failures = 0;
    for (int i = 0; i < 1000; i++) {
        initialize_without_site();
        if (!Py_IsInitialized()) failures++;
        if (Py_FinalizeEx() != 0) failures++;
    }
    long growth = resident_anonymous_kb() - before;
    if (getenv("RUNTIME_CYCLES_VERBOSE")) fprintf(stderr, "rss growth: %ld KiB\n", growth);
    printf("cycles that failed: %d\n", failures);
    printf("rss growth under 1 MiB: %s\n", before > 0 && growth < 1024 ? "yes" : "no");
    return 0;
}
