/* A classic single-phase extension module (m_size -1), in the style of CPython's tutorial
 * "spam": one function per calling convention and PyArg_* parser, its own exception, and
 * PyState_FindModule. Built with ferropy's headers, CPython's, and as abi3. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdarg.h>

static PyObject *SpamError;
static int init_calls = 0;
static struct PyModuleDef spammodule;

static PyObject *noargs(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromString("noargs called");
}

static PyObject *one(PyObject *self, PyObject *o)
{
    return Py_BuildValue("(sO)", "one got", o);
}

static PyObject *varargs(PyObject *self, PyObject *args)
{
    int i;
    const char *s;
    double d = 0.5;
    if (!PyArg_ParseTuple(args, "is|d:varargs", &i, &s, &d))
        return NULL;
    return Py_BuildValue("(isd)", i * 2, s, d);
}

static PyObject *keywords(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"a", "b", "flag", NULL};
    int a;
    const char *b = "default";
    Py_ssize_t blen = 7;
    int flag = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i|s#$p:keywords", kwlist, &a, &b, &blen, &flag))
        return NULL;
    return Py_BuildValue("(is#N)", a, b, blen, PyBool_FromLong(flag));
}

static PyObject *fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    long total = 0;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        long v = PyLong_AsLong(args[i]);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        total += v;
    }
    return Py_BuildValue("(nl)", nargs, total);
}

static PyObject *fast_kw(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t nkw = kwnames ? PyTuple_Size(kwnames) : 0;
    PyObject *names = kwnames ? kwnames : Py_None;
    return Py_BuildValue("(nnO)", nargs, nkw, names);
}

static PyObject *unpack(PyObject *self, PyObject *args)
{
    PyObject *a, *b = Py_None;
    if (!PyArg_UnpackTuple(args, "unpack", 1, 2, &a, &b))
        return NULL;
    return Py_BuildValue("(OO)", b, a);
}

static PyObject *parse_one(PyObject *self, PyObject *o)
{
    long v;
    if (!PyArg_Parse(o, "l;parse_one needs an int", &v))
        return NULL;
    return PyLong_FromLong(v + 1);
}

/* PyArg_VaParse through a variadic helper, as extensions wrap it. */
static int parse_two(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = PyArg_VaParse(args, format, va);
    va_end(va);
    return r;
}

static PyObject *va_parse(PyObject *self, PyObject *args)
{
    int x, y;
    if (!parse_two(args, "ii:va_parse", &x, &y))
        return NULL;
    return PyLong_FromLong((long)x * y);
}

static PyObject *validate(PyObject *self, PyObject *d)
{
    if (!PyArg_ValidateKeywordArguments(d))
        return NULL;
    Py_RETURN_TRUE;
}

static PyObject *fail(PyObject *self, PyObject *arg)
{
    PyErr_SetString(SpamError, "spam failed");
    return NULL;
}

static PyObject *find_self(PyObject *self, PyObject *unused)
{
    PyObject *m = PyState_FindModule(&spammodule);
    return PyBool_FromLong(m != NULL && m == self);
}

static PyObject *get_init_calls(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(init_calls);
}

static PyMethodDef spam_methods[] = {
    {"noargs", noargs, METH_NOARGS, "no arguments"},
    {"one", one, METH_O, "one argument"},
    {"varargs", varargs, METH_VARARGS, "positional arguments"},
    {"keywords", (PyCFunction)(void (*)(void))keywords, METH_VARARGS | METH_KEYWORDS, "keywords"},
    {"fast", (PyCFunction)(void (*)(void))fast, METH_FASTCALL, "fastcall"},
    {"fast_kw", (PyCFunction)(void (*)(void))fast_kw, METH_FASTCALL | METH_KEYWORDS, "fastcall with keywords"},
    {"unpack", unpack, METH_VARARGS, "PyArg_UnpackTuple"},
    {"parse_one", parse_one, METH_O, "PyArg_Parse"},
    {"va_parse", va_parse, METH_VARARGS, "PyArg_VaParse"},
    {"validate", validate, METH_O, "PyArg_ValidateKeywordArguments"},
    {"fail", fail, METH_NOARGS, "raises spam.error"},
    {"find_self", find_self, METH_NOARGS, "PyState_FindModule"},
    {"get_init_calls", get_init_calls, METH_NOARGS, "how many times PyInit_spam ran"},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef spammodule = {
    PyModuleDef_HEAD_INIT, "spam", "The spam module.", -1, spam_methods,
};

PyMODINIT_FUNC PyInit_spam(void)
{
    init_calls++;
    PyObject *m = PyModule_Create(&spammodule);
    if (m == NULL)
        return NULL;
    SpamError = PyErr_NewException("spam.error", NULL, NULL);
    if (PyModule_AddObjectRef(m, "error", SpamError) < 0 || PyModule_AddIntConstant(m, "answer", 42) < 0
        || PyModule_AddStringConstant(m, "flavour", "spicy") < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
