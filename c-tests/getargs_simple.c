/* PyArg_ParseTuple / PyArg_ParseTupleAndKeywords with formats of plain one-letter units (the
 * fast path): the in-line units O, i, l, d on exact types, subclasses, __index__/__float__
 * objects, values at and past the C ranges, wrong counts with ':name' and ';message', keyword
 * binding (`|`, `$`, positional-only names, names that are prefixes of others, non-ASCII and
 * NUL-containing keys). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "testutil.h"

static PyObject *ns;

static PyObject *ev(const char *expr)
{
    PyObject *r = PyRun_String(expr, Py_eval_input, ns, ns);
    if (r == NULL) {
        PyErr_Print();
        exit(1);
    }
    return r;
}

static void iid(const char *what, const char *args_expr, const char *format)
{
    PyObject *args = ev(args_expr);
    int a = -7, b = -7;
    double d = -7.5;
    int ok = PyArg_ParseTuple(args, format, &a, &b, &d);
    if (ok)
        printf("%s: ok %d %d %.17g\n", what, a, b, d);
    else
        print_error(what);
    Py_DECREF(args);
}

static void lO(const char *what, const char *args_expr, const char *format)
{
    PyObject *args = ev(args_expr);
    long l = -7;
    PyObject *o = NULL, *o2 = NULL;
    int ok = PyArg_ParseTuple(args, format, &l, &o, &o2);
    if (ok) {
        printf("%s: ok %ld ", what, l);
        PyObject_Print(o ? o : Py_None, stdout, 0);
        printf(" %s\n", o2 ? "o2 set" : "o2 NULL");
    } else
        print_error(what);
    Py_DECREF(args);
}

static void kw(const char *what, const char *args_expr, const char *kwargs_expr, const char *format, char **kwlist)
{
    PyObject *args = ev(args_expr);
    PyObject *kwargs = kwargs_expr ? ev(kwargs_expr) : NULL;
    int a = -1, b = -1, c = -1;
    int ok = PyArg_ParseTupleAndKeywords(args, kwargs, format, kwlist, &a, &b, &c);
    if (ok)
        printf("%s: ok %d %d %d\n", what, a, b, c);
    else
        print_error(what);
    Py_DECREF(args);
    Py_XDECREF(kwargs);
}

int main(void)
{
    Py_Initialize();
    ns = PyDict_New();
    PyDict_SetItemString(ns, "__builtins__", PyEval_GetBuiltins());
    PyObject *r = PyRun_String(
        "class I(int): pass\n"
        "class F(float): pass\n"
        "class Ix:\n"
        "    def __index__(self): return 41\n"
        "class Fl:\n"
        "    def __float__(self): return 2.25\n"
        "class Bad:\n"
        "    def __index__(self): raise KeyError('nope')\n",
        Py_file_input, ns, ns);
    if (r == NULL) {
        PyErr_Print();
        return 1;
    }
    Py_DECREF(r);

    iid("exact", "(1, -2, 3.5)", "iid");
    iid("bool and int subclass", "(True, I(-5), F(0.25))", "iid");
    iid("int for d", "(0, 0, 7)", "iid");
    iid("big int for d", "(0, 0, 2**70)", "iid");
    iid("__index__ and __float__", "(Ix(), 2, Fl())", "iid");
    iid("raising __index__", "(Bad(), 2, 1.0)", "iid");
    iid("int max", "(2**31-1, -2**31, -0.0)", "iid");
    iid("int too big", "(2**31, 0, 0.0)", "iid");
    iid("int too small", "(0, -2**31-1, 0.0)", "iid");
    iid("int way too big", "(2**100, 0, 0.0)", "iid");
    iid("float for i", "(1.0, 2, 3.0)", "iid");
    iid("str for d", "(1, 2, 'x')", "iid:fname");
    iid("str for d message", "(1, 2, 'x')", "iid;custom message");
    iid("too few", "(1, 2)", "iid:fname");
    iid("too many", "(1, 2, 3.0, 4)", "iid");
    iid("optional", "(1,)", "i|id:opt");
    iid("optional too few", "()", "i|id:opt");
    iid("optional too many", "(1, 2, 3.0, 4)", "i|id:opt");
    iid("None for i", "(None, 2, 3.0)", "iid");

    lO("l exact", "(2**62, 'x')", "lO|O");
    lO("l three digits", "(-2**63, [])", "lO|O");
    lO("l overflow", "(2**63, 0)", "lO|O");
    lO("l index", "(Ix(), 0, 1)", "lO|O");
    lO("O missing", "(1,)", "lO|O:lo");
    lO("bad unit letter", "(1, 2)", "lx");
    lO("group falls back", "(1, (2,))", "l(O)");

    static char *kwlist[] = {"a", "b", "c", NULL};
    static char *kwlist_prefix[] = {"ab", "a", "abc", NULL};
    static char *kwlist_posonly[] = {"", "b", "c", NULL};
    static char *kwlist_utf8[] = {"a", "\xc3\xa9t\xc3\xa9", "c", NULL};
    kw("kw all positional", "(1, 2, 3)", NULL, "iii", kwlist);
    kw("kw by name", "(1,)", "{'c': 3, 'b': 2}", "i|ii", kwlist);
    kw("kw missing required", "()", "{'b': 2}", "ii|i:f", kwlist);
    kw("kw unknown", "(1,)", "{'d': 2}", "i|ii:f", kwlist);
    kw("kw unknown no name", "(1,)", "{'d': 2}", "i|ii", kwlist);
    kw("kw twice", "(1, 2)", "{'b': 2}", "i|ii:f", kwlist);
    kw("kw too many", "(1, 2)", "{'b': 2, 'c': 3}", "i|ii:f", kwlist);
    kw("kw only given positionally", "(1, 2)", NULL, "i$ii:f", kwlist);
    kw("kw only by name", "(1,)", "{'b': 5, 'c': 6}", "i$ii:f", kwlist);
    kw("kw only optional", "(1,)", "{'c': 6}", "i|$ii:f", kwlist);
    kw("prefix names", "()", "{'a': 1, 'abc': 3, 'ab': 2}", "iii", kwlist_prefix);
    kw("prefix name not found", "()", "{'abcd': 1}", "|iii", kwlist_prefix);
    kw("posonly by position", "(1, 2)", NULL, "i|ii", kwlist_posonly);
    kw("posonly by name", "()", "{'': 1}", "|iii", kwlist_posonly);
    kw("posonly missing", "()", "{'b': 1}", "i|ii:f", kwlist_posonly);
    kw("utf8 name", "(1,)", "{'\\u00e9t\\u00e9': 9}", "i|ii", kwlist_utf8);
    kw("key with NUL", "(1,)", "{'b\\x00': 9}", "i|ii:f", kwlist);
    kw("non-str key", "(1,)", "{1: 9}", "i|ii:f", kwlist);
    kw("bad value by name", "(1,)", "{'b': 'x'}", "i|ii:f", kwlist);

    Py_DECREF(ns);
    Py_Finalize();
    return 0;
}
