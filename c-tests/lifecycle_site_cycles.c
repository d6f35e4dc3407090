/* Py_Initialize/Py_FinalizeEx cycles with `site` imported (Py_Initialize's default): what
 * `site` and the .pth files of this machine's site-packages import (certifi, tempfile,
 * random, ...) must go with each runtime. `random` registers an os.register_at_fork
 * callback (its Random instance's bound `seed`), which kept its class, functions and
 * module alive in every later runtime until the callbacks were dropped at finalization.
 * Measured here (resident anonymous memory, /proc/self/statm, 40 cycles after 5 warm-up ones): ferropy
 * grew ~165 KiB per cycle before, is flat now; CPython 3.11.7 is flat. The bound, 1 MiB over
 * the 40 cycles, fails a leak of ~25 KiB per cycle. */
// ferropy-test: timeout=600
#include "testutil.h"

int main(void)
{
    for (int i = 0; i < 5; i++) {
        Py_Initialize();
        Py_FinalizeEx();
    }
    long before = resident_anonymous_kb();
    int failures = 0;
    for (int i = 0; i < 40; i++) {
        Py_Initialize();
        if (PyRun_SimpleString("import sys\nassert 'site' in sys.modules\n") != 0) failures++;
        if (Py_FinalizeEx() != 0) failures++;
    }
    long growth = resident_anonymous_kb() - before;
    if (getenv("LIFECYCLE_VERBOSE")) fprintf(stderr, "rss growth: %ld KiB\n", growth);
    printf("cycles that failed: %d\n", failures);
    printf("rss growth under 1 MiB: %s\n", before > 0 && growth < 1024 ? "yes" : "no");
    return 0;
}
