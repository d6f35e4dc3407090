/* Py_BuildValue reading its arguments off the va_list: every integer width and double, in
 * numbers that run past the six general-purpose and eight SSE registers into the stack
 * area, mixed and interleaved, with negative values (sign extension of `int`, zero
 * extension of `unsigned int`), through Py_BuildValue, Py_VaBuildValue, PyObject_CallFunction
 * and short strings of every length up to 20 (the copy of short ASCII strings).
 * Expected output: CPython 3.11's, in the same run. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>

static void show(const char *label, PyObject *o)
{
    printf("%s: ", label);
    if (o == NULL) {
        printf("NULL\n");
        PyErr_Print();
        return;
    }
    PyObject *r = PyObject_Repr(o);
    printf("%s\n", PyUnicode_AsUTF8(r));
    Py_DECREF(r);
    Py_DECREF(o);
}

static PyObject *va_build(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = Py_VaBuildValue(format, va);
    va_end(va);
    return r;
}

int main(void)
{
    Py_Initialize();
    show("12 ints", Py_BuildValue("(iiiiiiiiiiii)", 1, -2, 3, -4, 5, -6, 7, -8, 9, -10, INT_MAX, INT_MIN));
    show("12 doubles", Py_BuildValue("(dddddddddddd)", 0.5, -1.5, 2.5, -3.5, 4.5, -5.5, 6.5, -7.5, 8.5,
                                     -9.5, 1e300, -1e-300));
    show("mixed", Py_BuildValue("(idlfkdLdKdnIdHhBb)", -1, 0.25, LONG_MIN, (float)1.75, ULONG_MAX, 2.0,
                                LLONG_MAX, 3.0, ULLONG_MAX, 4.0, (Py_ssize_t)-7, UINT_MAX, 5.0,
                                (unsigned short)65535, (short)-32768, (unsigned char)255, (char)-1));
    show("uint high bit", Py_BuildValue("(IIIIIIII)", 0x80000000u, 1u, 2u, 3u, 4u, 5u, 6u, 0xffffffffu));
    show("va 10 ints", va_build("[iiiiiiiiii]", 10, 20, 30, 40, 50, 60, -70, 80, -90, 100));
    show("va doubles then ints", va_build("(ddddddddddiiiiiiii)", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0,
                                         9.0, 10.0, 1, 2, 3, 4, 5, 6, 7, -8));
    show("dict", Py_BuildValue("{s:i,s:d,s:l,s:n}", "a", -1, "b", 0.5, "c", -2L, "d", (Py_ssize_t)3));
    show("objects and ints", Py_BuildValue("(OiOiOiOi)", Py_None, 1, Py_True, 2, Py_False, 3, Py_Ellipsis, -4));
    const char *text = "abcdefghijklmnopqrst";
    for (int n = 0; n <= 20; n++) {
        char label[32];
        snprintf(label, sizeof label, "s# %d", n);
        show(label, Py_BuildValue("(s#i)", text, (Py_ssize_t)n, n));
    }
    show("s short", Py_BuildValue("(sss)", "", "x", "xyz"));
    PyObject *f = PyObject_GetAttrString(PyImport_AddModule("builtins"), "max");
    show("CallFunction 9 ints", PyObject_CallFunction(f, "iiiiiiiii", 3, -1, 4, 1, -5, 9, 2, 6, 5));
    show("CallFunction 10 doubles", PyObject_CallFunction(f, "dddddddddd", 3.5, 1.0, 4.0, 1.0, 5.0, 9.25, 2.0,
                                                          6.0, 5.0, 9.5));
    Py_DECREF(f);
    Py_FinalizeEx();
    return 0;
}
