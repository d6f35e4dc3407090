/* The paths of the session-10 C-API speed work, checked against CPython: builtins of each
 * calling convention recursing into themselves through PyObject_Vectorcall until the C
 * recursion guard raises RecursionError (the guard now takes a level in line and leaves the
 * last ones to a separate path), then calling normally again, and recursing deeper once the
 * limit is raised (the path that adopts a raised limit); argument-count and keyword errors
 * of each convention; PyLong_FromLong at the edges of the small-int cache and past it (the
 * cache is reached through a hidden alias of _PyRuntime, the rest through a tail call). */
#include <Python.h>
#include <limits.h>
#include "testutil.h"

static PyObject *self_fn[3];
static long depth_reached;

/* Each calls its own function object again through the vectorcall protocol while the
 * remaining depth (a small int argument, or a module-level counter) is positive. */
static PyObject *again(int which, long remaining)
{
    depth_reached++;
    if (remaining <= 0)
        return PyLong_FromLong(depth_reached);
    PyObject *n = PyLong_FromLong(remaining - 1);
    PyObject *args[2] = {n, n};
    PyObject *r;
    if (which == 0)
        r = PyObject_Vectorcall(self_fn[0], args, 2, NULL);
    else if (which == 1)
        r = PyObject_Vectorcall(self_fn[1], args, 1, NULL);
    else
        r = PyObject_Vectorcall(self_fn[2], NULL, 0, NULL);
    Py_DECREF(n);
    return r;
}

static PyObject *f_fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2)
        return PyLong_FromLong(-1000 - nargs);
    return again(0, PyLong_AsLong(args[0]));
}

static PyObject *f_o(PyObject *self, PyObject *arg)
{
    (void)self;
    return again(1, PyLong_AsLong(arg));
}

static long noargs_remaining;

static PyObject *f_noargs(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    return again(2, noargs_remaining--);
}

static PyMethodDef defs[] = {
    {"fast", _PyCFunction_CAST(f_fast), METH_FASTCALL, NULL},
    {"o", f_o, METH_O, NULL},
    {"noargs", f_noargs, METH_NOARGS, NULL},
};

static const char *names[] = {"fast", "o", "noargs"};

static void recurse(int which, long depth)
{
    depth_reached = 0;
    noargs_remaining = depth;
    PyObject *n = PyLong_FromLong(depth);
    PyObject *args[2] = {n, n};
    PyObject *r = which == 2 ? PyObject_Vectorcall(self_fn[2], NULL, 0, NULL)
                             : PyObject_Vectorcall(self_fn[which], args, which == 0 ? 2 : 1, NULL);
    Py_DECREF(n);
    printf("%s depth %ld: ", names[which], depth);
    if (r == NULL) {
        /* Where exactly the guard trips depends on the frames below; only its kind is
         * compared, and that it tripped well past the start. */
        printf("stopped %s, ", depth_reached > 10 ? "deep" : "early");
        print_error("error");
    } else {
        printf("reached %s\n", PyLong_AsLong(r) == depth + 1 ? "the bottom" : "a wrong depth");
        Py_DECREF(r);
    }
}

static void show(const char *what, PyObject *o)
{
    if (o == NULL) {
        print_error(what);
        return;
    }
    printf("%s: ", what);
    put(o);
    printf("\n");
    Py_DECREF(o);
}

static void convention_errors(void)
{
    PyObject *x = PyLong_FromLong(1);
    PyObject *args[3] = {x, x, x};
    PyObject *kwnames = Py_BuildValue("(s)", "k");
    show("fast 3 args", PyObject_Vectorcall(self_fn[0], args, 3, NULL));
    show("fast keyword", PyObject_Vectorcall(self_fn[0], args, 1, kwnames));
    show("o no args", PyObject_Vectorcall(self_fn[1], args, 0, NULL));
    show("o 2 args", PyObject_Vectorcall(self_fn[1], args, 2, NULL));
    show("o keyword", PyObject_Vectorcall(self_fn[1], args, 0, kwnames));
    show("noargs 1 arg", PyObject_Vectorcall(self_fn[2], args, 1, NULL));
    show("noargs keyword", PyObject_Vectorcall(self_fn[2], args, 0, kwnames));
    /* The arguments offset flag is not part of the count. */
    PyObject *shifted[3] = {NULL, x, x};
    noargs_remaining = 0;
    depth_reached = 0;
    show("fast offset flag", PyObject_Vectorcall(self_fn[0], shifted + 1, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL));
    Py_DECREF(kwnames);
    Py_DECREF(x);
}

static void small_ints(void)
{
    long values[] = {-7, -6, -5, -1, 0, 1, 100, 255, 256, 257, 258, 1L << 30, -(1L << 30), LONG_MAX, LONG_MIN};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        PyObject *a = PyLong_FromLong(values[i]), *b = PyLong_FromLong(values[i]);
        PyObject *s = PyObject_Str(a);
        printf("%ld: %s same object %s, round trip %s\n", values[i], PyUnicode_AsUTF8(s),
               values[i] >= -5 && values[i] <= 256 ? (a == b ? "yes" : "NO") : "n/a",
               PyLong_AsLong(a) == values[i] ? "ok" : "WRONG");
        Py_DECREF(s);
        Py_DECREF(a);
        Py_DECREF(b);
    }
    PyObject *sum = PyNumber_Add(PyLong_FromLong(200), PyLong_FromLong(56));
    printf("200 + 56 is PyLong_FromLong(256): %s\n", sum == PyLong_FromLong(256) ? "yes" : "no");
}

int main(void)
{
    Py_Initialize();
    for (int i = 0; i < 3; i++)
        self_fn[i] = PyCFunction_New(&defs[i], NULL);

    for (int which = 0; which < 3; which++) {
        recurse(which, 50);
        recurse(which, 100000);
        recurse(which, 20); /* levels given back after the error */
    }
    PyRun_SimpleString("import sys; old = sys.getrecursionlimit(); sys.setrecursionlimit(120)");
    for (int which = 0; which < 3; which++)
        recurse(which, 500);
    PyRun_SimpleString("sys.setrecursionlimit(5000)");
    for (int which = 0; which < 3; which++)
        recurse(which, 500);
    PyRun_SimpleString("sys.setrecursionlimit(old)");

    convention_errors();
    small_ints();
    for (int i = 0; i < 3; i++)
        Py_DECREF(self_fn[i]);
    return Py_FinalizeEx() < 0 ? 1 : 0;
}
