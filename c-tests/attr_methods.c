/* Methods of a static C type: every METH_* convention through method descriptors (bound and
 * unbound calls, vectorcall), METH_CLASS (classmethod_descriptor), METH_STATIC (staticmethod),
 * METH_COEXIST beside a slot wrapper; descriptor reprs, __name__/__qualname__/__doc__/
 * __text_signature__/__objclass__; slot wrappers (unbound and method-wrapper calls, argument
 * checks), T.__new__ and its safety checks, classmethod/staticmethod objects.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

/* Prints a result without relying on int repr; addresses are hidden. */
static void show(const char *what, PyObject *o)
{
    if (o == NULL) {
        print_error(what);
        return;
    }
    if (o == Py_None)
        printf("%s: None\n", what);
    else if (o == Py_True || o == Py_False)
        printf("%s: %s\n", what, o == Py_True ? "True" : "False");
    else if (PyType_Check(o))
        printf("%s: type %s\n", what, ((PyTypeObject *)o)->tp_name);
    else {
        PyObject *r = PyObject_Repr(o);
        if (r == NULL)
            print_error(what);
        else {
            const char *s = (const char *)PyUnicode_DATA(r);
            const char *at = strstr(s, " at 0x");
            if (at)
                printf("%s: %.*s at ADDR%s\n", what, (int)(at - s), s, strchr(at + 1, '>') ? strchr(at + 1, '>') : "");
            else
                printf("%s: %s\n", what, s);
        }
        Py_XDECREF(r);
    }
    Py_DECREF(o);
}

/* The functions report what they received. */
static PyObject *describe(const char *fn, PyObject *self, PyObject *const *args, Py_ssize_t n, PyObject *kwnames)
{
    PyObject *parts = PyUnicode_FromString(fn);
    PyObject *self_r = self ? PyObject_Repr(self) : PyUnicode_FromString("NULL");
    printf("  %s(self=%s, nargs=%zd, nkw=%zd)\n", fn, (const char *)PyUnicode_DATA(self_r), n,
           kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *r = PyObject_Repr(args[i]);
        printf("    arg %zd: %s\n", i, (const char *)PyUnicode_DATA(r));
        Py_DECREF(r);
    }
    Py_DECREF(self_r);
    return parts;
}

static PyObject *m_noargs(PyObject *self, PyObject *unused) { (void)unused; return describe("noargs", self, NULL, 0, NULL); }
static PyObject *m_o(PyObject *self, PyObject *arg) { return describe("o", self, &arg, 1, NULL); }
static PyObject *m_varargs(PyObject *self, PyObject *args)
{
    return describe("varargs", self, &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), NULL);
}
static PyObject *m_varkw(PyObject *self, PyObject *args, PyObject *kw)
{
    printf("  varkw kwargs: %s\n", kw ? "dict" : "NULL");
    return describe("varkw", self, &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), NULL);
}
static PyObject *m_fast(PyObject *self, PyObject *const *args, Py_ssize_t n) { return describe("fast", self, args, n, NULL); }
static PyObject *m_fastkw(PyObject *self, PyObject *const *args, Py_ssize_t n, PyObject *kwnames)
{
    return describe("fastkw", self, args, n, kwnames);
}
static PyObject *m_method(PyObject *self, PyTypeObject *cls, PyObject *const *args, Py_ssize_t n, PyObject *kwnames)
{
    printf("  method defining class: %s\n", cls->tp_name);
    return describe("method", self, args, n, kwnames);
}
static PyObject *m_class(PyObject *cls, PyObject *arg) { return describe("cls", cls, &arg, 1, NULL); }
static PyObject *m_static(PyObject *self, PyObject *arg) { return describe("static", self, &arg, 1, NULL); }
static PyObject *m_repr_method(PyObject *self, PyObject *unused) { (void)self; (void)unused; return PyUnicode_FromString("coexisting __repr__"); }

