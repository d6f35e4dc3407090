/* Underscore-named str and bytes helpers of CPython's headers: _PyUnicode_FromASCII, the
 * unchecked copy and fill on a string being built, _PyUnicode_FindMaxChar's storage
 * classes, _PyUnicode_TransformDecimalAndSpaceToASCII, _PyUnicode_ScanIdentifier,
 * _PyBytes_FromHex, _Py_parse_inf_or_nan. */
#include <Python.h>
#include "proto_util.h"

int main(void)
{
    Py_Initialize();
    show("FromASCII", PyObject_Repr(_PyUnicode_FromASCII("hello", 3)));
    show("FromASCII empty", PyObject_Repr(_PyUnicode_FromASCII("", 0)));

    PyObject *built = PyUnicode_New(6, 0xff);
    PyObject *extra = Py_NewRef(built); /* shared: PyUnicode_Fill would refuse it */
    _PyUnicode_FastFill(built, 0, 6, 'x');
    PyObject *src = PyUnicode_FromString("ab\xc3\xa9");
    _PyUnicode_FastCopyCharacters(built, 1, src, 0, 3);
    show("built", PyObject_Repr(built));
    Py_DECREF(extra);
    Py_DECREF(built);

    PyObject *mixed = PyUnicode_FromString("ab\xc3\xa9\xc4\x80z");
    int ranges[][2] = {{0, 5}, {0, 2}, {0, 3}, {2, 3}, {3, 4}, {4, 5}, {2, 2}, {1, 4}};
    for (int i = 0; i < 8; i++)
        printf("max[%d:%d] = %#x\n", ranges[i][0], ranges[i][1],
               (unsigned)_PyUnicode_FindMaxChar(mixed, ranges[i][0], ranges[i][1]));
    PyObject *wide = PyUnicode_FromString("a\xf0\x9f\x98\x80" "b");
    printf("max wide: %#x %#x %#x\n", (unsigned)_PyUnicode_FindMaxChar(wide, 0, 1),
           (unsigned)_PyUnicode_FindMaxChar(wide, 1, 2), (unsigned)_PyUnicode_FindMaxChar(wide, 0, 3));
    Py_DECREF(mixed);
    Py_DECREF(wide);

    const char *numbers[] = {"12", "\xd9\xa1\xd9\xa2 3", "\xd9\xa1x\xc3\xa9\xd9\xa2", "\xc3\xa9\xd9\xa1",
                             "\xe3\x80\x80\xd9\xa3", "ab\xe2\x80\xa8"};
    for (int i = 0; i < 6; i++) {
        PyObject *s = PyUnicode_FromString(numbers[i]);
        PyObject *t = _PyUnicode_TransformDecimalAndSpaceToASCII(s);
        printf("transform %d same=%d: ", i, t == s);
        show("", PyObject_Repr(t));
        Py_XDECREF(t);
        Py_DECREF(s);
    }
    const char *idents[] = {"abc def", "_x1+", "1abc", "", "\xc3\xa9t\xc3\xa9!", "a\xcc\x80" "b"};
    for (int i = 0; i < 6; i++) {
        PyObject *s = PyUnicode_FromString(idents[i]);
        printf("scan %d: %zd\n", i, _PyUnicode_ScanIdentifier(s));
        Py_DECREF(s);
    }

    PyObject *hex = PyUnicode_FromString("de ad BE ef");
    show("FromHex bytes", _PyBytes_FromHex(hex, 0));
    show("FromHex bytearray", _PyBytes_FromHex(hex, 1));
    Py_DECREF(hex);
    hex = PyUnicode_FromString("0g");
    show("FromHex bad", _PyBytes_FromHex(hex, 0));
    Py_DECREF(hex);

    const char *specials[] = {"inf", "-Infinity!", "+nan(x)", "infinit", "nope", "-iNF"};
    for (int i = 0; i < 6; i++) {
        char *end;
        double v = _Py_parse_inf_or_nan(specials[i], &end);
        printf("parse %s: %s%s consumed %d\n", specials[i], Py_IS_NAN(v) ? "nan" : "",
               Py_IS_NAN(v) ? "" : (v > 0 ? "+inf" : (v < -1.5 ? "-inf" : "-1.0")), (int)(end - specials[i]));
    }
    Py_DECREF(src);
    Py_Finalize();
    return 0;
}
