/* The Argument Clinic converters (_PyLong_UnsignedShort/UnsignedInt/UnsignedLong/
 * UnsignedLongLong/Size_t_Converter), time_t conversions and _PyLong_Lshift/_Rshift.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>
#include <string.h>

static void show_error(const char *what)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) { printf("%s: no error\n", what); return; }
    const char *m = "";
    if (v && PyUnicode_Check(v)) m = (const char *)PyUnicode_DATA(v);
    else if (v && PyExceptionInstance_Check(v)) {
        PyObject *a = ((PyBaseExceptionObject *)v)->args;
        if (a && PyTuple_GET_SIZE(a) > 0 && PyUnicode_Check(PyTuple_GET_ITEM(a, 0))) m = (const char *)PyUnicode_DATA(PyTuple_GET_ITEM(a, 0));
    }
    printf("%s: %s: %s\n", what, ((PyTypeObject *)t)->tp_name, m);
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

static void result(const char *label, PyObject *r)
{
    if (r == NULL) { show_error(label); return; }
    PyObject *s = PyObject_Repr(r);
    printf("%s = %s\n", label, (const char *)PyUnicode_DATA(s));
    Py_DECREF(s); Py_DECREF(r);
}

int main(void)
{
    Py_Initialize();
    const char *texts[] = {"0", "1", "-1", "65535", "65536", "4294967295", "4294967296", "18446744073709551615",
                           "18446744073709551616", "-18446744073709551616", "9223372036854775807", "-9223372036854775808",
                           "9223372036854775808", NULL};
    char label[200];
    PyObject *objs[20];
    int n = 0;
    for (; texts[n]; n++) objs[n] = PyLong_FromString(texts[n], NULL, 10);
    objs[n++] = Py_True;
    objs[n++] = PyUnicode_FromString("x");
    for (int i = 0; i < n; i++) {
        const char *t = i < n - 2 ? texts[i] : i == n - 2 ? "True" : "'x'";
        unsigned short us = 0; unsigned int ui = 0; unsigned long ul = 0; unsigned long long ull = 0; size_t sz = 0;
        snprintf(label, sizeof label, "UnsignedShort(%s)", t);
        if (_PyLong_UnsignedShort_Converter(objs[i], &us)) printf("%s = %u\n", label, us); else show_error(label);
        snprintf(label, sizeof label, "UnsignedInt(%s)", t);
        if (_PyLong_UnsignedInt_Converter(objs[i], &ui)) printf("%s = %u\n", label, ui); else show_error(label);
        snprintf(label, sizeof label, "UnsignedLong(%s)", t);
        if (_PyLong_UnsignedLong_Converter(objs[i], &ul)) printf("%s = %lu\n", label, ul); else show_error(label);
        snprintf(label, sizeof label, "UnsignedLongLong(%s)", t);
        if (_PyLong_UnsignedLongLong_Converter(objs[i], &ull)) printf("%s = %llu\n", label, ull); else show_error(label);
        snprintf(label, sizeof label, "Size_t(%s)", t);
        if (_PyLong_Size_t_Converter(objs[i], &sz)) printf("%s = %zu\n", label, sz); else show_error(label);
        snprintf(label, sizeof label, "AsTime_t(%s)", t);
        time_t tt = _PyLong_AsTime_t(objs[i]);
        if (tt == -1 && PyErr_Occurred()) show_error(label); else printf("%s = %ld\n", label, (long)tt);
        if (PyLong_Check(objs[i])) {
            for (size_t sh = 0; sh <= 130; sh += 13) {
                snprintf(label, sizeof label, "_PyLong_Lshift(%s, %zu)", t, sh); result(label, _PyLong_Lshift(objs[i], sh));
                snprintf(label, sizeof label, "_PyLong_Rshift(%s, %zu)", t, sh); result(label, _PyLong_Rshift(objs[i], sh));
            }
        }
    }
    result("_PyLong_FromTime_t(-12345)", _PyLong_FromTime_t(-12345));
    result("_PyLong_FromTime_t(max)", _PyLong_FromTime_t((time_t)9223372036854775807LL));
    Py_FinalizeEx();
    return 0;
}
