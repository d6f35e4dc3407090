/* PyErr_NewException / PyErr_NewExceptionWithDoc: the class made (name, module, bases, MRO,
 * doc, flags), instances of it (str/repr/args, printing with the module-qualified name),
 * tuple bases, a dict with its own __module__, and the "module.class" check.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>
#include <unistd.h>
#include "testutil.h"

static void attr(PyObject *o, const char *name)
{
    PyObject *a = PyObject_GetAttrString(o, name);
    printf(" %s=", name);
    put(a);
    Py_XDECREF(a);
}

static void describe(const char *label, PyObject *cls)
{
    printf("%s: ", label);
    if (cls == NULL) { printf("<error "); show_error(); printf(">\n"); return; }
    PyTypeObject *tp = (PyTypeObject *)cls;
    printf("tp_name=%s base=%s heap=%d basetype=%d gc=%d check=%d basicsize=%zd\n ", tp->tp_name,
           tp->tp_base ? tp->tp_base->tp_name : "NULL", !!(tp->tp_flags & Py_TPFLAGS_HEAPTYPE),
           !!(tp->tp_flags & Py_TPFLAGS_BASETYPE), !!(tp->tp_flags & Py_TPFLAGS_HAVE_GC),
           PyExceptionClass_Check(cls), tp->tp_basicsize);
    attr(cls, "__name__");
    attr(cls, "__qualname__");
    attr(cls, "__module__");
    attr(cls, "__doc__");
    printf("\n  mro:");
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(tp->tp_mro); i++)
        printf(" %s", ((PyTypeObject *)PyTuple_GET_ITEM(tp->tp_mro, i))->tp_name);
    printf("\n");
}

int main(void)
{
    dup2(1, 2);
    setvbuf(stdout, NULL, _IONBF, 0);
    Py_Initialize();
    PyObject *err = PyErr_NewException("spam.error", NULL, NULL);
    describe("spam.error", err);
    PyErr_SetString(err, "boom");
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    printf("instance: type %s repr=", Py_TYPE(v)->tp_name);
    put(v);
    attr(v, "args");
    printf(" matches Exception: %d\n", PyErr_GivenExceptionMatches(v, PyExc_Exception));
    PyErr_Restore(t, v, tb);
    PyErr_Print();

    PyObject *bases = PyTuple_Pack(2, PyExc_KeyError, PyExc_OSError);
    PyObject *multi = PyErr_NewException("pkg.sub.Multi", bases, NULL);
    describe("pkg.sub.Multi", multi);
    PyObject *inst = PyObject_CallFunction(multi, "Ns", PyLong_FromLong(2), "not found");
    printf("Multi(2, 'not found'): ");
    put(inst);
    PyObject *s = inst ? PyObject_Str(inst) : NULL;
    printf(" str=");
    put(s);
    printf("\n");
    Py_XDECREF(s);
    Py_XDECREF(inst);

    PyObject *doc = PyErr_NewExceptionWithDoc("mod.Documented", "Some docs.", PyExc_ValueError, NULL);
    describe("mod.Documented", doc);
    PyObject *sub = PyErr_NewExceptionWithDoc("mod.Sub", NULL, doc, NULL);
    describe("mod.Sub", sub);
    PyErr_SetObject(sub, PyLong_FromLong(7));
    PyErr_Print();

    PyObject *d = Py_BuildValue("{s:s}", "__module__", "elsewhere");
    PyObject *own = PyErr_NewException("a.b.Own", PyExc_RuntimeError, d);
    describe("a.b.Own (own __module__)", own);
    Py_DECREF(d);

    describe("no dot", PyErr_NewException("nodot", NULL, NULL));
    describe("no dot WithDoc", PyErr_NewExceptionWithDoc("nodot", "d", NULL, NULL));

    Py_DECREF(err);
    Py_DECREF(bases);
    Py_DECREF(multi);
    Py_DECREF(doc);
    Py_DECREF(sub);
    Py_DECREF(own);
    Py_FinalizeEx();
    printf("done\n");
    return 0;
}
