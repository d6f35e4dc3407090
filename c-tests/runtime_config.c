/* The PyConfig API (PEP 587): PyStatus values, wide string lists, PyPreConfig and PyConfig
 * defaults, setters, what PyConfig_Read computes (environment variables, command-line
 * options), decoding errors, and Py_InitializeFromConfig. Fields that depend on the
 * installation (paths) are not printed. */
#include <Python.h>
#include <stdlib.h>
#include <string.h>

static void show_status(const char *what, PyStatus s)
{
    printf("%s: type=%d func=%s msg=%s exitcode=%d is_error=%d is_exit=%d exception=%d\n", what,
           (int)s._type, s.func ? s.func : "NULL", s.err_msg ? s.err_msg : "NULL", s.exitcode,
           PyStatus_IsError(s), PyStatus_IsExit(s), PyStatus_Exception(s));
}

static void show_wstr(const char *name, const wchar_t *w)
{
    if (w == NULL) { printf("  %s=NULL\n", name); return; }
    printf("  %s='", name);
    for (const wchar_t *p = w; *p; p++) {
        if (*p >= 32 && *p < 127) putchar((int)*p); else printf("\\u%04x", (unsigned)*p);
    }
    printf("'\n");
}

static void show_list(const char *name, const PyWideStringList *l)
{
    printf("  %s: length=%zd items=%s\n", name, l->length, l->items ? "set" : "NULL");
    for (Py_ssize_t i = 0; i < l->length; i++) {
        char label[64];
        snprintf(label, sizeof label, "%s[%zd]", name, i);
        show_wstr(label, l->items[i]);
    }
}

#define I(f) printf("  " #f "=%d\n", (int)c->f)
static void show_config(const char *title, PyConfig *c)
{
    printf("%s\n", title);
    I(_config_init); I(isolated); I(use_environment); I(dev_mode); I(install_signal_handlers);
    I(use_hash_seed); printf("  hash_seed=%lu\n", c->hash_seed);
    I(faulthandler); I(tracemalloc); I(import_time); I(code_debug_ranges); I(show_ref_count);
    I(dump_refs); show_wstr("dump_refs_file", c->dump_refs_file); I(malloc_stats);
    show_wstr("filesystem_errors", c->filesystem_errors);
    show_wstr("pycache_prefix", c->pycache_prefix); I(parse_argv);
    show_list("orig_argv", &c->orig_argv); show_list("argv", &c->argv);
    show_list("xoptions", &c->xoptions); show_list("warnoptions", &c->warnoptions);
    I(site_import); I(bytes_warning); I(warn_default_encoding); I(inspect); I(interactive);
    I(optimization_level); I(parser_debug); I(write_bytecode); I(verbose); I(quiet);
    I(user_site_directory); I(configure_c_stdio); I(buffered_stdio);
    show_wstr("stdio_errors", c->stdio_errors);
    show_wstr("check_hash_pycs_mode", c->check_hash_pycs_mode); I(use_frozen_modules);
    I(safe_path); I(pathconfig_warnings); show_wstr("program_name", c->program_name);
    show_wstr("pythonpath_env", c->pythonpath_env); show_wstr("home", c->home);
    I(module_search_paths_set); show_list("module_search_paths", &c->module_search_paths);
    I(skip_source_first_line); show_wstr("run_command", c->run_command);
    show_wstr("run_module", c->run_module); show_wstr("run_filename", c->run_filename);
    I(_install_importlib); I(_init_main); I(_isolated_interpreter);
}

static void show_preconfig(const char *title, PyPreConfig *p)
{
    printf("%s: _config_init=%d parse_argv=%d isolated=%d use_environment=%d configure_locale=%d "
           "coerce_c_locale=%d coerce_c_locale_warn=%d utf8_mode=%d dev_mode=%d allocator=%d\n",
           title, p->_config_init, p->parse_argv, p->isolated, p->use_environment,
           p->configure_locale, p->coerce_c_locale, p->coerce_c_locale_warn, p->utf8_mode,
           p->dev_mode, p->allocator);
}

