/* A thread waiting for the GIL gets it while another thread holds it and only offers it
 * back now and then through PyEval_SaveThread/PyEval_RestoreThread: the forced hand-off
 * (the waiter asks after the switch interval, the holder waits until it has switched)
 * keeps the holder from taking the GIL straight back. No timing is asserted: the holder
 * loops until the waiter got in, and the test would hang (and time out) if it never did. */
#include <Python.h>
#include <pthread.h>

static volatile int waiter_started, waiter_got_it, waiter_done;
static PyInterpreterState *interp;

static void *waiter(void *arg)
{
    (void)arg;
    PyThreadState *ts = PyThreadState_New(interp);
    __atomic_store_n(&waiter_started, 1, __ATOMIC_SEQ_CST);
    PyEval_RestoreThread(ts);          /* blocks while the main thread holds the GIL */
    __atomic_store_n(&waiter_got_it, 1, __ATOMIC_SEQ_CST);
    int current = PyThreadState_Get() == ts;
    PyThreadState_Clear(ts);
    PyThreadState_DeleteCurrent();     /* releases the GIL */
    __atomic_store_n(&waiter_done, current ? 1 : 2, __ATOMIC_SEQ_CST);
    return NULL;
}

/* Busy work that needs the GIL (simulates bytecode). */
static volatile unsigned long sink;
static void work(void)
{
    for (int i = 0; i < 20000; i++)
        sink += (unsigned long)i * 2654435761u;
}

int main(void)
{
    Py_Initialize();
    interp = PyInterpreterState_Main();
    PyThreadState *main_ts = PyThreadState_Get();
    printf("switch interval: %lu us\n", _PyEval_GetSwitchInterval());
    _PyEval_SetSwitchInterval(1000);
    printf("switch interval now: %lu us\n", _PyEval_GetSwitchInterval());

    for (int round = 0; round < 3; round++) {
        waiter_started = waiter_got_it = waiter_done = 0;
        pthread_t t;
        pthread_create(&t, NULL, waiter, NULL);
        while (!__atomic_load_n(&waiter_started, __ATOMIC_SEQ_CST))
            ;
        long offers = 0;
        while (!__atomic_load_n(&waiter_got_it, __ATOMIC_SEQ_CST)) {
            work();
            PyThreadState *saved = PyEval_SaveThread();
            PyEval_RestoreThread(saved);
            offers++;
        }
        /* The main thread is back in: the waiter is no longer inside. */
        printf("round %d: waiter got the GIL, main is current again: %d, offers > 0: %d\n",
               round, PyThreadState_Get() == main_ts, offers > 0);
        Py_BEGIN_ALLOW_THREADS
        pthread_join(t, NULL);
        Py_END_ALLOW_THREADS
        printf("round %d: waiter saw itself current: %d\n", round, waiter_done == 1);
    }
    int n = 0;
    for (PyThreadState *t = PyInterpreterState_ThreadHead(interp); t; t = PyThreadState_Next(t))
        n++;
    printf("thread states left: %d\n", n);
    printf("finalize: %d\n", Py_FinalizeEx());
    return 0;
}
