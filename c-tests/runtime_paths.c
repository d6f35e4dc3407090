/* Deprecated API on purpose: */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
/* The path configuration and its legacy API: Py_SetProgramName/Py_GetProgramName,
 * Py_GetProgramFullPath, Py_GetPrefix/Py_GetExecPrefix, Py_GetPath (PYTHONPATH first, then
 * the standard library of the CPython 3.11 installation), Py_SetPythonHome, Py_SetPath.
 * Installation paths are printed relative to the prefix. */
#include <Python.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static wchar_t prefix[4096];

/* Prints a ':'-separated path with the prefix written as PREFIX. */
static void show_path(const char *what, const wchar_t *path)
{
    printf("%s: ", what);
    if (!path) { printf("NULL\n"); return; }
    size_t n = wcslen(prefix);
    for (const wchar_t *p = path; *p; ) {
        if (n && wcsncmp(p, prefix, n) == 0) { printf("PREFIX"); p += n; }
        else { putchar((int)*p); p++; }
    }
    printf("\n");
}

static int file_exists(const wchar_t *dir, const char *rest)
{
    char path[8192];
    if (wcstombs(path, dir, 4096) >= 4096) return 0;
    strcat(path, rest);
    FILE *f = fopen(path, "r");
    if (f) fclose(f);
    return f != NULL;
}

int main(void)
{
    unsetenv("PYTHONPATH");
    unsetenv("PYTHONHOME");
    printf("program name before init: %s\n", Py_GetProgramName() ? "set" : "NULL");
    Py_Initialize();
    wcsncpy(prefix, Py_GetPrefix(), 4095);
    printf("program name: %ls\n", Py_GetProgramName());
    const wchar_t *full = Py_GetProgramFullPath();
    size_t fl = wcslen(full);
    printf("full path is absolute and ends with /python3: %d\n", full[0] == L'/' && fl > 8 && wcscmp(full + fl - 8, L"/python3") == 0);
    printf("prefix is absolute: %d, exec_prefix equals prefix: %d\n", prefix[0] == L'/', wcscmp(Py_GetExecPrefix(), prefix) == 0);
    printf("standard library found under the prefix: %d\n", file_exists(prefix, "/lib/python3.11/os.py"));
    show_path("path", Py_GetPath());
    printf("home: %s\n", Py_GetPythonHome() ? "set" : "NULL");
    Py_FinalizeEx();

    setenv("PYTHONPATH", "/first:/second", 1);
    Py_SetProgramName(L"/opt/somewhere/bin/myprog");
    printf("program name set before init: %ls\n", Py_GetProgramName());
    Py_Initialize();
    printf("program name: %ls, full path: %ls\n", Py_GetProgramName(), Py_GetProgramFullPath());
    show_path("path with PYTHONPATH", Py_GetPath());
    Py_FinalizeEx();
    unsetenv("PYTHONPATH");

    Py_SetPythonHome(prefix);
    printf("home set: %d\n", Py_GetPythonHome() && wcscmp(Py_GetPythonHome(), prefix) == 0);
    Py_Initialize();
    show_path("prefix with home", Py_GetPrefix());
    show_path("path with home", Py_GetPath());
    Py_FinalizeEx();
    Py_SetPythonHome(NULL);

    wchar_t explicit_path[8192];
    swprintf(explicit_path, 8192, L"%ls/lib/python3.11:/extra", prefix);
    Py_SetPath(explicit_path);
    Py_Initialize();
    show_path("path after Py_SetPath", Py_GetPath());
    show_path("prefix after Py_SetPath", Py_GetPrefix());
    show_path("exec_prefix after Py_SetPath", Py_GetExecPrefix());
    Py_FinalizeEx();
    return 0;
}
