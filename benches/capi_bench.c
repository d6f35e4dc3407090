/* C-API micro-benchmarks. Built against ferropy and against CPython 3.11 by
 * tools/run_bench.py, which runs both in the same run and prints the ratios.
 * Each benchmark prints "NAME NS_PER_OP". Add one per API as the API grows. */
#include <Python.h>
#include <stdio.h>
#include <time.h>

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* A static object whose refcount never reaches zero: refcounting without allocation. */
static PyTypeObject bench_type = {PyVarObject_HEAD_INIT(NULL, 0) "bench", sizeof(PyObject)};
static PyObject bench_obj;

#define ITERATIONS 20000000L
#define BENCH(name, body) do { \
        double t0 = now_ns(); \
        for (long i = 0; i < ITERATIONS; i++) { body; } \
        double t1 = now_ns(); \
        printf("%s %.3f\n", name, (t1 - t0) / ITERATIONS); \
    } while (0)

/* Keeps the compiler from folding a loop of pure calls away. */
static volatile const char *sink;

int main(void)
{
    Py_SET_TYPE(&bench_obj, &bench_type);
    Py_SET_REFCNT(&bench_obj, 1);
    BENCH("Py_IncRef+Py_DecRef", (Py_IncRef(&bench_obj), Py_DecRef(&bench_obj)));
    BENCH("Py_GetVersion", sink = Py_GetVersion());

    /* The GIL, uncontended: what Py_BEGIN/END_ALLOW_THREADS and PyGILState_Ensure cost a
     * thread that is alone. */
    Py_Initialize();
    BENCH("PyEval_SaveThread+RestoreThread", PyEval_RestoreThread(PyEval_SaveThread()));
    BENCH("PyGILState_Ensure+Release(held)", PyGILState_Release(PyGILState_Ensure()));
    PyThreadState *main_ts = PyEval_SaveThread();
    BENCH("PyGILState_Ensure+Release(released)", PyGILState_Release(PyGILState_Ensure()));
    PyEval_RestoreThread(main_ts);
    Py_FinalizeEx();
    return Py_REFCNT(&bench_obj) == 1 ? 0 : 1;
}
