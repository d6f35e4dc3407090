/* Issue 6's threading proof: 8 native threads, created with pthreads (not by Python), each
 * call PyGILState_Ensure/Release around 100,000 increments of a counter held in a Python
 * dict; the total must be exact. The main thread releases the GIL while it waits. A thread
 * blocked in Py_BEGIN_ALLOW_THREADS (sleeping) must not stop the others. */
// ferropy-test: timeout=300
#include <Python.h>
#include <pthread.h>
#include <unistd.h>

#define THREADS 8
#define INCREMENTS 100000

static PyObject *counters;  /* {"n": int} */

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < INCREMENTS; i++) {
        PyGILState_STATE g = PyGILState_Ensure();
        PyObject *n = PyDict_GetItemString(counters, "n");  /* borrowed */
        PyObject *next = PyLong_FromLong(PyLong_AsLong(n) + 1);
        PyDict_SetItemString(counters, "n", next);
        Py_DECREF(next);
        PyGILState_Release(g);
    }
    return NULL;
}

static void *sleeper(void *arg)
{
    (void)arg;
    PyGILState_STATE g = PyGILState_Ensure();
    Py_BEGIN_ALLOW_THREADS
    usleep(200000);  /* holds no GIL: the workers keep running */
    Py_END_ALLOW_THREADS
    PyGILState_Release(g);
    return NULL;
}

int main(void)
{
    Py_Initialize();
    counters = PyDict_New();
    PyObject *zero = PyLong_FromLong(0);
    PyDict_SetItemString(counters, "n", zero);
    Py_DECREF(zero);

    pthread_t threads[THREADS], blocked;
    PyThreadState *main_state = PyEval_SaveThread();
    pthread_create(&blocked, NULL, sleeper, NULL);
    for (int i = 0; i < THREADS; i++)
        pthread_create(&threads[i], NULL, worker, NULL);
    for (int i = 0; i < THREADS; i++)
        pthread_join(threads[i], NULL);
    pthread_join(blocked, NULL);
    PyEval_RestoreThread(main_state);

    long total = PyLong_AsLong(PyDict_GetItemString(counters, "n"));
    printf("total %ld (expected %d)\n", total, THREADS * INCREMENTS);
    printf("exact: %s\n", total == THREADS * INCREMENTS ? "yes" : "no");
    Py_DECREF(counters);
    return Py_FinalizeEx() == 0 ? 0 : 1;
}
