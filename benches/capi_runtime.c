/* Runtime start-up and shutdown: the time of one Py_Initialize + Py_FinalizeEx cycle, and
 * the resident memory right after the first Py_Initialize ("rss_after_init_kb", in KiB,
 * compared as a ratio like the times). Issue 6 aims at 4x faster cycles and half the
 * memory of CPython. */
#include <Python.h>
#include "bench.h"

static long rss_kb(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        fclose(f);
    }
    return resident * 4;
}

int main(void)
{
    Py_Initialize();
    printf("rss_after_init_kb %ld\n", rss_kb());
    Py_FinalizeEx();
    BENCH_N("Py_Initialize+Py_FinalizeEx", 30, { Py_Initialize(); Py_FinalizeEx(); });
    Py_InitializeEx(0);
    Py_FinalizeEx();
    BENCH_N("Py_InitializeEx(0)+Py_FinalizeEx", 30, { Py_InitializeEx(0); Py_FinalizeEx(); });
    Py_Initialize();
    BENCH("PySys_GetObject(\"path\")", { psink = PySys_GetObject("path"); });
    BENCH("PySys_Audit with no hook", { psink = (void *)(long)PySys_Audit("bench.event", "i", 1); });
    Py_FinalizeEx();
    return 0;
}
