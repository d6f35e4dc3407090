/* The legacy Py_*Flag globals: set before Py_Initialize they decide the compat
 * configuration (sys.flags, whether site is imported, stdio buffering), and every
 * initialization writes the configuration back into them (Py_HashRandomizationFlag
 * included). Py_GETENV honours Py_IgnoreEnvironmentFlag. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include "testutil.h"
#include <stdlib.h>

static void show_globals(const char *when)
{
    printf("%s: debug=%d verbose=%d quiet=%d interactive=%d inspect=%d optimize=%d nosite=%d "
           "bytes=%d frozen=%d ignore_env=%d dont_write=%d no_user_site=%d unbuffered=%d "
           "hash_random=%d isolated=%d\n",
           when, Py_DebugFlag, Py_VerboseFlag, Py_QuietFlag, Py_InteractiveFlag, Py_InspectFlag,
           Py_OptimizeFlag, Py_NoSiteFlag, Py_BytesWarningFlag, Py_FrozenFlag,
           Py_IgnoreEnvironmentFlag, Py_DontWriteBytecodeFlag, Py_NoUserSiteDirectory,
           Py_UnbufferedStdioFlag, Py_HashRandomizationFlag, Py_IsolatedFlag);
}

static void show_python(void)
{
    PyObject *d = PyModule_GetDict(PyImport_AddModule("__main__"));
    PyObject *r = PyRun_String(
        "(lambda s, f: (f.debug, f.inspect, f.interactive, f.optimize, f.dont_write_bytecode, "
        "f.no_user_site, f.no_site, f.ignore_environment, f.verbose, f.bytes_warning, f.quiet, "
        "f.isolated, 'site' in s.modules, s.dont_write_bytecode, type(s.stdout.buffer).__name__, "
        "s.stdout.write_through))(__import__('sys'), __import__('sys').flags)",
        Py_eval_input, d, d);
    printf("  sys: ");
    put(r);
    printf("\n");
    Py_XDECREF(r);
    fflush(stdout);
}

int main(void)
{
    setenv("FERROPY_LEGACY_FLAGS_TEST", "yes", 1);
    show_globals("before");
    printf("Py_GETENV: %s\n", Py_GETENV("FERROPY_LEGACY_FLAGS_TEST"));

    /* Defaults: the environment is read (the runner's PYTHON* variables count). */
    Py_Initialize();
    show_python();
    Py_Finalize();
    show_globals("after default cycle");

    /* Flags set by the embedder. */
    Py_NoSiteFlag = 1;
    Py_OptimizeFlag = 2;
    Py_BytesWarningFlag = 1;
    Py_QuietFlag = 1;
    Py_NoUserSiteDirectory = 1;
    Py_InspectFlag = 1;
    Py_DebugFlag = 0;
    Py_IgnoreEnvironmentFlag = 1;
    Py_FrozenFlag = 1;
    Py_UnbufferedStdioFlag = 0;
    printf("Py_GETENV ignored: %s\n", Py_GETENV("FERROPY_LEGACY_FLAGS_TEST") ? "found" : "NULL");
    Py_Initialize();
    show_python();
    Py_Finalize();
    show_globals("after flags cycle");

    /* Isolated: no environment, no user site. */
    Py_IgnoreEnvironmentFlag = 0;
    Py_InspectFlag = 0;
    Py_NoSiteFlag = 0;
    Py_IsolatedFlag = 1;
    Py_DontWriteBytecodeFlag = 1;
    Py_UnbufferedStdioFlag = 1;
    Py_Initialize();
    show_python();
    Py_Finalize();
    show_globals("after isolated cycle");
    printf("Py_GETENV: %s\n", Py_GETENV("FERROPY_LEGACY_FLAGS_TEST") ? "found" : "NULL");
    return 0;
}
