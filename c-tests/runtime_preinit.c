/* Pre-initialization: UTF-8 mode decides how Py_DecodeLocale/Py_EncodeLocale convert
 * (even in the C locale), from PyPreConfig.utf8_mode, from -X utf8 in the arguments of
 * Py_PreInitializeFromArgs/FromBytesArgs, or from PYTHONUTF8; a second pre-initialization
 * changes nothing; configure_locale sets LC_CTYPE from the environment. Also the legacy
 * Py_SetStandardStreamEncoding. Each case runs in a forked child (pre-initialization
 * happens once per runtime). */
#include <Python.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

static void show_decode(void)
{
    wchar_t *w = Py_DecodeLocale("\xc3\xa9\xff", NULL);
    printf("  decode: ");
    for (wchar_t *p = w; p && *p; p++) printf("%x ", (unsigned)*p);
    printf("\n");
    PyMem_RawFree(w);
    size_t pos = 0;
    char *s = Py_EncodeLocale(L"\xe9", &pos);
    printf("  encode U+00E9: %s\n", s ? "ok" : "error");
    PyMem_Free(s);
}

static void run(const char *what, void (*body)(void))
{
    printf("%s\n", what);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        body();
        fflush(stdout);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
}

static void status_line(PyStatus s) { printf("  status: exception=%d\n", PyStatus_Exception(s)); }

static void c_locale_no_preinit(void) { show_decode(); }

static void utf8_mode_preconfig(void)
{
    PyPreConfig pre;
    PyPreConfig_InitIsolatedConfig(&pre);
    pre.utf8_mode = 1;
    status_line(Py_PreInitialize(&pre));
    show_decode();
    pre.utf8_mode = 0;
    status_line(Py_PreInitialize(&pre));
    printf("  second pre-initialization ignored:\n");
    show_decode();
}

static void utf8_off_preconfig(void)
{
    PyPreConfig pre;
    PyPreConfig_InitIsolatedConfig(&pre);
    status_line(Py_PreInitialize(&pre));
    show_decode();
    printf("  LC_CTYPE untouched: %s\n", setlocale(LC_CTYPE, NULL));
}

static void from_args(void)
{
    PyPreConfig pre;
    PyPreConfig_InitPythonConfig(&pre);
    pre.configure_locale = 0;
    wchar_t *argv[] = {L"prog", L"-X", L"utf8", L"-c", L"pass"};
    status_line(Py_PreInitializeFromArgs(&pre, 5, argv));
    show_decode();
}

static void from_bytes_args(void)
{
    PyPreConfig pre;
    PyPreConfig_InitPythonConfig(&pre);
    pre.configure_locale = 0;
    char *argv[] = {"prog", "-Xutf8=0", "script.py"};
    status_line(Py_PreInitializeFromBytesArgs(&pre, 3, argv));
    show_decode();
}

static void from_env(void)
{
    setenv("PYTHONUTF8", "1", 1);
    PyPreConfig pre;
    PyPreConfig_InitPythonConfig(&pre);
    pre.configure_locale = 0;
    status_line(Py_PreInitialize(&pre));
    show_decode();
}

static void configure_locale(void)
{
    setenv("LC_ALL", "C.UTF-8", 1);
    PyPreConfig pre;
    PyPreConfig_InitPythonConfig(&pre);
    status_line(Py_PreInitialize(&pre));
    const char *loc = setlocale(LC_CTYPE, NULL);
    printf("  LC_CTYPE is C.UTF-8: %d\n", strcmp(loc, "C.UTF-8") == 0 || strcmp(loc, "C.utf8") == 0);
    show_decode();
}

static void stream_encoding(void)
{
    printf("  before init: %d\n", Py_SetStandardStreamEncoding("latin-1", "strict"));
    Py_Initialize();
    printf("  after init: %d\n", Py_SetStandardStreamEncoding("utf-8", NULL));
    Py_FinalizeEx();
}

int main(void)
{
    unsetenv("PYTHONUTF8");
    unsetenv("LC_ALL");
    unsetenv("LC_CTYPE");
    setenv("LANG", "C", 1);
    run("C locale, no pre-initialization", c_locale_no_preinit);
    run("PyPreConfig.utf8_mode = 1", utf8_mode_preconfig);
    run("isolated PyPreConfig (UTF-8 mode off)", utf8_off_preconfig);
    run("Py_PreInitializeFromArgs with -X utf8", from_args);
    run("Py_PreInitializeFromBytesArgs with -Xutf8=0", from_bytes_args);
    run("PYTHONUTF8=1", from_env);
    run("configure_locale", configure_locale);
    run("Py_SetStandardStreamEncoding", stream_encoding);
    return 0;
}