static PyMethodDef thing_methods[] = {
    {"noargs", m_noargs, METH_NOARGS, "noargs($self, /)\n--\n\nTakes nothing."},
    {"o", m_o, METH_O, "o($self, x, /)\n--\n\nTakes one."},
    {"varargs", m_varargs, METH_VARARGS, "Takes many (no signature)."},
    {"varkw", (PyCFunction)(void (*)(void))m_varkw, METH_VARARGS | METH_KEYWORDS, NULL},
    {"fast", (PyCFunction)(void (*)(void))m_fast, METH_FASTCALL, "fast($self, *args)\n--\n\n"},
    {"fastkw", (PyCFunction)(void (*)(void))m_fastkw, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"method", (PyCFunction)(void (*)(void))m_method, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {"klass", m_class, METH_CLASS | METH_O, "klass($type, x, /)\n--\n\nA class method."},
    {"stat", m_static, METH_STATIC | METH_O, "A static method."},
    {"__repr__", m_repr_method, METH_NOARGS | METH_COEXIST, NULL},
    {"__str__", m_repr_method, METH_NOARGS, NULL}, /* loses to the slot wrapper */
    {NULL}
};

static PyObject *thing_repr(PyObject *self) { (void)self; return PyUnicode_FromString("<thing>"); }
static PyObject *thing_str(PyObject *self) { (void)self; return PyUnicode_FromString("thing as str"); }
static PyObject *thing_add(PyObject *a, PyObject *b)
{
    PyObject *ra = PyObject_Repr(a), *rb = PyObject_Repr(b);
    printf("  nb_add(%s, %s)\n", (const char *)PyUnicode_DATA(ra), (const char *)PyUnicode_DATA(rb));
    Py_DECREF(ra);
    Py_DECREF(rb);
    return PyUnicode_FromString("sum");
}
static PyObject *thing_richcompare(PyObject *a, PyObject *b, int op)
{
    (void)a;
    (void)b;
    return PyBool_FromLong(op == Py_EQ);
}
static PyObject *thing_call(PyObject *self, PyObject *args, PyObject *kw)
{
    printf("  tp_call with %zd args, kw %s\n", PyTuple_GET_SIZE(args), kw ? "dict" : "NULL");
    (void)self;
    return PyUnicode_FromString("called");
}

static PyNumberMethods thing_as_number = {.nb_add = thing_add};

static PyTypeObject Thing_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "attrtest.Thing",
    .tp_basicsize = sizeof(PyObject),
    .tp_repr = thing_repr,
    .tp_str = thing_str,
    .tp_call = thing_call,
    .tp_as_number = &thing_as_number,
    .tp_richcompare = thing_richcompare,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = thing_methods,
    .tp_new = PyType_GenericNew,
};

static PyTypeObject Sub_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "attrtest.Sub",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_base = &Thing_Type,
};

static PyMethodDef bad_methods[] = {
    {"both", m_o, METH_CLASS | METH_STATIC | METH_O, NULL},
    {NULL}
};

static PyTypeObject Bad_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "attrtest.Bad",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = bad_methods,
};

static PyObject *get(PyObject *o, const char *name)
{
    return PyObject_GetAttrString(o, name);
}

static void has(PyTypeObject *tp, const char *name)
{
    PyObject *n = PyUnicode_FromString(name);
    PyObject *v = _PyType_Lookup(tp, n);
    int own = 0;
    /* own = found in the type's own dict: compare with the base's lookup */
    if (v && tp->tp_base) {
        PyObject *bv = _PyType_Lookup(tp->tp_base, n);
        own = bv != v;
    } else if (v)
        own = 1;
    printf("  %s.%s: %s%s\n", tp->tp_name, name, v ? Py_TYPE(v)->tp_name : "missing", v ? (own ? " (own)" : " (inherited)") : "");
    Py_DECREF(n);
}