static void clean_environment(void)
{
    const char *names[] = {"PYTHONHASHSEED", "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED",
        "PYTHONPATH", "PYTHONHOME", "PYTHONNOUSERSITE", "PYTHONVERBOSE", "PYTHONOPTIMIZE",
        "PYTHONDEBUG", "PYTHONINSPECT", "PYTHONDEVMODE", "PYTHONFAULTHANDLER",
        "PYTHONTRACEMALLOC", "PYTHONPROFILEIMPORTTIME", "PYTHONMALLOCSTATS", "PYTHONPYCACHEPREFIX",
        "PYTHONWARNINGS", "PYTHONSAFEPATH", "PYTHONNODEBUGRANGES", "PYTHONIOENCODING",
        "PYTHONWARNDEFAULTENCODING", "PYTHONSTARTUP", "PYTHONPLATLIBDIR", "PYTHONUTF8",
        "PYTHONMALLOC", "PYTHONEXECUTABLE", "PYTHONCOERCECLOCALE", NULL};
    for (int i = 0; names[i]; i++) unsetenv(names[i]);
}

static void statuses(void)
{
    show_status("PyStatus_Ok", PyStatus_Ok());
    show_status("PyStatus_Error", PyStatus_Error("boom"));
    show_status("PyStatus_NoMemory", PyStatus_NoMemory());
    show_status("PyStatus_Exit(3)", PyStatus_Exit(3));
    show_status("PyStatus_Exit(0)", PyStatus_Exit(0));
}

static void string_lists(void)
{
    PyWideStringList l = {0, NULL};
    show_status("append a", PyWideStringList_Append(&l, L"a"));
    show_status("append b", PyWideStringList_Append(&l, L"b"));
    show_status("insert x at 0", PyWideStringList_Insert(&l, 0, L"x"));
    show_status("insert y at 2", PyWideStringList_Insert(&l, 2, L"y"));
    show_status("insert z at 99", PyWideStringList_Insert(&l, 99, L"z"));
    show_status("insert at -1", PyWideStringList_Insert(&l, -1, L"n"));
    show_list("list", &l);
    /* The list owns copies of the strings, in the raw domain. */
    for (Py_ssize_t i = 0; i < l.length; i++) PyMem_RawFree(l.items[i]);
    PyMem_RawFree(l.items);
}

static void defaults(void)
{
    PyPreConfig pre;
    PyPreConfig_InitPythonConfig(&pre);
    show_preconfig("PyPreConfig python", &pre);
    PyPreConfig_InitIsolatedConfig(&pre);
    show_preconfig("PyPreConfig isolated", &pre);

    PyConfig c;
    PyConfig_InitPythonConfig(&c);
    show_config("PyConfig_InitPythonConfig", &c);
    PyConfig_Clear(&c);
    PyConfig_InitIsolatedConfig(&c);
    show_config("PyConfig_InitIsolatedConfig", &c);
    PyConfig_Clear(&c);
}

static void read_python(const char *title, int argc, wchar_t **argv)
{
    PyConfig c;
    PyConfig_InitPythonConfig(&c);
    if (argc >= 0) show_status("SetArgv", PyConfig_SetArgv(&c, argc, argv));
    PyStatus s = PyConfig_Read(&c);
    show_status("PyConfig_Read", s);
    show_config(title, &c);
    PyConfig_Clear(&c);
}

