/* C-API micro-benchmarks of heap types and modules: making a type from a spec, instances of
 * heap types (allocation, subtype_dealloc releasing the type), and the module-state lookups
 * that methods of heap types do on every call. */
#include <Python.h>
#include "bench.h"

typedef struct {
    PyObject_HEAD
    long value;
} Obj;

static PyType_Slot plain_slots[] = {{0, NULL}};
static PyType_Spec plain_spec = {"bench.Plain", sizeof(Obj), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, plain_slots};

static int traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(op));
    return 0;
}
static PyType_Slot gc_slots[] = {{Py_tp_traverse, traverse}, {0, NULL}};
static PyType_Spec gc_spec = {"bench.Gc", sizeof(Obj), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, gc_slots};

static PyModuleDef def = {PyModuleDef_HEAD_INIT, "bench", NULL, sizeof(long)};

int main(void)
{
    Py_Initialize();
    PyObject *m = PyModule_Create(&def);
    PyObject *plain = PyType_FromModuleAndSpec(m, &plain_spec, NULL);
    PyObject *gc = PyType_FromSpec(&gc_spec);
    PyTypeObject *pt = (PyTypeObject *)plain, *gt = (PyTypeObject *)gc;
    PyType_Spec sub_spec = {"bench.Sub", 0, 0, Py_TPFLAGS_DEFAULT, plain_slots};
    PyObject *sub = PyType_FromSpecWithBases(&sub_spec, plain);
    BENCH("heap instance alloc+dealloc", (psink = pt->tp_alloc(pt, 0), Py_DECREF((PyObject *)psink)));
    BENCH("heap GC instance alloc+dealloc", (psink = gt->tp_alloc(gt, 0), Py_DECREF((PyObject *)psink)));
    BENCH("PyModule_GetState", psink = PyModule_GetState(m));
    BENCH("PyType_GetModuleState", psink = PyType_GetModuleState(pt));
    BENCH("PyType_GetModuleByDef(subclass)", psink = PyType_GetModuleByDef((PyTypeObject *)sub, &def));
    BENCH_N("PyType_FromSpec+clear+dealloc", 200000, {
        PyObject *t = PyType_FromSpec(&plain_spec);
        Py_TYPE(t)->tp_clear(t);
        Py_DECREF(t);
    });
    Py_DECREF(sub);
    Py_DECREF(gc);
    Py_DECREF(plain);
    Py_DECREF(m);
    Py_Finalize();
    return 0;
}
