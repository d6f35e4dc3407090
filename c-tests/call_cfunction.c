/* Builtin function objects (PyCFunction_New/NewEx, PyCMethod_New) under every METH_*
 * convention, called through the vectorcall and tp_call protocols: results, argument-count
 * and keyword checks with CPython's messages, the result check, repr, hash, comparison,
 * accessors and creation errors.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>
#include <string.h>

static void print_str(PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
        if (c < 128) putchar((int)c); else printf("\\u%04x", (unsigned)c);
    }
}

static void print_masked(PyObject *s);

/* repr through the type slot, with the address part of "at 0x..." masked. */
static void print_repr(PyObject *o)
{
    PyObject *r = Py_TYPE(o)->tp_repr(o);
    if (!r) { printf("<repr failed>"); PyErr_Clear(); return; }
    print_masked(r);
    Py_DECREF(r);
}

/* The result of a call: the object (repr), or the exception type and message. */

/* A str with the address part of "at 0x..." masked. */
static void print_masked(PyObject *s)
{
    char buf[512];
    Py_ssize_t n = PyUnicode_GET_LENGTH(s), j = 0;
    for (Py_ssize_t i = 0; i < n && j < 500; i++) buf[j++] = (char)PyUnicode_READ_CHAR(s, i);
    buf[j] = 0;
    char *at = strstr(buf, " at 0x");
    if (at) { char *end = at + 6; while ((*end >= '0' && *end <= '9') || (*end >= 'a' && *end <= 'f')) end++; memmove(at + 7, end, strlen(end) + 1); memcpy(at, " at ADDR", 8); }
    /* CPython's PyErr_BadInternalCall macro prefixes its own FILE:LINE. */
    char *bad = strstr(buf, "bad argument to internal function");
    printf("%s", bad ? bad : buf);
}

static void show(const char *what, PyObject *res)
{
    printf("%s -> ", what);
    if (res) {
        if (PyUnicode_Check(res)) { putchar('\''); print_masked(res); putchar('\''); }
        else print_repr(res);
        printf("\n");
        Py_DECREF(res);
        if (PyErr_Occurred()) printf("  !! error set with a result\n");
        return;
    }
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    printf("%s: ", t ? ((PyTypeObject *)t)->tp_name : "NO EXCEPTION");
    if (v && !PyUnicode_Check(v)) {
        /* An exception instance (CPython normalizes a chained SystemError): its str and its
         * cause's type. */
        PyObject *c = PyException_GetCause(v);
        PyObject *str = PyObject_Str(v);
        if (str) { print_masked(str); Py_DECREF(str); }
        if (c) { printf(" (cause %s)", Py_TYPE(c)->tp_name); Py_DECREF(c); }
    }
    else if (v) print_masked(v);
    printf("\n");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

static PyObject *last_self;

/* Each function describes what it received, as a str. */
static PyObject *describe(const char *conv, PyObject *self, Py_ssize_t nargs, PyObject *const *args, PyObject *kw)
{
    char buf[512];
    int n = snprintf(buf, sizeof buf, "%s self=%s nargs=%zd", conv,
                     self == NULL ? "NULL" : self == last_self ? "SELF" : Py_TYPE(self)->tp_name, nargs);
    for (Py_ssize_t i = 0; i < nargs && n < 400; i++)
        n += snprintf(buf + n, sizeof buf - n, " %s", PyUnicode_Check(args[i]) ? (const char *)PyUnicode_DATA(args[i]) : Py_TYPE(args[i])->tp_name);
    if (kw) n += snprintf(buf + n, sizeof buf - n, " kw=%s", Py_TYPE(kw)->tp_name);
    return PyUnicode_FromString(buf);
}

static PyObject *f_noargs(PyObject *self, PyObject *unused)
{
    if (unused != NULL) return PyUnicode_FromString("noargs got an argument!");
    return describe("noargs", self, 0, NULL, NULL);
}
static PyObject *f_o(PyObject *self, PyObject *arg) { return describe("o", self, 1, &arg, NULL); }
static PyObject *f_varargs(PyObject *self, PyObject *args)
{
    return describe("varargs", self, PyTuple_GET_SIZE(args), &PyTuple_GET_ITEM(args, 0), NULL);
}
static PyObject *f_varkw(PyObject *self, PyObject *args, PyObject *kw)
{
    char buf[64];
    PyObject *d = describe("varkw", self, PyTuple_GET_SIZE(args), &PyTuple_GET_ITEM(args, 0), kw);
    if (kw == NULL) return d;
    snprintf(buf, sizeof buf, "dict of %zd", PyDict_GET_SIZE(kw));
    Py_DECREF(d);
    return PyUnicode_FromString(buf);
}
static PyObject *f_fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return describe("fast", self, nargs, args, NULL);
}
static PyObject *f_fastkw(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return describe("fastkw", self, nargs, args, kwnames);
}
static PyObject *f_method(PyObject *self, PyTypeObject *cls, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    char buf[600];
    PyObject *d = describe("method", self, (Py_ssize_t)nargsf, args, kwnames);
    snprintf(buf, sizeof buf, "%s cls=%s", (const char *)PyUnicode_DATA(d), cls->tp_name);
    Py_DECREF(d);
    return PyUnicode_FromString(buf);
}
static PyObject *f_null_no_error(PyObject *self, PyObject *arg) { (void)self; (void)arg; return NULL; }
static PyObject *f_result_and_error(PyObject *self, PyObject *arg)
{
    (void)self;
    PyErr_SetString(PyExc_ValueError, "boom");
    Py_INCREF(arg);
    return arg;
}
static PyObject *f_raise(PyObject *self, PyObject *arg)
{
    (void)self; (void)arg;
    PyErr_SetString(PyExc_ValueError, "raised on purpose");
    return NULL;
}

