/* Slot wrappers of a static C type with sequence, mapping, number, iterator and descriptor
 * slots: which special methods its dict gets (mapping rows before sequence rows, __hash__ =
 * None for PyObject_HashNotImplemented), and calling them through the method-wrappers with
 * CPython's argument handling (negative sequence indices, __index__ counts, __pow__'s
 * optional modulus, StopIteration from __next__, __get__(None, None), __set__/__delete__).
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static int counter;

static Py_ssize_t seq_length(PyObject *self) { (void)self; return 5; }
static PyObject *seq_item(PyObject *self, Py_ssize_t i)
{
    (void)self;
    if (i >= 5) {
        PyErr_SetString(PyExc_IndexError, "seq index out of range");
        return NULL;
    }
    return PyLong_FromSsize_t(i * 10);
}
static int seq_ass_item(PyObject *self, Py_ssize_t i, PyObject *v)
{
    (void)self;
    printf("  sq_ass_item(%zd, %s)\n", i, v ? Py_TYPE(v)->tp_name : "NULL");
    return 0;
}
static PyObject *seq_repeat(PyObject *self, Py_ssize_t n)
{
    (void)self;
    return PyLong_FromSsize_t(n * 100);
}
static int seq_contains(PyObject *self, PyObject *v)
{
    (void)self;
    return v == Py_None;
}
static PyObject *iter_next(PyObject *self)
{
    (void)self;
    if (counter >= 2)
        return NULL;
    return PyLong_FromLong(counter++);
}
static PyObject *num_power(PyObject *a, PyObject *b, PyObject *c)
{
    printf("  nb_power(%s, %s, %s)\n", Py_TYPE(a)->tp_name, Py_TYPE(b)->tp_name, Py_TYPE(c)->tp_name);
    return PyLong_FromLong(8);
}
static int num_bool(PyObject *self) { (void)self; return 0; }
static PyObject *num_index(PyObject *self) { (void)self; return PyLong_FromLong(3); }
static PyObject *descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    (void)self;
    printf("  tp_descr_get(obj=%s, type=%s)\n", obj ? Py_TYPE(obj)->tp_name : "NULL",
           type ? ((PyTypeObject *)type)->tp_name : "NULL");
    return PyLong_FromLong(1);
}
static int descr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    (void)self;
    printf("  tp_descr_set(obj=%s, value=%s)\n", Py_TYPE(obj)->tp_name, value ? Py_TYPE(value)->tp_name : "NULL");
    return 0;
}
static int obj_init(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    printf("  tp_init(%zd args, kw %s)\n", PyTuple_GET_SIZE(args), kw ? "dict" : "NULL");
    return 0;
}
static void obj_finalize(PyObject *self) { (void)self; printf("  tp_finalize\n"); }

static PySequenceMethods seq_methods = {
    .sq_length = seq_length, .sq_item = seq_item, .sq_ass_item = seq_ass_item, .sq_repeat = seq_repeat,
    .sq_contains = seq_contains,
};
static PyNumberMethods num_methods = {.nb_power = num_power, .nb_bool = num_bool, .nb_index = num_index,
                                      .nb_inplace_power = num_power};

static PyTypeObject Seq_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "attrtest.Seq",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_sequence = &seq_methods,
    .tp_as_number = &num_methods,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = iter_next,
    .tp_descr_get = descr_get,
    .tp_descr_set = descr_set,
    .tp_init = obj_init,
    .tp_finalize = obj_finalize,
    .tp_new = PyType_GenericNew,
};

static PyObject *map_subscript(PyObject *self, PyObject *key)
{
    (void)self;
    Py_INCREF(key);
    return key;
}
static Py_ssize_t map_length(PyObject *self) { (void)self; return 2; }
static PyMappingMethods map_methods = {.mp_length = map_length, .mp_subscript = map_subscript};

static PyTypeObject Both_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "attrtest.Both",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_sequence = &seq_methods,
    .tp_as_mapping = &map_methods,
};

static PyObject *call0(PyObject *o, const char *name)
{
    PyObject *m = PyObject_GetAttrString(o, name);
    if (!m)
        return NULL;
    PyObject *r = PyObject_CallNoArgs(m);
    Py_DECREF(m);
    return r;
}

static PyObject *calln(PyObject *o, const char *name, PyObject **args, size_t n)
{
    PyObject *m = PyObject_GetAttrString(o, name);
    if (!m)
        return NULL;
    PyObject *r = PyObject_Vectorcall(m, args, n, NULL);
    Py_DECREF(m);
    return r;
}

static void has(PyTypeObject *tp, const char *name)
{
    PyObject *n = PyUnicode_FromString(name);
    PyObject *v = _PyType_Lookup(tp, n);
    printf("  %s.%s: %s\n", tp->tp_name, name, v ? Py_TYPE(v)->tp_name : "missing");
    if (v && strcmp(name, "__getitem__") == 0) {
        PyObject *d = PyObject_Repr(v);
        printf("    %s\n", (const char *)PyUnicode_DATA(d));
        Py_DECREF(d);
    }
    Py_DECREF(n);
}

int main(void)
{
    Py_Initialize();
    if (PyType_Ready(&Seq_Type) < 0 || PyType_Ready(&Both_Type) < 0) {
        print_error("ready");
        return 1;
    }
    printf("== dict contents\n");
    const char *names[] = {"__len__", "__getitem__", "__setitem__", "__delitem__", "__mul__", "__rmul__",
                           "__contains__", "__hash__", "__iter__", "__next__", "__pow__", "__rpow__", "__ipow__",
                           "__bool__", "__index__", "__get__", "__set__", "__delete__", "__init__", "__del__",
                           "__add__", NULL};
    for (const char **n = names; *n; n++)
        has(&Seq_Type, *n);
    has(&Both_Type, "__len__");
    has(&Both_Type, "__getitem__");
    PyObject *nm = PyUnicode_FromString("__hash__");
    printf("Seq.__hash__ is None: %d\n", _PyType_Lookup(&Seq_Type, nm) == Py_None);
    Py_DECREF(nm);

    PyObject *s = PyType_GenericNew(&Seq_Type, NULL, NULL);
    PyObject *b = PyType_GenericNew(&Both_Type, NULL, NULL);
    PyObject *i1 = PyLong_FromLong(1), *im1 = PyLong_FromLong(-1), *im9 = PyLong_FromLong(-9);
    PyObject *i7 = PyLong_FromLong(7), *big = PyLong_FromString("100000000000000000000", NULL, 10);
    PyObject *str = PyUnicode_FromString("k");

    printf("== sequence\n");
    show_masked("s.__len__()", call0(s, "__len__"));
    show_masked("s.__len__(1)", calln(s, "__len__", &i1, 1));
    show_masked("s.__getitem__(1)", calln(s, "__getitem__", &i1, 1));
    show_masked("s.__getitem__(-1)", calln(s, "__getitem__", &im1, 1));
    show_masked("s.__getitem__(-9)", calln(s, "__getitem__", &im9, 1));
    show_masked("s.__getitem__(7)", calln(s, "__getitem__", &i7, 1));
    show_masked("s.__getitem__('k')", calln(s, "__getitem__", &str, 1));
    show_masked("s.__getitem__(big)", calln(s, "__getitem__", &big, 1));
    show_masked("s.__getitem__(s) (__index__)", calln(s, "__getitem__", &s, 1));
    show_masked("s.__setitem__(-1, 'k')", calln(s, "__setitem__", (PyObject *[]){im1, str}, 2));
    show_masked("s.__setitem__(1)", calln(s, "__setitem__", &i1, 1));
    show_masked("s.__delitem__(-2)", calln(s, "__delitem__", (PyObject *[]){PyLong_FromLong(-2)}, 1));
    show_masked("s.__mul__(7)", calln(s, "__mul__", &i7, 1));
    show_masked("s.__rmul__(-1)", calln(s, "__rmul__", &im1, 1));
    show_masked("s.__mul__('k')", calln(s, "__mul__", &str, 1));
    show_masked("s.__mul__(big)", calln(s, "__mul__", &big, 1));
    show_masked("s.__contains__(None)", calln(s, "__contains__", (PyObject *[]){Py_None}, 1));
    show_masked("s.__contains__(1)", calln(s, "__contains__", &i1, 1));
    show_masked("b.__len__() (mapping)", call0(b, "__len__"));
    show_masked("b.__getitem__('k') (mapping)", calln(b, "__getitem__", &str, 1));

    printf("== hash, iteration, numbers\n");
    show_masked("s.__hash__", PyObject_GetAttrString(s, "__hash__"));
    printf("hash(s): %zd\n", (Py_ssize_t)PyObject_Hash(s));
    print_error("  error");
    show_masked("s.__iter__() is s", PyBool_FromLong(call0(s, "__iter__") == s));
    Py_DECREF(s);
    show_masked("s.__next__()", call0(s, "__next__"));
    show_masked("s.__next__()", call0(s, "__next__"));
    show_masked("s.__next__() exhausted", call0(s, "__next__"));
    show_masked("s.__pow__(1)", calln(s, "__pow__", &i1, 1));
    show_masked("s.__pow__(1, 7)", calln(s, "__pow__", (PyObject *[]){i1, i7}, 2));
    show_masked("s.__rpow__(1)", calln(s, "__rpow__", &i1, 1));
    show_masked("s.__pow__()", call0(s, "__pow__"));
    show_masked("s.__pow__(1, 2, 3)", calln(s, "__pow__", (PyObject *[]){i1, i1, i1}, 3));
    show_masked("s.__ipow__(1)", calln(s, "__ipow__", &i1, 1));
    show_masked("s.__bool__()", call0(s, "__bool__"));
    show_masked("s.__index__()", call0(s, "__index__"));

    printf("== descriptor and lifecycle slots\n");
    show_masked("s.__get__(None, str)", calln(s, "__get__", (PyObject *[]){Py_None, (PyObject *)&PyUnicode_Type}, 2));
    show_masked("s.__get__(1)", calln(s, "__get__", &i1, 1));
    show_masked("s.__get__(None, None)", calln(s, "__get__", (PyObject *[]){Py_None, Py_None}, 2));
    show_masked("s.__get__(None)", calln(s, "__get__", (PyObject *[]){Py_None}, 1));
    show_masked("s.__set__(1, 'k')", calln(s, "__set__", (PyObject *[]){i1, str}, 2));
    show_masked("s.__set__(1)", calln(s, "__set__", &i1, 1));
    show_masked("s.__delete__(1)", calln(s, "__delete__", &i1, 1));
    show_masked("s.__init__(1, 7)", calln(s, "__init__", (PyObject *[]){i1, i7}, 2));
    show_masked("s.__del__()", call0(s, "__del__"));

    Py_DECREF(s);
    Py_DECREF(b);
    Py_DECREF(i1);
    Py_DECREF(im1);
    Py_DECREF(im9);
    Py_DECREF(i7);
    Py_DECREF(big);
    Py_DECREF(str);
    Py_FinalizeEx();
    printf("done\n");
    return 0;
}