int main(void)
{
    Py_Initialize();
    if (PyType_Ready(&Thing_Type) < 0 || PyType_Ready(&Sub_Type) < 0) {
        print_error("ready");
        return 1;
    }
    printf("Bad ready: %d\n", PyType_Ready(&Bad_Type));
    print_error("  error");
    PyObject *t = PyType_GenericNew(&Thing_Type, NULL, NULL);
    PyObject *sub = PyType_GenericNew(&Sub_Type, NULL, NULL);
    PyObject *T = (PyObject *)&Thing_Type;
    PyObject *s1 = PyUnicode_FromString("a"), *s2 = PyUnicode_FromString("b");

    printf("== what the type dict holds\n");
    const char *names[] = {"noargs", "o", "klass", "stat", "__repr__", "__str__", "__add__", "__radd__", "__call__",
                           "__eq__", "__lt__", "__new__", "__init__", "__getattribute__", "__setattr__",
                           "__doc__", "__sub__", "__iter__", NULL};
    for (const char **n = names; *n; n++)
        has(&Thing_Type, *n);
    has(&Sub_Type, "__new__");
    has(&Sub_Type, "__repr__");
    has(&Sub_Type, "__add__");
    has(&PyBaseObject_Type, "__new__");
    has(&PyBaseObject_Type, "__repr__");
    has(&PyBaseObject_Type, "__eq__");
    has(&PyBaseObject_Type, "__init__");
    has(&PyBaseObject_Type, "__getattribute__");
    has(&PyType_Type, "__getattribute__");
    has(&PyType_Type, "__repr__");
    has(&PyBool_Type, "__repr__");

    printf("== method descriptors\n");
    const char *mnames[] = {"noargs", "o", "varargs", "fast", "klass", "stat", NULL};
    for (const char **n = mnames; *n; n++) {
        PyObject *nm = PyUnicode_FromString(*n);
        PyObject *d = _PyType_Lookup(&Thing_Type, nm);
        Py_DECREF(nm);
        printf("%s:\n", *n);
        Py_INCREF(d);
        show("  descr", d);
        show("  __name__", get(d, "__name__"));
        show("  __qualname__", get(d, "__qualname__"));
        show("  __doc__", get(d, "__doc__"));
        show("  __text_signature__", get(d, "__text_signature__"));
        show("  __objclass__", get(d, "__objclass__"));
        show("  T.attr", get(T, *n));
        show("  t.attr", get(t, *n));
    }

    printf("== calls\n");
    PyObject *args1[] = {NULL, t, s1, s2};
    PyObject *m;
    m = get(t, "noargs");
    show("t.noargs()", PyObject_CallNoArgs(m));
    show("t.noargs(a)", PyObject_CallOneArg(m, s1));
    Py_DECREF(m);
    m = get(t, "o");
    show("t.o(a)", PyObject_CallOneArg(m, s1));
    show("t.o()", PyObject_CallNoArgs(m));
    Py_DECREF(m);
    m = get(T, "o");
    show("T.o(t, a)", PyObject_Vectorcall(m, args1 + 1, 2, NULL));
    show("T.o()", PyObject_Vectorcall(m, args1 + 1, 0, NULL));
    show("T.o(a, a)", PyObject_Vectorcall(m, args1 + 2, 2, NULL));
    show("T.o(sub, a)", PyObject_Vectorcall(m, (PyObject *[]){sub, s1}, 2, NULL));
    Py_DECREF(m);
    m = get(T, "varargs");
    show("T.varargs(t, a, b)", PyObject_Vectorcall(m, args1 + 1, 3, NULL));
    Py_DECREF(m);
    m = get(T, "varkw");
    show("T.varkw(t, a)", PyObject_Vectorcall(m, args1 + 1, 2, NULL));
    Py_DECREF(m);
    m = get(T, "fast");
    show("T.fast(t, a, b)", PyObject_Vectorcall(m, args1 + 1, 3, NULL));
    Py_DECREF(m);
    m = get(t, "fastkw");
    show("t.fastkw(a, b)", PyObject_Vectorcall(m, args1 + 2, 2, NULL));
    Py_DECREF(m);
    m = get(t, "method");
    show("t.method(a)", PyObject_Vectorcall(m, args1 + 2, 1, NULL));
    Py_DECREF(m);
    m = get(sub, "method");
    show("sub.method(a)", PyObject_Vectorcall(m, args1 + 2, 1, NULL));
    Py_DECREF(m);
    m = get(T, "klass");
    show("T.klass(a)", PyObject_CallOneArg(m, s1));
    Py_DECREF(m);
    m = get(sub, "klass");
    show("sub.klass(a)", PyObject_CallOneArg(m, s1));
    Py_DECREF(m);
    m = get(t, "stat");
    show("t.stat(a)", PyObject_CallOneArg(m, s1));
    Py_DECREF(m);
    PyObject *nm = PyUnicode_FromString("klass");
    PyObject *cd = _PyType_Lookup(&Thing_Type, nm);
    Py_DECREF(nm);
    show("klass descr (T, a)", PyObject_Vectorcall(cd, (PyObject *[]){T, s1}, 2, NULL));
    show("klass descr (Sub, a)", PyObject_Vectorcall(cd, (PyObject *[]){(PyObject *)&Sub_Type, s1}, 2, NULL));
    show("klass descr ()", PyObject_Vectorcall(cd, NULL, 0, NULL));
    show("klass descr (a)", PyObject_Vectorcall(cd, (PyObject *[]){s1}, 1, NULL));
    show("klass descr (str)", PyObject_Vectorcall(cd, (PyObject *[]){(PyObject *)&PyUnicode_Type}, 1, NULL));
    show("klass __get__(None, NULL)", Py_TYPE(cd)->tp_descr_get(cd, NULL, NULL));
    show("klass __get__(t, NULL)", Py_TYPE(cd)->tp_descr_get(cd, t, NULL));
    show("klass __get__(NULL, str)", Py_TYPE(cd)->tp_descr_get(cd, NULL, (PyObject *)&PyUnicode_Type));
    show("klass __get__(NULL, a)", Py_TYPE(cd)->tp_descr_get(cd, NULL, s1));

    printf("== slot wrappers\n");
    show("repr(t) (coexist)", PyObject_Repr(t));
    show("str(t)", PyObject_Str(t));
    m = get(T, "__add__");
    show("T.__add__", m);
    m = get(t, "__add__");
    show("t.__add__", PyObject_Repr(m));
    show("t.__add__(a)", PyObject_CallOneArg(m, s1));
    show("t.__add__()", PyObject_CallNoArgs(m));
    show("t.__add__(a, b)", PyObject_Vectorcall(m, args1 + 2, 2, NULL));
    show("t.__add__.__self__ is t", PyBool_FromLong(get(m, "__self__") == t));
    Py_DECREF(t); /* the get above */
    show("t.__add__.__name__", get(m, "__name__"));
    show("t.__add__.__qualname__", get(m, "__qualname__"));
    show("t.__add__.__objclass__", get(m, "__objclass__"));
    show("t.__add__.__doc__", get(m, "__doc__"));
    show("t.__add__.__text_signature__", get(m, "__text_signature__"));
    {
        PyObject *m2 = get(t, "__add__"), *m3 = get(t, "__radd__");
        show("t.__add__ == t.__add__", PyObject_RichCompare(m, m2, Py_EQ));
        show("t.__add__ != t.__radd__", PyObject_RichCompare(m, m3, Py_NE));
        printf("hash equal: %d\n", PyObject_Hash(m) == PyObject_Hash(m2));
        Py_DECREF(m2);
        Py_DECREF(m3);
    }
    Py_DECREF(m);
    m = get(t, "__radd__");
    show("t.__radd__(a)", PyObject_CallOneArg(m, s1));
    Py_DECREF(m);
    m = get(T, "__add__");
    show("T.__add__(t, a)", PyObject_Vectorcall(m, args1 + 1, 2, NULL));
    show("T.__add__()", PyObject_Vectorcall(m, args1 + 1, 0, NULL));
    show("T.__add__(a, a)", PyObject_Vectorcall(m, args1 + 2, 2, NULL));
    show("T.__add__.__get__(a)", Py_TYPE(m)->tp_descr_get(m, s1, NULL));
    show("T.__add__.__get__(None)", Py_TYPE(m)->tp_descr_get(m, NULL, T));
    Py_DECREF(m);
    m = get(t, "__eq__");
    show("t.__eq__(a)", PyObject_CallOneArg(m, s1));
    Py_DECREF(m);
    m = get(t, "__lt__");
    show("t.__lt__(a)", PyObject_CallOneArg(m, s1));
    show("t.__lt__()", PyObject_CallNoArgs(m));
    Py_DECREF(m);
    m = get(t, "__call__");
    show("t.__call__(a, b)", PyObject_Vectorcall(m, args1 + 2, 2, NULL));
    Py_DECREF(m);
    m = get(t, "__repr__");
    show("t.__repr__() (coexist method)", PyObject_CallNoArgs(m));
    Py_DECREF(m);
    m = get(t, "__str__");
    show("t.__str__()", PyObject_CallNoArgs(m));
    show("t.__str__(a)", PyObject_CallOneArg(m, s1));
    Py_DECREF(m);
    PyObject *o = PyType_GenericNew(&PyBaseObject_Type, NULL, NULL);
    m = get(o, "__setattr__");
    show("object().__setattr__('x', 1)", PyObject_Vectorcall(m, (PyObject *[]){s1, s2}, 2, NULL));
    show("object().__setattr__('x')", PyObject_Vectorcall(m, (PyObject *[]){s1}, 1, NULL));
    Py_DECREF(m);
    m = get(o, "__getattribute__");
    show("object().__getattribute__('__class__')", PyObject_CallOneArg(m, s1));
    Py_DECREF(m);
    m = get((PyObject *)&PyBaseObject_Type, "__setattr__");
    show("object.__setattr__(str, 'x', 1)", PyObject_Vectorcall(m, (PyObject *[]){(PyObject *)&PyUnicode_Type, s1, s2}, 3, NULL));
    Py_DECREF(m);

    printf("== __new__\n");
    m = get(T, "__new__");
    Py_INCREF(m);
    show("T.__new__", m);
    show("T.__new__(T)", PyObject_CallOneArg(m, T));
    show("T.__new__(Sub)", PyObject_CallOneArg(m, (PyObject *)&Sub_Type));
    show("T.__new__()", PyObject_CallNoArgs(m));
    show("T.__new__(a)", PyObject_CallOneArg(m, s1));
    show("T.__new__(str)", PyObject_CallOneArg(m, (PyObject *)&PyUnicode_Type));
    Py_DECREF(m);
    m = get((PyObject *)&PyBaseObject_Type, "__new__");
    show("object.__new__(object)", PyObject_CallOneArg(m, (PyObject *)&PyBaseObject_Type) ? PyBool_FromLong(1) : NULL);
    show("object.__new__(T)", PyObject_CallOneArg(m, T));
    show("object.__new__(bool)", PyObject_CallOneArg(m, (PyObject *)&PyBool_Type));
    Py_DECREF(m);

    printf("== classmethod / staticmethod objects\n");
    m = get(t, "o");
    PyObject *cm = PyClassMethod_New(m);
    PyObject *sm = PyStaticMethod_New(m);
    Py_INCREF(cm);
    show("classmethod", cm);
    show("cm.__func__ is m", PyBool_FromLong(get(cm, "__func__") == m));
    Py_DECREF(m);
    show("cm.__wrapped__ is m", PyBool_FromLong(get(cm, "__wrapped__") == m));
    Py_DECREF(m);
    show("cm.__isabstractmethod__", get(cm, "__isabstractmethod__"));
    show("cm.__name__", get(cm, "__name__"));
    show("cm.__qualname__", get(cm, "__qualname__"));
    show("cm.__doc__", get(cm, "__doc__"));
    PyObject *bound = Py_TYPE(cm)->tp_descr_get(cm, t, NULL);
    show("cm.__get__(t) type", PyObject_Type(bound));
    show("cm.__get__(t).__self__", get(bound, "__self__"));
    show("cm.__get__(t)()", PyObject_CallNoArgs(bound));
    show("cm.__get__(t)(a)", PyObject_CallOneArg(bound, s1));
    show("cm.__get__(t).__func__ is m", PyBool_FromLong(get(bound, "__func__") == m));
    Py_DECREF(m);
    Py_DECREF(bound);
    PyObject *sget = Py_TYPE(sm)->tp_descr_get(sm, t, NULL);
    show("sm.__get__(t) is m", PyBool_FromLong(sget == m));
    Py_DECREF(sget);
    show("sm(a)", PyObject_CallOneArg(sm, s1));
    show("sm.__name__", get(sm, "__name__"));
    /* classmethod(...) / staticmethod(...) without type.__call__: tp_new then tp_init */
    PyObject *empty = PyTuple_New(0), *two = PyTuple_Pack(2, s1, s2), *one = PyTuple_Pack(1, m);
    PyObject *cmo = PyClassMethod_Type.tp_new(&PyClassMethod_Type, empty, NULL);
    printf("classmethod.__init__(): %d\n", PyClassMethod_Type.tp_init(cmo, empty, NULL));
    print_error("  error");
    printf("classmethod.__init__(a, b): %d\n", PyClassMethod_Type.tp_init(cmo, two, NULL));
    print_error("  error");
    printf("classmethod.__init__(m): %d\n", PyClassMethod_Type.tp_init(cmo, one, NULL));
    show("  __name__ copied", get(cmo, "__name__"));
    show("  __doc__ copied", get(cmo, "__doc__"));
    show("  __module__ copied", get(cmo, "__module__"));
    show("  __qualname__ copied", get(cmo, "__qualname__"));
    PyObject *smo = PyStaticMethod_Type.tp_new(&PyStaticMethod_Type, empty, NULL);
    printf("staticmethod.__init__(a, b): %d\n", PyStaticMethod_Type.tp_init(smo, two, NULL));
    print_error("  error");
    Py_DECREF(cmo);
    Py_DECREF(smo);
    Py_DECREF(empty);
    Py_DECREF(two);
    Py_DECREF(one);
    Py_DECREF(cm);
    Py_DECREF(sm);

    Py_DECREF(t);
    Py_DECREF(sub);
    Py_DECREF(o);
    Py_DECREF(s1);
    Py_DECREF(s2);
    Py_FinalizeEx();
    printf("done\n");
    return 0;
}
