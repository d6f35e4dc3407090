/* Py_Main and Py_RunMain as an embedding program calls them: the command line `-c CODE
 * args` is parsed (sys.argv as CPython sets it), the code runs, the runtime is finalized,
 * and the exit status comes back: 0 for success, 1 after an uncaught exception (the
 * traceback printed to stderr, here redirected to stdout to compare it). */
#include <Python.h>
#include <unistd.h>
#include <wchar.h>

int main(void)
{
    dup2(1, 2);
    setvbuf(stdout, NULL, _IONBF, 0);
    wchar_t *ok_argv[] = {L"prog", L"-c",
        L"import sys; print(sys.argv); print(sum(range(10)), f'{6*7:>5}'); x = [i*i for i in range(4)]; print(x)",
        L"first", L"--second", NULL};
    int status = Py_Main(5, ok_argv);
    printf("Py_Main returned %d\n", status);

    wchar_t *bad_argv[] = {L"prog", L"-c", L"def f():\n    return 1 / 0\nprint('before')\nf()", NULL};
    status = Py_Main(3, bad_argv);
    printf("Py_Main returned %d\n", status);

    wchar_t *exit_argv[] = {L"prog", L"-c", L"import sys; sys.stdout.write('exiting\\n'); sys.exit(0)", NULL};
    status = Py_Main(3, exit_argv);
    printf("not reached: sys.exit(0) ends the process (%d)\n", status);
    return 0;
}
