/* Signals: PyOS_setsig/PyOS_getsig, the SIGINT handler that initialization installs,
 * PyErr_SetInterrupt(Ex) -> PyErr_CheckSignals -> KeyboardInterrupt, a real SIGINT,
 * PyOS_InterruptOccurred, and what Py_InitializeEx(0) and finalization change. */
#include <Python.h>
#include <signal.h>
#include <pthread.h>

static void show_error(const char *what, int r)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    printf("%s: %d, exception: %s\n", what, r, t ? ((PyTypeObject *)t)->tp_name : "none");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

static const char *describe(PyOS_sighandler_t h)
{
    if (h == SIG_DFL) return "SIG_DFL";
    if (h == SIG_IGN) return "SIG_IGN";
    if (h == SIG_ERR) return "SIG_ERR";
    return "a handler";
}

static int hits;
static void my_handler(int sig) { (void)sig; hits++; }

static void *set_interrupt_in_thread(void *arg)
{
    (void)arg;
    PyErr_SetInterrupt();
    return NULL;
}

static int thread_check = 99, thread_is_main = 99, thread_occurred = 99;
static void *check_in_thread(void *arg)
{
    (void)arg;
    PyGILState_STATE g = PyGILState_Ensure();
    PyErr_SetInterrupt();
    thread_check = PyErr_CheckSignals();
    thread_occurred = PyOS_InterruptOccurred();
    thread_is_main = _PyOS_IsMainThread();
    PyGILState_Release(g);
    return NULL;
}

int main(void)
{
    printf("before init: SIGINT %s, SIGPIPE %s\n", describe(PyOS_getsig(SIGINT)), describe(PyOS_getsig(SIGPIPE)));
    printf("getsig(0): %s, getsig(1000): %s\n", describe(PyOS_getsig(0)), describe(PyOS_getsig(1000)));
    PyOS_sighandler_t old = PyOS_setsig(SIGUSR1, my_handler);
    printf("setsig(SIGUSR1) returned %s, now %s\n", describe(old), PyOS_getsig(SIGUSR1) == my_handler ? "my_handler" : "other");
    raise(SIGUSR1);
    printf("my_handler hits: %d\n", hits);
    old = PyOS_setsig(SIGUSR1, SIG_DFL);
    printf("restored: previous was my_handler: %d, now %s\n", old == my_handler, describe(PyOS_getsig(SIGUSR1)));
    printf("setsig(SIGKILL): %s\n", describe(PyOS_setsig(SIGKILL, SIG_IGN)));

    Py_Initialize();
    printf("after init: SIGINT %s, SIGPIPE %s, SIGXFSZ %s\n", describe(PyOS_getsig(SIGINT)),
           describe(PyOS_getsig(SIGPIPE)), describe(PyOS_getsig(SIGXFSZ)));
    printf("check with nothing pending: %d\n", PyErr_CheckSignals());
    printf("interrupt occurred (none): %d\n", PyOS_InterruptOccurred());

    PyErr_SetInterrupt();
    show_error("after PyErr_SetInterrupt, PyErr_CheckSignals", PyErr_CheckSignals());
    show_error("second check", PyErr_CheckSignals());

    printf("SetInterruptEx(0): %d\n", PyErr_SetInterruptEx(0));
    printf("SetInterruptEx(-1): %d\n", PyErr_SetInterruptEx(-1));
    printf("SetInterruptEx(NSIG): %d\n", PyErr_SetInterruptEx(NSIG));
    printf("SetInterruptEx(100000): %d\n", PyErr_SetInterruptEx(100000));
    printf("SetInterruptEx(SIGUSR1) (SIG_DFL): %d\n", PyErr_SetInterruptEx(SIGUSR1));
    show_error("check after SIGUSR1", PyErr_CheckSignals());
    printf("SetInterruptEx(SIGPIPE) (SIG_IGN): %d\n", PyErr_SetInterruptEx(SIGPIPE));
    show_error("check after SIGPIPE", PyErr_CheckSignals());
    printf("SetInterruptEx(SIGINT): %d\n", PyErr_SetInterruptEx(SIGINT));
    show_error("check after SetInterruptEx(SIGINT)", PyErr_CheckSignals());

    /* A real SIGINT goes through the installed C handler. */
    raise(SIGINT);
    show_error("check after raise(SIGINT)", PyErr_CheckSignals());

    /* PyOS_InterruptOccurred consumes SIGINT's flag. */
    PyErr_SetInterrupt();
    printf("interrupt occurred: %d\n", PyOS_InterruptOccurred());
    printf("interrupt occurred again: %d\n", PyOS_InterruptOccurred());
    show_error("check after InterruptOccurred", PyErr_CheckSignals());

    /* From another thread (no GIL): handled by the main thread. */
    pthread_t th;
    Py_BEGIN_ALLOW_THREADS
    pthread_create(&th, NULL, set_interrupt_in_thread, NULL);
    pthread_join(th, NULL);
    Py_END_ALLOW_THREADS
    show_error("check after interrupt from a thread", PyErr_CheckSignals());

    /* Only the main thread handles signals. */
    printf("main thread: _PyOS_IsMainThread %d\n", _PyOS_IsMainThread());
    Py_BEGIN_ALLOW_THREADS
    pthread_create(&th, NULL, check_in_thread, NULL);
    pthread_join(th, NULL);
    Py_END_ALLOW_THREADS
    printf("other thread: CheckSignals %d, InterruptOccurred %d, _PyOS_IsMainThread %d\n",
           thread_check, thread_occurred, thread_is_main);
    show_error("main thread handles it", PyErr_CheckSignals());

    /* Py_MakePendingCalls handles signals first. */
    PyErr_SetInterrupt();
    show_error("Py_MakePendingCalls with SIGINT tripped", Py_MakePendingCalls());

    /* A handler installed by C code is kept: SIGINT no longer reaches Python. */
    printf("finalize: %d\n", Py_FinalizeEx());
    printf("after finalize: SIGINT %s, SIGPIPE %s\n", describe(PyOS_getsig(SIGINT)), describe(PyOS_getsig(SIGPIPE)));

    PyOS_setsig(SIGPIPE, SIG_DFL);
    Py_InitializeEx(0);
    printf("InitializeEx(0): SIGINT %s, SIGPIPE %s\n", describe(PyOS_getsig(SIGINT)), describe(PyOS_getsig(SIGPIPE)));
    printf("SetInterruptEx(SIGINT) without handlers: %d\n", PyErr_SetInterruptEx(SIGINT));
    show_error("check", PyErr_CheckSignals());
    Py_FinalizeEx();

    PyOS_setsig(SIGINT, my_handler);
    Py_Initialize();
    printf("init with a C SIGINT handler keeps it: %d\n", PyOS_getsig(SIGINT) == my_handler);
    Py_FinalizeEx();
    printf("after finalize still mine: %d\n", PyOS_getsig(SIGINT) == my_handler);
    return 0;
}
