/* A thread that asks for the GIL after Py_FinalizeEx exits (PyThread_exit_thread) instead
 * of running with a thread state that finalization has deleted, as CPython's daemon
 * threads do; the main thread joins it and initializes again.
 * (A thread already waiting for the GIL when finalization starts is not tested: in CPython
 * it may be handed the GIL while finalization still runs Python code, a race by design.) */
#include <Python.h>
#include <pthread.h>
#include <unistd.h>

static PyThreadState *late_ts;
static volatile int late_go, late_got_gil;

static void *late(void *arg)
{
    (void)arg;
    while (!__atomic_load_n(&late_go, __ATOMIC_SEQ_CST))
        usleep(1000);
    PyEval_RestoreThread(late_ts);     /* after finalization: the thread ends here */
    late_got_gil = 1;
    return NULL;
}

int main(void)
{
    Py_Initialize();
    late_ts = PyThreadState_New(PyInterpreterState_Main());
    pthread_t t;
    pthread_create(&t, NULL, late, NULL);
    printf("finalize: %d\n", Py_FinalizeEx());
    __atomic_store_n(&late_go, 1, __ATOMIC_SEQ_CST);
    pthread_join(t, NULL);
    printf("late thread got the GIL: %d\n", late_got_gil);
    Py_Initialize();
    printf("initialized again, own state current: %d\n", PyGILState_GetThisThreadState() == PyThreadState_Get());
    printf("finalize: %d\n", Py_FinalizeEx());
    return 0;
}
