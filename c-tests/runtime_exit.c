/* How the runtime ends a process: Py_ExitStatusException for exit/error/ok statuses,
 * Py_Exit (finalizes, runs Py_AtExit functions, exits with the status), and
 * Py_InitializeFromConfig returning exit and error statuses instead of exiting. Each case
 * runs in a forked child; the parent prints how it ended. */
#include <Python.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void at_exit(void) { printf("  Py_AtExit function ran\n"); }

static void run_child(const char *what, void (*body)(void))
{
    printf("%s\n", what);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        body();
        printf("  body returned\n");
        fflush(stdout);
        _exit(99);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) printf("  exited with %d\n", WEXITSTATUS(status));
    else if (WIFSIGNALED(status)) printf("  killed by signal %d\n", WTERMSIG(status));
    fflush(stdout);
}

static void exit_status(void) { Py_ExitStatusException(PyStatus_Exit(7)); }
static void exit_status_zero(void) { Py_ExitStatusException(PyStatus_Exit(0)); }
static void error_status(void) { Py_ExitStatusException(PyStatus_Error("an error")); }
static void ok_status(void) { Py_ExitStatusException(PyStatus_Ok()); }
static void py_exit_initialized(void)
{
    Py_Initialize();
    Py_AtExit(at_exit);
    Py_Exit(3);
}
static void py_exit_not_initialized(void) { Py_Exit(5); }

static void show_status(const char *what, PyStatus s)
{
    printf("  %s: error=%d exit=%d exitcode=%d msg=%s initialized=%d\n", what, PyStatus_IsError(s),
           PyStatus_IsExit(s), s.exitcode, s.err_msg ? s.err_msg : "NULL", Py_IsInitialized());
}

static void init_with_args(int argc, wchar_t **argv)
{
    PyConfig c;
    PyConfig_InitPythonConfig(&c);
    PyConfig_SetArgv(&c, argc, argv);
    PyStatus s = Py_InitializeFromConfig(&c);
    PyConfig_Clear(&c);
    show_status("Py_InitializeFromConfig", s);
    if (Py_IsInitialized()) Py_FinalizeEx();
}
static void init_version(void)
{
    wchar_t *argv[] = {L"prog", L"--version"};
    init_with_args(2, argv);
}
static void init_bad_option(void)
{
    wchar_t *argv[] = {L"prog", L"-c"};
    init_with_args(2, argv);
}
static void init_bad_hash_seed(void)
{
    setenv("PYTHONHASHSEED", "nope", 1);
    init_with_args(0, NULL);
}
static void init_good(void)
{
    unsetenv("PYTHONHASHSEED");
    wchar_t *argv[] = {L"prog", L"-c", L"pass", L"x"};
    init_with_args(4, argv);
}

int main(void)
{
    run_child("Py_ExitStatusException(PyStatus_Exit(7))", exit_status);
    run_child("Py_ExitStatusException(PyStatus_Exit(0))", exit_status_zero);
    run_child("Py_ExitStatusException(PyStatus_Error(...))", error_status);
    run_child("Py_ExitStatusException(PyStatus_Ok())", ok_status);
    run_child("Py_Exit(3) when initialized", py_exit_initialized);
    run_child("Py_Exit(5) when not initialized", py_exit_not_initialized);
    run_child("Py_InitializeFromConfig with --version", init_version);
    run_child("Py_InitializeFromConfig with -c and no command", init_bad_option);
    run_child("Py_InitializeFromConfig with a bad PYTHONHASHSEED", init_bad_hash_seed);
    run_child("Py_InitializeFromConfig with -c pass x", init_good);
    return 0;
}
