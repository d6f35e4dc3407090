/* Several pthreads take the GIL with PyGILState_Ensure while the main thread waits in
 * Py_BEGIN_ALLOW_THREADS: no two are ever inside at once, nested Ensure/Release pairs are
 * counted, and each thread's automatic thread state is created and deleted by the pair. */
#include <Python.h>
#include <pthread.h>
#include <sched.h>

#define THREADS 8
#define ROUNDS 300

static volatile int inside;     /* threads between Ensure and Release: must stay 0 or 1 */
static long counter;            /* only touched with the GIL held */
static int overlaps;
static int bad_check, bad_current, bad_counter, bad_nested, bad_after;

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < ROUNDS; i++) {
        if (PyGILState_GetThisThreadState() != NULL)
            bad_after++;
        PyGILState_STATE s = PyGILState_Ensure();
        if (s != PyGILState_UNLOCKED)
            bad_nested++;
        if (__atomic_fetch_add(&inside, 1, __ATOMIC_SEQ_CST) != 0)
            overlaps++;
        PyThreadState *ts = PyGILState_GetThisThreadState();
        if (!PyGILState_Check())
            bad_check++;
        if (ts == NULL || ts != PyThreadState_Get())
            bad_current++;
        if (ts && ts->gilstate_counter != 1)
            bad_counter++;
        long seen = counter;
        sched_yield();            /* invite a race if the GIL did not exclude */
        counter = seen + 1;
        /* A nested pair: the GIL is already held. */
        PyGILState_STATE inner = PyGILState_Ensure();
        if (inner != PyGILState_LOCKED || PyGILState_GetThisThreadState() != ts || ts->gilstate_counter != 2)
            bad_nested++;
        PyGILState_Release(inner);
        if (ts->gilstate_counter != 1 || PyThreadState_Get() != ts)
            bad_nested++;
        __atomic_fetch_sub(&inside, 1, __ATOMIC_SEQ_CST);
        PyGILState_Release(s);
        /* The thread state Ensure made is gone, and the GIL released. */
        if (PyGILState_GetThisThreadState() != NULL || PyGILState_Check())
            bad_after++;
    }
    return NULL;
}

static int count_thread_states(void)
{
    int n = 0;
    for (PyThreadState *t = PyInterpreterState_ThreadHead(PyInterpreterState_Main()); t; t = PyThreadState_Next(t))
        n++;
    return n;
}

int main(void)
{
    pthread_t threads[THREADS];
    Py_Initialize();
    PyThreadState *main_ts = PyThreadState_Get();
    printf("main holds the GIL: %d\n", PyGILState_Check());
    Py_BEGIN_ALLOW_THREADS
    for (int i = 0; i < THREADS; i++)
        pthread_create(&threads[i], NULL, worker, NULL);
    for (int i = 0; i < THREADS; i++)
        pthread_join(threads[i], NULL);
    Py_END_ALLOW_THREADS
    printf("main state restored: %d\n", PyThreadState_Get() == main_ts);
    printf("counter: %ld (expected %d)\n", counter, THREADS * ROUNDS);
    printf("overlaps: %d\n", overlaps);
    printf("bad check/current/counter/nested/after: %d %d %d %d %d\n",
           bad_check, bad_current, bad_counter, bad_nested, bad_after);
    printf("thread states left: %d\n", count_thread_states());

    /* The main thread: Ensure while holding the GIL is LOCKED and counts; while not
     * holding it, UNLOCKED and Release gives the GIL back. */
    PyGILState_STATE a = PyGILState_Ensure();
    printf("ensure holding: %s, counter %d\n", a == PyGILState_LOCKED ? "LOCKED" : "UNLOCKED",
           main_ts->gilstate_counter);
    PyGILState_Release(a);
    printf("after release: counter %d, still current %d\n", main_ts->gilstate_counter,
           PyThreadState_Get() == main_ts);
    PyThreadState *saved = PyEval_SaveThread();
    PyGILState_STATE b = PyGILState_Ensure();
    printf("ensure released: %s, current is main %d, counter %d\n",
           b == PyGILState_LOCKED ? "LOCKED" : "UNLOCKED",
           _PyThreadState_UncheckedGet() == main_ts, main_ts->gilstate_counter);
    PyGILState_Release(b);
    printf("after release: current %s, check %d\n",
           _PyThreadState_UncheckedGet() ? "set" : "NULL", PyGILState_Check());
    PyEval_RestoreThread(saved);
    printf("finalize: %d\n", Py_FinalizeEx());
    return 0;
}
