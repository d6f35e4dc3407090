/* PyOS_InputHook: NULL by default; an installed hook is called by input() while it waits
 * for a line typed at a terminal. The test runs input() in a child whose stdin and stdout
 * are a pseudo-terminal (forkpty), types a line into it, and prints what the child
 * reports through a pipe: the line read and whether the hook ran. Without a terminal
 * (stdin a pipe) the hook is not called. */
#include "testutil.h"
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

static int calls = 0;

static int hook(void)
{
    calls++;
    return 0;
}

/* In the child: input() once, the result and the hook's calls written to `report`. */
static void child(int report)
{
    Py_Initialize();
    PyOS_InputHook = hook;
    PyObject *d = PyModule_GetDict(PyImport_AddModule("__main__"));
    PyObject *r = PyRun_String("input()", Py_eval_input, d, d);
    char text[256];
    int n = snprintf(text, sizeof text, "line=%s hook called=%d\n", r && PyUnicode_Check(r) ? PyUnicode_AsUTF8(r) : "<error>",
                     calls > 0);
    if (write(report, text, (size_t)n) < 0)
        _exit(2);
    Py_XDECREF(r);
    Py_Finalize();
    _exit(0);
}

int main(void)
{
    printf("default hook is NULL: %d\n", PyOS_InputHook == NULL);
    fflush(stdout);
    int pipefd[2];
    if (pipe(pipefd) != 0)
        return 1;
    int master;
    pid_t pid = forkpty(&master, NULL, NULL, NULL);
    if (pid < 0) {
        printf("forkpty failed\n");
        return 1;
    }
    if (pid == 0) {
        close(pipefd[0]);
        child(pipefd[1]);
    }
    close(pipefd[1]);
    const char line[] = "typed text\n";
    if (write(master, line, sizeof line - 1) < 0)
        return 1;
    char buf[512];
    /* Drain the terminal (echo, prompt) until the child is done with it. */
    while (read(master, buf, sizeof buf) > 0) {
    }
    int status;
    waitpid(pid, &status, 0);
    ssize_t n = read(pipefd[0], buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("terminal: %s", buf);

    /* Not a terminal: stdin is a pipe. */
    int in[2];
    if (pipe(in) != 0 || write(in[1], line, sizeof line - 1) < 0)
        return 1;
    close(in[1]);
    dup2(in[0], 0);
    Py_Initialize();
    PyOS_InputHook = hook;
    PyObject *d = PyModule_GetDict(PyImport_AddModule("__main__"));
    PyObject *r = PyRun_String("input()", Py_eval_input, d, d);
    printf("pipe: line=%s hook called=%d\n", r && PyUnicode_Check(r) ? PyUnicode_AsUTF8(r) : "<error>", calls > 0);
    Py_XDECREF(r);
    Py_Finalize();
    return 0;
}
