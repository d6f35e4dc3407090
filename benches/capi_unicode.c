/* C-API micro-benchmarks of the text-transforming str methods: upper() on ASCII and on
 * non-ASCII text (through PyObject_CallMethodNoArgs with an interned name), str.format with
 * three fields, `%` with three arguments, and the database lookups behind them. */
#include <Python.h>
#include "bench.h"

int main(void)
{
    Py_Initialize();
    PyObject *upper = PyUnicode_InternFromString("upper");
    PyObject *lower = PyUnicode_InternFromString("lower");
    PyObject *ascii = PyUnicode_FromString("The quick brown fox jumps over the lazy dog 0123456789");
    PyObject *latin = PyUnicode_FromString("D\xc3\xa9j\xc3\xa0 vu, na\xc3\xafve fa\xc3\xa7" "ade, stra\xc3\x9f" "e und Gr\xc3\xbc\xc3\x9f" "e");
    PyObject *greek = PyUnicode_FromString("\xce\x9f\xce\x94\xce\x9f\xce\xa3 \xce\xba\xce\xb1\xce\xb9 \xce\xb6\xcf\x89\xce\xae \xe2\x82\xac");

    BENCH_N("unicode_upper_ascii", 2000000, psink = PyObject_CallMethodNoArgs(ascii, upper); Py_DECREF(psink));
    BENCH_N("unicode_upper_latin1", 2000000, psink = PyObject_CallMethodNoArgs(latin, upper); Py_DECREF(psink));
    BENCH_N("unicode_lower_greek", 2000000, psink = PyObject_CallMethodNoArgs(greek, lower); Py_DECREF(psink));

    PyObject *fmt = PyUnicode_FromString("{} and {:>5} or {!r}");
    PyObject *meth = PyObject_GetAttrString(fmt, "format");
    PyObject *args = Py_BuildValue("(sis)", "spam", 42, "eggs");
    BENCH_N("unicode_format_3_fields", 1000000, psink = PyObject_Call(meth, args, NULL); Py_DECREF(psink));

    PyObject *pfmt = PyUnicode_FromString("%s and %5d or %r");
    BENCH_N("unicode_percent_3_args", 1000000, psink = PyUnicode_Format(pfmt, args); Py_DECREF(psink));

    volatile int sinkc = 0;
    BENCH_N("unicode_db_isalpha_bmp", 20000000, sinkc += _PyUnicode_IsAlpha((Py_UCS4)(i & 0xffff)));
    (void)sinkc;

    Py_DECREF(pfmt);
    Py_DECREF(args);
    Py_DECREF(meth);
    Py_DECREF(fmt);
    Py_DECREF(greek);
    Py_DECREF(latin);
    Py_DECREF(ascii);
    Py_DECREF(lower);
    Py_DECREF(upper);
    Py_Finalize();
    return 0;
}