static void reading(void)
{
    read_python("read python defaults", -1, NULL);
    {
        PyConfig c;
        PyConfig_InitIsolatedConfig(&c);
        show_status("PyConfig_Read", PyConfig_Read(&c));
        show_config("read isolated defaults", &c);
        PyConfig_Clear(&c);
    }
    setenv("PYTHONHASHSEED", "123", 1);
    setenv("PYTHONDONTWRITEBYTECODE", "1", 1);
    setenv("PYTHONUNBUFFERED", "1", 1);
    setenv("PYTHONPATH", "/a:/b", 1);
    setenv("PYTHONHOME", "/somewhere", 1);
    setenv("PYTHONNOUSERSITE", "1", 1);
    setenv("PYTHONVERBOSE", "3", 1);
    setenv("PYTHONOPTIMIZE", "x", 1);
    setenv("PYTHONDEBUG", "1", 1);
    setenv("PYTHONINSPECT", "", 1);
    setenv("PYTHONSAFEPATH", "1", 1);
    setenv("PYTHONPYCACHEPREFIX", "/tmp/pyc", 1);
    setenv("PYTHONWARNINGS", "error,ignore::DeprecationWarning", 1);
    setenv("PYTHONPROFILEIMPORTTIME", "1", 1);
    setenv("PYTHONNODEBUGRANGES", "1", 1);
    read_python("read with environment", -1, NULL);
    {
        PyConfig c;
        PyConfig_InitPythonConfig(&c);
        c.use_environment = 0;
        show_status("PyConfig_Read", PyConfig_Read(&c));
        show_config("read with use_environment=0", &c);
        PyConfig_Clear(&c);
    }
    setenv("PYTHONHASHSEED", "random", 1);
    read_python("read with PYTHONHASHSEED=random", -1, NULL);
    setenv("PYTHONHASHSEED", "0", 1);
    read_python("read with PYTHONHASHSEED=0", -1, NULL);
    setenv("PYTHONHASHSEED", "4294967296", 1);
    read_python("read with PYTHONHASHSEED too big", -1, NULL);
    clean_environment();

    wchar_t *a1[] = {L"prog", L"-B", L"-u", L"-s", L"-S", L"-v", L"-v", L"-O", L"-q", L"-b",
                     L"-X", L"dev", L"-W", L"error", L"-c", L"pass", L"arg1", L"-x"};
    read_python("read argv with -c", 18, a1);
    wchar_t *a2[] = {L"prog", L"-I", L"-OO", L"-m", L"json.tool", L"-v"};
    read_python("read argv with -m", 6, a2);
    wchar_t *a3[] = {L"prog", L"-E", L"-i", L"-d", L"-bb", L"-R", L"-P", L"-"};
    read_python("read argv with -", 8, a3);
    wchar_t *a4[] = {L"prog", L"-c"};
    read_python("read argv -c without argument", 2, a4);
    wchar_t *a5[] = {L"prog", L"-Z"};
    read_python("read argv unknown option", 2, a5);
    wchar_t *a6[] = {L"prog", L"--check-hash-based-pycs", L"always", L"-X", L"utf8", L"-cpass"};
    read_python("read argv long option", 6, a6);
    wchar_t *a8[] = {L"prog", L"-h"};
    read_python("read argv -h", 2, a8);
    wchar_t *a9[] = {L"prog", L"--help-all"};
    read_python("read argv --help-all", 2, a9);
    wchar_t *a10[] = {L"prog", L"-E", L"-V", L"-c", L"pass"};
    read_python("read argv -V", 5, a10);
    wchar_t *a11[] = {L"prog", L"-u", L"script.py", L"-v", L"--", L"x"};
    read_python("read argv with a script", 6, a11);
    wchar_t *a12[] = {L"prog", L"-Werror", L"-W", L"error", L"-Xfrozen_modules=off", L"-X", L"pycache_prefix=/pc", L"-X", L"importtime", L"--", L"-c"};
    read_python("read argv with --", 11, a12);
    wchar_t *a7[] = {L"prog"};
    read_python("read argv program only", 1, a7);
    {
        PyConfig c;
        PyConfig_InitIsolatedConfig(&c);
        show_status("SetArgv", PyConfig_SetArgv(&c, 3, a1));
        show_status("PyConfig_Read", PyConfig_Read(&c));
        show_config("isolated config does not parse argv", &c);
        PyConfig_Clear(&c);
    }
}

