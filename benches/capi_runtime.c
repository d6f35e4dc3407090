/* Runtime start-up and shutdown: the time of one Py_Initialize + Py_FinalizeEx cycle, and
 * the resident memory right after the first Py_Initialize ("rss_after_init_kb", in KiB,
 * compared as a ratio like the times), with `site` imported as Py_Initialize does and
 * without it. Issue 6 aims at 4x faster cycles and half the memory of CPython. */
#include <Python.h>
#include "bench.h"
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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

/* Where the resident memory is (from /proc/self/smaps): pages of the Python library's
 * mappings (code and data touched) and anonymous pages (heaps, stacks). */
static void rss_split_kb(long *library, long *anonymous)
{
    *library = *anonymous = 0;
    FILE *f = fopen("/proc/self/smaps", "r");
    if (!f)
        return;
    char line[512];
    int in_library = 0, in_anonymous = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        char path[256] = "";
        /* Mapping headers start with the (lower-case hex) address; fields with a name. */
        int header = (line[0] >= '0' && line[0] <= '9') || (line[0] >= 'a' && line[0] <= 'f');
        if (header && sscanf(line, "%lx-%lx %*s %*s %*s %*s %255s", &lo, &hi, path) >= 2) {
            in_library = strstr(path, "libpython3.11") != NULL || strstr(path, "libferropy") != NULL;
            in_anonymous = path[0] == 0 || path[0] == '[';
            continue;
        }
        long kb;
        if (sscanf(line, "Rss: %ld kB", &kb) == 1) {
            if (in_library)
                *library += kb;
            else if (in_anonymous)
                *anonymous += kb;
        }
    }
    fclose(f);
}

static void print_rss(const char *suffix)
{
    long library, anonymous;
    rss_split_kb(&library, &anonymous);
    printf("rss_after_init%s_kb %ld\n", suffix, rss_kb());
    printf("rss_after_init%s_library_kb %ld\n", suffix, library);
    printf("rss_after_init%s_anonymous_kb %ld\n", suffix, anonymous);
}

/* The runtime alone, without `site`: what `site` imports depends on the site-packages of
 * each installation (a .pth file there may import dozens of modules), so only this figure
 * compares like with like across CPython builds. Measured in a fresh child process. */
static void rss_without_site(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        PyConfig config;
        PyConfig_InitPythonConfig(&config);
        config.site_import = 0;
        PyStatus status = Py_InitializeFromConfig(&config);
        PyConfig_Clear(&config);
        if (PyStatus_Exception(status))
            _exit(1);
        print_rss("_nosite");
        fflush(stdout);
        _exit(0);
    }
    if (pid > 0)
        waitpid(pid, NULL, 0);
}

/* One cycle without `site` (PyConfig.site_import = 0): the runtime's own start-up and
 * shutdown, comparable across CPython installations whatever their site-packages hold. */
static void initialize_without_site(void)
{
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    config.site_import = 0;
    config.parse_argv = 0;
    PyStatus status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status))
        Py_ExitStatusException(status);
}

int main(void)
{
    rss_without_site();
    Py_Initialize();
    print_rss("");
    Py_FinalizeEx();
    BENCH_N("Py_Initialize+Py_FinalizeEx", 30, { Py_Initialize(); Py_FinalizeEx(); });
    Py_InitializeEx(0);
    Py_FinalizeEx();
    BENCH_N("Py_InitializeEx(0)+Py_FinalizeEx", 30, { Py_InitializeEx(0); Py_FinalizeEx(); });
    initialize_without_site();
    Py_FinalizeEx();
    BENCH_N("Py_InitializeFromConfig(no site)+Py_FinalizeEx", 30, { initialize_without_site(); Py_FinalizeEx(); });
    Py_Initialize();
    BENCH("PySys_GetObject(\"path\")", { psink = PySys_GetObject("path"); });
    BENCH("PySys_Audit with no hook", { psink = (void *)(long)PySys_Audit("bench.event", "i", 1); });
    Py_FinalizeEx();
    return 0;
}
