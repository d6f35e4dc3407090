/* bytes % args and bytearray % args (PEP 461) through PyNumber_Remainder: every conversion
 * (%b %s %r %a %c %d %i %u %o %x %X %e %E %f %F %g %G %%), flags, width, precision, `*`,
 * `%(key)` with a mapping, __bytes__ and __index__ objects, and the errors with their
 * messages; also the reflected form (NotImplemented) and the slot wrappers.
 * Expected output: CPython 3.11's. */
#define PY_SSIZE_T_CLEAN
#include "proto_util.h"

static PyObject *B(const char *s) { return PyBytes_FromString(s); }

/* fmt % args, printed with the format and `shown` (or repr(args) when NULL); steals args. */
static void fmt_as(const char *f, const char *shown, PyObject *args)
{
    PyObject *format = B(f);
    PyObject_Print(format, stdout, 0);
    printf(" %% ");
    if (shown != NULL)
        printf("%s", shown);
    else if (PyObject_Print(args, stdout, 0) < 0)
        PyErr_Clear();
    show("", PyNumber_Remainder(format, args));
    Py_DECREF(format);
    Py_DECREF(args);
}

static void fmt(const char *f, PyObject *args) { fmt_as(f, NULL, args); }

static void fmt_ba(const char *f, PyObject *args)
{
    PyObject *format = PyByteArray_FromStringAndSize(f, (Py_ssize_t)strlen(f));
    PyObject_Print(format, stdout, 0);
    printf(" %% ");
    PyObject_Print(args, stdout, 0);
    show("", PyNumber_Remainder(format, args));
    Py_DECREF(format);
    Py_DECREF(args);
}

static PyObject *ret_bytes(PyObject *self, PyObject *unused) { return PyBytes_FromString("BB"); }
static PyObject *ret_str(PyObject *self, PyObject *unused) { return PyUnicode_FromString("x"); }
static PyObject *ret_66(PyObject *self, PyObject *unused) { return PyLong_FromLong(66); }
static PyMethodDef defs[] = {
    {"ret_bytes", ret_bytes, METH_O, NULL},
    {"ret_str", ret_str, METH_O, NULL},
    {"ret_66", ret_66, METH_O, NULL},
};

/* An instance of a new class whose `dunder` method is defs[k]. */
static PyObject *instance_with(const char *cls, const char *dunder, int k)
{
    PyObject *f = PyCFunction_New(&defs[k], NULL);
    PyObject *m = PyInstanceMethod_New(f);
    PyObject *type = PyObject_CallFunction((PyObject *)&PyType_Type, "s(){sO}", cls, dunder, m);
    PyObject *o = PyObject_CallNoArgs(type);
    Py_DECREF(f);
    Py_DECREF(m);
    Py_DECREF(type);
    return o;
}

