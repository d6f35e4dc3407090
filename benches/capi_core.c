/* C-API micro-benchmarks of the object core's memory layer and the runtime's GIL. */
#include <Python.h>
#include "bench.h"

/* A static object whose refcount never reaches zero: refcounting without allocation. */
static PyTypeObject bench_type = {PyVarObject_HEAD_INIT(NULL, 0) "bench", sizeof(PyObject)};
static PyObject bench_obj;

/* A GC type for the GC allocation benchmarks. */
static int gc_traverse(PyObject *op, visitproc visit, void *arg) { return 0; }
static PyTypeObject bench_gc_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bench_gc",
    .tp_basicsize = sizeof(PyObject) + 16,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gc_traverse,
};

int main(void)
{
    Py_SET_TYPE(&bench_obj, &bench_type);
    Py_SET_REFCNT(&bench_obj, 1);
    BENCH("Py_IncRef+Py_DecRef", (Py_IncRef(&bench_obj), Py_DecRef(&bench_obj)));
    BENCH("PyObject_Malloc(32)+Free", (psink = PyObject_Malloc(32), PyObject_Free(psink)));
    BENCH("PyObject_Malloc(1000)+Free", (psink = PyObject_Malloc(1000), PyObject_Free(psink)));
    BENCH("PyMem_Malloc(32)+Free", (psink = PyMem_Malloc(32), PyMem_Free(psink)));
    BENCH("PyMem_RawMalloc(32)+Free", (psink = PyMem_RawMalloc(32), PyMem_RawFree(psink)));
    BENCH("PyObject_Realloc(16->200)+Free",
          (psink = PyObject_Malloc(16), psink = PyObject_Realloc(psink, 200), PyObject_Free(psink)));
    BENCH("PyObject_New+Free", (psink = PyObject_New(PyObject, &bench_type), PyObject_Free(psink)));
    {
        /* 100 live blocks at a time: allocation patterns are rarely strictly LIFO. */
        void *live[100] = {0};
        BENCH("PyObject_Malloc(48)+Free_ring100", (PyObject_Free(live[i % 100]),
                                                  live[i % 100] = PyObject_Malloc(48)));
        for (int k = 0; k < 100; k++)
            PyObject_Free(live[k]);
    }
    /* The GC family needs an initialized interpreter (CPython's GC state lives in it). */
    Py_Initialize();
    BENCH("PyObject_GC_New+Track+UnTrack+Del",
          (psink = PyObject_GC_New(PyObject, &bench_gc_type), PyObject_GC_Track(psink),
           PyObject_GC_UnTrack(psink), PyObject_GC_Del(psink)));

    /* The GIL, uncontended: what Py_BEGIN/END_ALLOW_THREADS and PyGILState_Ensure cost a
     * thread that is alone (the interpreter was initialized above). */
    BENCH("PyEval_SaveThread+RestoreThread", PyEval_RestoreThread(PyEval_SaveThread()));
    BENCH("PyGILState_Ensure+Release(held)", PyGILState_Release(PyGILState_Ensure()));
    PyThreadState *main_ts = PyEval_SaveThread();
    BENCH("PyGILState_Ensure+Release(released)", PyGILState_Release(PyGILState_Ensure()));
    PyEval_RestoreThread(main_ts);
    Py_FinalizeEx();
    return Py_REFCNT(&bench_obj) == 1 ? 0 : 1;
}
