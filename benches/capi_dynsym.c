/* C-API micro-benchmarks of the internal names CPython's own extension modules call
 * (docs/dynload.md): _Py_Identifier lookups (the str cached by the identifier's index),
 * attribute and dict access and method calls through identifiers, and the _PyTime_t
 * conversions and clocks. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "bench.h"

_Py_IDENTIFIER(upper);
_Py_IDENTIFIER(real);
_Py_IDENTIFIER(key);

int main(void)
{
    Py_Initialize();
    PyObject *s = PyUnicode_FromString("abc");
    PyObject *seven = PyLong_FromLong(7);
    PyObject *d = PyDict_New();
    _PyDict_SetItemId(d, &PyId_key, seven);
    PyObject *half = PyFloat_FromDouble(0.5);

    BENCH("_PyUnicode_FromId (cached)", psink = _PyUnicode_FromId(&PyId_upper));
    BENCH("_PyObject_GetAttrId(int, 'real')", (psink = _PyObject_GetAttrId(seven, &PyId_real), Py_DECREF((PyObject *)psink)));
    BENCH("_PyDict_GetItemIdWithError", psink = _PyDict_GetItemIdWithError(d, &PyId_key));
    BENCH("_PyObject_CallMethodIdNoArgs(str.upper)", (psink = _PyObject_CallMethodIdNoArgs(s, &PyId_upper), Py_DECREF((PyObject *)psink)));
    BENCH("_PyObject_CallMethodIdObjArgs(str.upper)", (psink = _PyObject_CallMethodIdObjArgs(s, &PyId_upper, NULL), Py_DECREF((PyObject *)psink)));
    _PyTime_t t = 0;
    BENCH("_PyTime_FromSecondsObject(float)", psink = (void *)(long)_PyTime_FromSecondsObject(&t, half, _PyTime_ROUND_CEILING));
    BENCH("_PyTime_AsMilliseconds(HALF_EVEN)", psink = (void *)(long)_PyTime_AsMilliseconds(t + (long)psink, _PyTime_ROUND_HALF_EVEN));
    BENCH("_PyTime_GetMonotonicClock", psink = (void *)(long)_PyTime_GetMonotonicClock());
    BENCH("_PyDeadline_Get", psink = (void *)(long)_PyDeadline_Get(t));
    Py_DECREF(half);
    Py_DECREF(d);
    Py_DECREF(seven);
    Py_DECREF(s);
    return 0;
}
