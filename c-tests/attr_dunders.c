/* Special methods set on a heap type at run time fill its C slots (and its subclasses'):
 * __add__/__radd__ with CPython's operand order, __repr__, __len__, __getitem__, __eq__,
 * __hash__ = None, __call__, __bool__, __iter__/__next__, __get__; deleting one clears the
 * slot again. The heap types are made by hand (a zeroed PyHeapTypeObject, readied), and the
 * dunders are method descriptors of a static base type.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

static PyObject *tag(const char *fn, PyObject *self, PyObject *arg)
{
    printf("  Base.%s(%s%s%s)\n", fn, Py_TYPE(self)->tp_name, arg ? ", " : "", arg ? Py_TYPE(arg)->tp_name : "");
    return PyUnicode_FromString(fn);
}

static PyObject *b_add(PyObject *self, PyObject *o) { return tag("add", self, o); }
static PyObject *b_radd(PyObject *self, PyObject *o) { return tag("radd", self, o); }
static PyObject *b_notimpl(PyObject *self, PyObject *o)
{
    (void)tag("notimpl", self, o);
    Py_RETURN_NOTIMPLEMENTED;
}
static PyObject *b_repr(PyObject *self, PyObject *u) { (void)u; (void)tag("repr", self, NULL); return PyUnicode_FromString("<heap repr>"); }
static PyObject *b_len(PyObject *self, PyObject *u) { (void)u; (void)tag("len", self, NULL); return PyLong_FromLong(3); }
static PyObject *b_neglen(PyObject *self, PyObject *u) { (void)u; (void)self; return PyLong_FromLong(-1); }
static PyObject *b_getitem(PyObject *self, PyObject *k) { return tag("getitem", self, k); }
static PyObject *b_eq(PyObject *self, PyObject *o) { (void)tag("eq", self, o); Py_RETURN_TRUE; }
static PyObject *b_call(PyObject *self, PyObject *args, PyObject *kw)
{
    printf("  Base.call(%s, %zd args, kw %s)\n", Py_TYPE(self)->tp_name, PyTuple_GET_SIZE(args), kw ? "dict" : "NULL");
    return PyUnicode_FromString("called");
}
static PyObject *b_bool(PyObject *self, PyObject *u) { (void)u; (void)tag("bool", self, NULL); Py_RETURN_FALSE; }
static PyObject *b_badbool(PyObject *self, PyObject *u) { (void)u; (void)self; return PyLong_FromLong(1); }
static PyObject *b_hash(PyObject *self, PyObject *u) { (void)u; (void)tag("hash", self, NULL); return PyLong_FromLong(12345); }
static PyObject *b_iter(PyObject *self, PyObject *u) { (void)u; (void)tag("iter", self, NULL); return Py_NewRef(self); }
static PyObject *b_next(PyObject *self, PyObject *u)
{
    (void)u;
    (void)tag("next", self, NULL);
    PyErr_SetNone(PyExc_StopIteration);
    return NULL;
}
static PyObject *b_get(PyObject *self, PyObject *const *args, Py_ssize_t n)
{
    printf("  Base.get(%s, %zd args: %s, %s)\n", Py_TYPE(self)->tp_name, n, n > 0 ? Py_TYPE(args[0])->tp_name : "-",
           n > 1 ? Py_TYPE(args[1])->tp_name : "-");
    return PyUnicode_FromString("got");
}
static PyObject *b_init(PyObject *self, PyObject *args, PyObject *kw)
{
    printf("  Base.init(%s, %zd args, kw %s)\n", Py_TYPE(self)->tp_name, PyTuple_GET_SIZE(args), kw ? "dict" : "NULL");
    Py_RETURN_NONE;
}
static PyObject *b_badinit(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    (void)args;
    (void)kw;
    return PyLong_FromLong(1);
}

#define FN(f) ((PyCFunction)(void (*)(void))(f))
static PyMethodDef base_methods[] = {
    {"add", b_add, METH_O, NULL},
    {"radd", b_radd, METH_O, NULL},
    {"notimpl", b_notimpl, METH_O, NULL},
    {"repr", b_repr, METH_NOARGS, NULL},
    {"len", b_len, METH_NOARGS, NULL},
    {"neglen", b_neglen, METH_NOARGS, NULL},
    {"getitem", b_getitem, METH_O, NULL},
    {"eq", b_eq, METH_O, NULL},
    {"call", FN(b_call), METH_VARARGS | METH_KEYWORDS, NULL},
    {"bool", b_bool, METH_NOARGS, NULL},
    {"badbool", b_badbool, METH_NOARGS, NULL},
    {"hash", b_hash, METH_NOARGS, NULL},
    {"iter", b_iter, METH_NOARGS, NULL},
    {"next", b_next, METH_NOARGS, NULL},
    {"get", FN(b_get), METH_FASTCALL, NULL},
    {"init", FN(b_init), METH_VARARGS | METH_KEYWORDS, NULL},
    {"badinit", FN(b_badinit), METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL}
};

static PyTypeObject Base_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "attrtest.Base",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = base_methods,
    .tp_new = PyType_GenericNew,
};

/* A heap type made by hand: zeroed (room for a GC header before it), suites inline. */
static PyTypeObject *heap_type(const char *name, PyTypeObject *base)
{
    char *block = calloc(1, 16 + sizeof(PyHeapTypeObject));
    PyHeapTypeObject *ht = (PyHeapTypeObject *)(block + 16);
    PyTypeObject *tp = &ht->ht_type;
    Py_SET_REFCNT(tp, 1);
    Py_SET_TYPE(tp, &PyType_Type);
    tp->tp_name = name;
    tp->tp_basicsize = sizeof(PyObject);
    tp->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE;
    tp->tp_as_async = &ht->as_async;
    tp->tp_as_number = &ht->as_number;
    tp->tp_as_mapping = &ht->as_mapping;
    tp->tp_as_sequence = &ht->as_sequence;
    tp->tp_as_buffer = &ht->as_buffer;
    tp->tp_base = base;
    ht->ht_name = PyUnicode_FromString(name);
    ht->ht_qualname = PyUnicode_FromString(name);
    Py_INCREF(base);
    if (PyType_Ready(tp) < 0) {
        print_error("ready");
        exit(1);
    }
    return tp;
}