/* How environment values are parsed (C's strtol/strtoul rules). */
static void env_case(const char *name, const char *value)
{
    setenv(name, value, 1);
    PyConfig c;
    PyConfig_InitPythonConfig(&c);
    PyStatus s = PyConfig_Read(&c);
    printf("%s='%s': status=%d func=%s msg=%s verbose=%d use_hash_seed=%d hash_seed=%lu tracemalloc=%d optimization_level=%d\n",
           name, value, (int)s._type, s.func ? s.func : "NULL", s.err_msg ? s.err_msg : "NULL",
           c.verbose, c.use_hash_seed, c.hash_seed, c.tracemalloc, c.optimization_level);
    PyConfig_Clear(&c);
    unsetenv(name);
}

static void env_values(void)
{
    const char *ints[] = {"2", " 2", "2 ", "+3", "-1", "abc", "0", "99999999999", NULL};
    for (int i = 0; ints[i]; i++) env_case("PYTHONVERBOSE", ints[i]);
    for (int i = 0; ints[i]; i++) env_case("PYTHONOPTIMIZE", ints[i]);
    const char *seeds[] = {"5", "+5", " 5", "5 ", "-0", "-1", "4294967295", "random", "", NULL};
    for (int i = 0; seeds[i]; i++) env_case("PYTHONHASHSEED", seeds[i]);
    const char *frames[] = {"5", "0", "x", "-2", NULL};
    for (int i = 0; frames[i]; i++) env_case("PYTHONTRACEMALLOC", frames[i]);
}

static void setters(void)
{
    PyConfig c;
    PyConfig_InitPythonConfig(&c);
    show_status("SetString", PyConfig_SetString(&c, &c.program_name, L"myprog"));
    show_wstr("program_name", c.program_name);
    show_status("SetString NULL", PyConfig_SetString(&c, &c.program_name, NULL));
    show_wstr("program_name", c.program_name);
    show_status("SetBytesString", PyConfig_SetBytesString(&c, &c.home, "/h\xe9me"));
    show_wstr("home", c.home);
    show_status("SetBytesString NULL", PyConfig_SetBytesString(&c, &c.home, NULL));
    show_wstr("home", c.home);
    char *bargv[] = {"b\xffx", "-c", "1"};
    show_status("SetBytesArgv", PyConfig_SetBytesArgv(&c, 3, bargv));
    show_list("argv", &c.argv);
    wchar_t *items[] = {L"/p1", L"/p2"};
    show_status("SetWideStringList", PyConfig_SetWideStringList(&c, &c.module_search_paths, 2, items));
    show_list("module_search_paths", &c.module_search_paths);
    show_status("SetWideStringList empty", PyConfig_SetWideStringList(&c, &c.xoptions, 0, NULL));
    show_list("xoptions", &c.xoptions);
    PyConfig_Clear(&c);
    show_config("after PyConfig_Clear", &c);
}

int main(void)
{
    clean_environment();
    statuses();
    string_lists();
    defaults();
    setters();
    reading();
    env_values();

    PyConfig c;
    PyConfig_InitIsolatedConfig(&c);
    PyConfig_SetString(&c, &c.program_name, L"embedded");
    wchar_t *argv[] = {L"embedded", L"one", L"two"};
    PyConfig_SetArgv(&c, 3, argv);
    PyStatus s = Py_InitializeFromConfig(&c);
    show_status("Py_InitializeFromConfig", s);
    PyConfig_Clear(&c);
    printf("initialized: %d\n", Py_IsInitialized());
    printf("program name: %ls\n", Py_GetProgramName());
    int argc2 = -1; wchar_t **argv2 = NULL;
    Py_GetArgcArgv(&argc2, &argv2);
    printf("Py_GetArgcArgv: %d", argc2);
    for (int i = 0; i < argc2; i++) printf(" %ls", argv2[i]);
    printf("\n");
    printf("finalize: %d\n", Py_FinalizeEx());
    return 0;
}