static PyMethodDef defs[] = {
    {"noargs", f_noargs, METH_NOARGS, "noargs($self, /)\n--\n\nTakes nothing."},
    {"o", f_o, METH_O, "o(x)\nNo signature here."},
    {"varargs", f_varargs, METH_VARARGS, NULL},
    {"varkw", _PyCFunction_CAST(f_varkw), METH_VARARGS | METH_KEYWORDS, NULL},
    {"fast", _PyCFunction_CAST(f_fast), METH_FASTCALL, NULL},
    {"fastkw", _PyCFunction_CAST(f_fastkw), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"method", _PyCFunction_CAST(f_method), METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {"nullnoerr", f_null_no_error, METH_O, NULL},
    {"resulterr", f_result_and_error, METH_O, NULL},
    {"raises", f_raise, METH_O, NULL},
    {"staticfn", f_o, METH_O | METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};
static PyMethodDef bad_flags = {"bad", f_o, METH_O | METH_NOARGS, NULL};
static PyMethodDef bad_flags2 = {"bad2", f_o, METH_METHOD | METH_FASTCALL, NULL};
static PyMethodDef bad_flags3 = {"bad3", f_o, METH_O | METH_KEYWORDS, NULL};
static PyMethodDef bad_flags4 = {"bad4", f_o, METH_NOARGS | METH_KEYWORDS, NULL};

static void call_all(const char *label, PyObject *f, PyObject *a, PyObject *b)
{
    char what[128];
    PyObject *stack[4] = {NULL, a, b, NULL};
    snprintf(what, sizeof what, "%s()", label);
    show(what, PyObject_Vectorcall(f, stack + 1, 0, NULL));
    snprintf(what, sizeof what, "%s(a)", label);
    show(what, PyObject_Vectorcall(f, stack + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL));
    snprintf(what, sizeof what, "%s(a, b)", label);
    show(what, PyObject_Vectorcall(f, stack + 1, 2, NULL));
    snprintf(what, sizeof what, "%s CallOneArg", label);
    show(what, PyObject_CallOneArg(f, a));
    snprintf(what, sizeof what, "%s CallNoArgs", label);
    show(what, PyObject_CallNoArgs(f));
    snprintf(what, sizeof what, "%s CallObject(NULL)", label);
    show(what, PyObject_CallObject(f, NULL));
    if (stack[0] != NULL) printf("  !! args[-1] left modified\n");
}

int main(void)
{
    Py_Initialize();
    PyObject *a = PyUnicode_FromString("A");
    PyObject *b = PyUnicode_FromString("the self object");
    PyObject *modname = PyUnicode_FromString("mymod");
    PyObject *builtins = PyUnicode_FromString("builtins");
    last_self = b;

    printf("type: %s base %s basicsize %zd flags-gc %d vectorcall %d\n",
           PyCFunction_Type.tp_name, PyCFunction_Type.tp_base->tp_name, PyCFunction_Type.tp_basicsize,
           !!(PyCFunction_Type.tp_flags & Py_TPFLAGS_HAVE_GC), !!(PyCFunction_Type.tp_flags & Py_TPFLAGS_HAVE_VECTORCALL));
    printf("cmethod type: %s base %s basicsize %zd\n", PyCMethod_Type.tp_name, PyCMethod_Type.tp_base->tp_name,
           PyCMethod_Type.tp_basicsize);

    for (PyMethodDef *d = defs; d->ml_name; d++) {
        PyObject *f;
        if (d->ml_flags & METH_METHOD)
            f = PyCMethod_New(d, b, modname, &PyUnicode_Type);
        else
            f = PyCFunction_NewEx(d, NULL, NULL);
        PyObject *m = (d->ml_flags & METH_METHOD) ? NULL : PyCFunction_NewEx(d, b, modname);
        PyObject *bi = (d->ml_flags & METH_METHOD) ? NULL : PyCFunction_NewEx(d, NULL, builtins);
        printf("== %s: ", d->ml_name);
        print_repr(f);
        printf(" type %s callable %d vectorcall %s\n", Py_TYPE(f)->tp_name, PyCallable_Check(f),
               PyVectorcall_Function(f) ? "yes" : "NULL");
        call_all(d->ml_name, f, a, b);
        if (m) {
            print_repr(m);
            printf("\n");
            call_all("bound", m, a, b);
            Py_DECREF(m);
        }
        if (bi) {
            call_all("builtin-module", bi, a, b);
            Py_DECREF(bi);
        }
        Py_DECREF(f);
    }

    /* Attributes (getsets and members through generic attribute access). */
    {
        PyObject *fs[] = {PyCFunction_NewEx(&defs[0], NULL, modname), PyCFunction_NewEx(&defs[1], b, NULL),
                          PyCFunction_NewEx(&defs[10], b, builtins), PyCFunction_NewEx(&defs[2], (PyObject *)&PyUnicode_Type, NULL)};
        const char *attrs[] = {"__name__", "__qualname__", "__module__", "__doc__", "__text_signature__", "__self__"};
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 6; k++) {
                char what[64];
                snprintf(what, sizeof what, "f%d.%s", i, attrs[k]);
                PyObject *v = PyObject_GetAttrString(fs[i], attrs[k]);
                if (v && !PyUnicode_Check(v) && v != Py_None) {
                    printf("%s -> ", what);
                    print_repr(v);
                    printf("\n");
                    Py_DECREF(v);
                } else {
                    show(what, v);
                }
            }
            show("repr", PyObject_Repr(fs[i]));
        }
        PyObject *newmod = PyUnicode_FromString("othermod");
        printf("set __module__ %d\n", PyObject_SetAttrString(fs[0], "__module__", newmod));
        show("__module__ after set", PyObject_GetAttrString(fs[0], "__module__"));
        show("call after __module__ set", PyObject_CallOneArg(fs[0], a));
        printf("set __name__ %d\n", PyObject_SetAttrString(fs[0], "__name__", newmod));
        show("after set __name__", NULL);
        Py_DECREF(newmod);
        for (int i = 0; i < 4; i++)
            Py_DECREF(fs[i]);
    }

    /* A module function: self is the module. */
    {
        PyObject *mod = PyModule_New("mymod");
        PyObject *mf = PyCFunction_NewEx(&defs[1], mod, modname);
        show("module function repr", PyObject_Repr(mf));
        show("module function __qualname__", PyObject_GetAttrString(mf, "__qualname__"));
        PyObject *self_attr = PyObject_GetAttrString(mf, "__self__");
        printf("module function __self__ is the module %d\n", self_attr == mod);
        Py_XDECREF(self_attr);
        show("module function(2 args)", PyObject_CallFunction(mf, "ss", "x", "y"));
        show("module function(1 arg)", PyObject_CallFunction(mf, "s", "x"));
        Py_DECREF(mf);
        Py_DECREF(mod);
    }

    /* Accessors. */
    PyObject *f = PyCFunction_New(&defs[1], b);
    PyObject *g = PyCFunction_New(&defs[1], b);
    PyObject *h = PyCFunction_New(&defs[1], a);
    PyObject *s = PyCFunction_New(&defs[10], b);
    printf("GetFunction ok %d GetSelf is b %d GetFlags %d static self NULL %d static GET_SELF NULL %d\n",
           PyCFunction_GetFunction(f) == f_o, PyCFunction_GetSelf(f) == b, PyCFunction_GetFlags(f),
           PyCFunction_GetSelf(s) == NULL, PyCFunction_GET_SELF(s) == NULL);
    printf("macros: func %d flags %d class NULL %d\n", PyCFunction_GET_FUNCTION(f) == f_o,
           PyCFunction_GET_FLAGS(f), PyCFunction_GET_CLASS(f) == NULL);
    printf("hash equal %d\n", Py_TYPE(f)->tp_hash(f) == Py_TYPE(g)->tp_hash(g));
    PyObject *r;
    const char *ops[] = {"<", "<=", "==", "!=", ">", ">="};
    for (int op = 0; op < 6; op++) {
        r = Py_TYPE(f)->tp_richcompare(f, g, op);
        printf("f %s g: %s; ", ops[op], r == Py_True ? "True" : r == Py_False ? "False" : r == Py_NotImplemented ? "NotImplemented" : "?");
        Py_DECREF(r);
        r = Py_TYPE(f)->tp_richcompare(f, h, op);
        printf("f %s h: %s\n", ops[op], r == Py_True ? "True" : r == Py_False ? "False" : r == Py_NotImplemented ? "NotImplemented" : "?");
        Py_DECREF(r);
    }
    r = Py_TYPE(f)->tp_richcompare(f, a, Py_EQ);
    printf("f == str: %s\n", r == Py_NotImplemented ? "NotImplemented" : "?");
    Py_DECREF(r);
    printf("refcnt self before %zd\n", Py_REFCNT(b));
    Py_DECREF(f); Py_DECREF(g); Py_DECREF(h); Py_DECREF(s);
    printf("refcnt self after %zd\n", Py_REFCNT(b));

    /* Creation errors and bad arguments. */
    show("bad flags", PyCFunction_New(&bad_flags, NULL));
    show("METH_METHOD|FASTCALL", PyCMethod_New(&bad_flags2, NULL, NULL, &PyUnicode_Type));
    show("O|KEYWORDS", PyCFunction_New(&bad_flags3, NULL));
    show("NOARGS|KEYWORDS", PyCFunction_New(&bad_flags4, NULL));
    show("METH_METHOD without class", PyCMethod_New(&defs[6], NULL, NULL, NULL));
    show("class without METH_METHOD", PyCMethod_New(&defs[1], NULL, NULL, &PyUnicode_Type));
    printf("GetFunction(str) NULL %d\n", PyCFunction_GetFunction(a) == NULL);
    show("after GetFunction(str)", NULL);
    printf("GetSelf(str) NULL %d\n", PyCFunction_GetSelf(a) == NULL);
    show("after GetSelf(str)", NULL);
    printf("GetFlags(str) %d\n", PyCFunction_GetFlags(a));
    show("after GetFlags(str)", NULL);

    /* Not callable. */
    show("call a str", PyObject_CallOneArg(a, b));
    show("call a str (no args)", PyObject_CallNoArgs(a));
    show("vectorcall a str", PyObject_Vectorcall(a, NULL, 0, NULL));
    printf("PyCallable_Check(str) %d PyVectorcall_Function(str) %s\n", PyCallable_Check(a), PyVectorcall_Function(a) ? "set" : "NULL");

    Py_DECREF(a); Py_DECREF(b); Py_DECREF(modname); Py_DECREF(builtins);
    Py_Finalize();
    printf("done\n");
    return 0;
}