int main(void)
{
    Py_Initialize();
    /* %b / %s */
    fmt("%s|%b", Py_BuildValue("(yy)", "ab", "cd"));
    fmt("%s", PyByteArray_FromStringAndSize("x", 1));
    fmt_as("%s", "(memoryview(b'mv'),)", Py_BuildValue("(N)", PyMemoryView_FromObject(B("mv"))));
    fmt("%5.2s|%-5b|", Py_BuildValue("(yy)", "abc", "ab"));
    fmt("%s", PyUnicode_FromString("x"));
    fmt("%b", PyLong_FromLong(1));
    fmt("%s %s", Py_BuildValue("[ii]", 1, 2));
    fmt_as("%s", "HasBytes()", instance_with("HasBytes", "__bytes__", 0));
    fmt_as("%.0s|", "HasBytes()", instance_with("HasBytes", "__bytes__", 0));
    fmt_as("%s", "BadBytes()", instance_with("BadBytes", "__bytes__", 1));
    /* %r %a */
    fmt("%r %a", Py_BuildValue("(s[i])", "\xc3\xa9", 1));
    fmt("%a", B("x"));
    fmt("%r", PyUnicode_FromString("\xe1\x88\xb4"));
    fmt("%.3a|", PyUnicode_FromString("xyz"));
    /* %c */
    fmt("%c%c%c", Py_BuildValue("(iyN)", 65, "B", PyByteArray_FromStringAndSize("C", 1)));
    fmt("%c", PyLong_FromLong(255));
    fmt("%c", PyLong_FromLong(256));
    fmt("%c", PyLong_FromLong(-1));
    fmt("%c", PyNumber_Power(PyLong_FromLong(2), PyLong_FromLong(70), Py_None));
    fmt("%c", B("ab"));
    fmt("%c", B(""));
    fmt("%c", PyUnicode_FromString("a"));
    fmt("%c", PyFloat_FromDouble(3.0));
    fmt("%c", Py_NewRef(Py_True));
    fmt_as("%c", "HasIndex()", instance_with("HasIndex", "__index__", 2));
    /* numbers */
    fmt("%d %i %u", Py_BuildValue("(idd)", -3, 2.7, -3.5));
    fmt("%#x %#o %+d % d %05d %X %#X", Py_BuildValue("(iiiiiii)", 255, 8, 3, 4, -42, 255, 255));
    fmt("%x", PyNumber_Power(PyLong_FromLong(2), PyLong_FromLong(70), Py_None));
    fmt("%.5d|%-6x|%06.3d", Py_BuildValue("(iii)", 42, 255, -7));
    fmt("%e %g %G %E %F", Py_BuildValue("(ddddd)", 1e10, 1e-10, 2.5e20, 3.0, Py_HUGE_VAL));
    fmt("%.2f %10.3e %-8g| %#g %+.1f", Py_BuildValue("(ddddd)", 3.14159, 12345.678, 0.5, 1.0, 2.25));
    fmt("%d", Py_NewRef(Py_True));
    fmt("%x", PyFloat_FromDouble(1.5));
    fmt("%d", PyUnicode_FromString("a"));
    fmt("%f", B("1"));
    fmt("%e", Py_NewRef(Py_None));
    fmt("%f", PyNumber_Power(PyLong_FromLong(2), PyLong_FromLong(2000), Py_None));
    fmt_as("%f", "HasIndex()", instance_with("HasIndex", "__index__", 2));
    fmt("%ld %hd %Lf", Py_BuildValue("(iid)", 1, 2, 3.0));
    /* width, precision, star */
    fmt("%*d|%-*d|", Py_BuildValue("(iiii)", 5, 3, 4, 7));
    fmt("%*.*s|", Py_BuildValue("(iiy)", -4, 1, "xy"));
    fmt("%.*s|", Py_BuildValue("(iy)", -4, "xy"));
    fmt("%.*f", Py_BuildValue("(id)", 2, 3.14159));
    fmt("%*s", Py_BuildValue("(sy)", "a", "x"));
    fmt("%0-5d|", PyLong_FromLong(3));
    /* %% and literal text */
    fmt("a%%b", PyTuple_New(0));
    fmt("%5%|", PyTuple_New(0));
    fmt("%5%|", Py_BuildValue("(i)", 1));
    fmt("\xff%s\x80", B("\xfe"));
    /* mappings */
    fmt("%(a)s%(b)s", Py_BuildValue("{y:y,y:N}", "a", "1", "b", PyByteArray_FromStringAndSize("2", 1)));
    fmt("%(x)s %%", Py_BuildValue("{y:y}", "x", "y"));
    fmt("%(a)s", Py_BuildValue("{s:y}", "a", "1"));
    fmt("%(a)s", Py_BuildValue("(i)", 1));
    fmt("%(a)s", Py_BuildValue("[i]", 1));
    fmt("%(a)%|", Py_BuildValue("{y:i}", "a", 1));
    fmt("%(a(b))d", Py_BuildValue("{y:i}", "a(b)", 5));
    fmt("abc", Py_BuildValue("{s:i}", "a", 1));
    /* argument count errors */
    fmt("abc", PyByteArray_FromStringAndSize("x", 1));
    fmt("abc", B("x"));
    fmt("abc", PyUnicode_FromString("x"));
    fmt("%s %s", Py_BuildValue("(y)", "a"));
    fmt("%s", Py_BuildValue("(yy)", "a", "b"));
    fmt("x", PyLong_FromLong(5));
    fmt("%s", PyLong_FromLong(5));
    /* format errors */
    fmt("%y", PyLong_FromLong(1));
    fmt("%", PyTuple_New(0));
    fmt("%(a", PyDict_New());
    fmt("%5", PyLong_FromLong(1));
    fmt("%.", PyLong_FromLong(1));
    fmt("%99999999999999999999d", PyLong_FromLong(1));
    fmt("%.99999999999999999999d", PyLong_FromLong(1));
    fmt("%\x80", PyLong_FromLong(1));
    fmt("%\x01", PyLong_FromLong(1));
    fmt("%\x7f", PyLong_FromLong(1));
    fmt("%.2147483648d", PyLong_FromLong(1));
    fmt("%.*d", Py_BuildValue("(Ni)", PyLong_FromLongLong(1LL << 31), 1));
    /* bytearray */
    fmt_ba("%s-%d", Py_BuildValue("(yi)", "x", 3));
    fmt_ba("a", PyTuple_New(0));
    fmt_ba("%", PyLong_FromLong(1));
    fmt_ba("%c%s", Py_BuildValue("(iN)", 97, PyByteArray_FromStringAndSize("z", 1)));
    /* reflected: the left operand is not bytes */
    PyObject *five = PyLong_FromLong(5), *x = B("x");
    show("5 % b'x'", PyNumber_Remainder(five, x));
    PyObject *ba = PyByteArray_FromStringAndSize("%d", 2);
    show("b'x' % bytearray", PyNumber_Remainder(x, ba));
    show("bytearray.__mod__(5)", PyObject_CallMethod(ba, "__mod__", "i", 5));
    show("bytes.__rmod__", PyObject_CallMethod(x, "__rmod__", "i", 5));
    show("bytes.__mod__(())", PyObject_CallMethod(x, "__mod__", "(())"));
    show("bytes.__mod__ ret", PyObject_CallMethod(B("%d"), "__mod__", "i", 7));
    PyObject *r = PyNumber_InPlaceRemainder(ba, five);
    show("ba %= 5", r);
    show("ba after", Py_NewRef(ba));
    Py_DECREF(five);
    Py_DECREF(x);
    Py_DECREF(ba);
    Py_FinalizeEx();
    return 0;
}