static PyObject *method(const char *name)
{
    PyObject *n = PyUnicode_FromString(name);
    PyObject *m = _PyType_Lookup(&Base_Type, n);
    Py_DECREF(n);
    return m;
}

static void set(PyTypeObject *tp, const char *dunder, PyObject *value)
{
    if (PyObject_SetAttrString((PyObject *)tp, dunder, value) < 0)
        print_error(dunder);
    else
        printf("%s.%s = %s\n", tp->tp_name, dunder, value ? Py_TYPE(value)->tp_name : "(deleted)");
}

int main(void)
{
    Py_Initialize();
    if (PyType_Ready(&Base_Type) < 0)
        return 1;
    PyTypeObject *H = heap_type("Heap", &Base_Type);
    PyTypeObject *S = heap_type("SubHeap", H);
    PyObject *h = PyType_GenericNew(H, NULL, NULL);
    PyObject *sh = PyType_GenericNew(S, NULL, NULL);
    PyObject *one = PyLong_FromLong(1);

    printf("== binary operators\n");
    show_masked("h + 1 (nothing)", PyNumber_Add(h, one));
    set(H, "__add__", method("add"));
    show_masked("h + 1", PyNumber_Add(h, one));
    show_masked("sh + 1 (subclass)", PyNumber_Add(sh, one));
    show_masked("1 + h (no __radd__)", PyNumber_Add(one, h));
    set(H, "__radd__", method("radd"));
    show_masked("1 + h", PyNumber_Add(one, h));
    show_masked("h + sh (subclass on the right first)", PyNumber_Add(h, sh));
    show_masked("h + h", PyNumber_Add(h, h));
    set(S, "__radd__", method("notimpl"));
    show_masked("h + sh (subclass radd NotImplemented)", PyNumber_Add(h, sh));
    set(H, "__add__", NULL);
    show_masked("h + 1 (deleted)", PyNumber_Add(h, one));
    show_masked("1 + h (radd stays)", PyNumber_Add(one, h));

    printf("== repr, len, getitem, call, bool\n");
    show_masked("repr(h) (inherited)", PyObject_Repr(h));
    set(H, "__repr__", method("repr"));
    show_masked("repr(h)", PyObject_Repr(h));
    show_masked("repr(sh)", PyObject_Repr(sh));
    printf("len(h) before: %zd\n", PyObject_Size(h));
    print_error("  error");
    set(H, "__len__", method("len"));
    printf("len(h): %zd\n", PyObject_Size(h));
    printf("bool(h) via __len__: %d\n", PyObject_IsTrue(h));
    set(S, "__len__", method("neglen"));
    printf("len(sh) negative: %zd\n", PyObject_Size(sh));
    print_error("  error");
    set(H, "__getitem__", method("getitem"));
    show_masked("h[1]", PyObject_GetItem(h, one));
    show_masked("h() before", PyObject_CallNoArgs(h));
    set(H, "__call__", method("call"));
    show_masked("h(1)", PyObject_CallOneArg(h, one));
    set(H, "__bool__", method("bool"));
    printf("bool(h): %d\n", PyObject_IsTrue(h));
    set(H, "__bool__", method("badbool"));
    printf("bool(h) bad: %d\n", PyObject_IsTrue(h));
    print_error("  error");

    printf("== comparison and hash\n");
    show_masked("h == 1 (identity)", PyObject_RichCompare(h, one, Py_EQ));
    set(H, "__eq__", method("eq"));
    show_masked("h == 1", PyObject_RichCompare(h, one, Py_EQ));
    show_masked("h != 1", PyObject_RichCompare(h, one, Py_NE));
    show_masked("h < 1", PyObject_RichCompare(h, one, Py_LT));
    set(H, "__hash__", Py_None);
    printf("hash(h): %zd\n", (Py_ssize_t)PyObject_Hash(h));
    print_error("  error");
    set(H, "__hash__", method("hash"));
    printf("hash(h): %zd\n", (Py_ssize_t)PyObject_Hash(h));

    printf("== iteration, descriptors, init\n");
    set(H, "__iter__", method("iter"));
    set(H, "__next__", method("next"));
    PyObject *it = PyObject_GetIter(h);
    printf("iter(h) is h: %d\n", it == h);
    show_masked("next(h)", PyIter_Next(it));
    Py_XDECREF(it);
    set(H, "__get__", method("get"));
    show_masked("H.__get__ slot(h, 1, type)", Py_TYPE(h)->tp_descr_get(h, one, (PyObject *)&PyLong_Type));
    show_masked("H.__get__ slot(h, NULL, type)", Py_TYPE(h)->tp_descr_get(h, NULL, (PyObject *)&PyLong_Type));
    set(H, "__init__", method("init"));
    PyObject *args = PyTuple_Pack(1, one);
    printf("tp_init: %d\n", H->tp_init(h, args, NULL));
    set(H, "__init__", method("badinit"));
    printf("tp_init bad: %d\n", H->tp_init(h, args, NULL));
    print_error("  error");
    Py_DECREF(args);

    Py_DECREF(h);
    Py_DECREF(sh);
    Py_DECREF(one);
    printf("done\n");
    return 0;
}
