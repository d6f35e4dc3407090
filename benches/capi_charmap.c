/* C-API micro-benchmarks of the charmap codec (what cp1252, cp437, ... run on): decoding
 * 1 KiB through a 256-character str table, and encoding 1 KiB through the EncodingMap that
 * PyUnicode_BuildEncodingMap makes from it (Latin-1 text and text with BMP characters). */
#include <Python.h>
#include "bench.h"

#define DROP(expr) do { PyObject *r_ = (expr); Py_DECREF(r_); } while (0)
#define N 100000L

int main(void)
{
    Py_Initialize();
    /* A cp1252-like table: Latin-1, except 0x80..0x9f mapped to U+2000.. */
    Py_UCS4 table[256];
    for (int i = 0; i < 256; i++) table[i] = (i >= 0x80 && i < 0xa0) ? (Py_UCS4)(0x2000 + i) : (Py_UCS4)i;
    PyObject *t = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, table, 256);
    PyObject *map = PyUnicode_BuildEncodingMap(t);
    char data[1024];
    for (int i = 0; i < 1024; i++) data[i] = (char)(0x20 + (i * 7) % 224);
    PyObject *text = PyUnicode_DecodeCharmap(data, 1024, t, NULL);
    char latin[1024];
    for (int i = 0; i < 1024; i++) latin[i] = (char)(0x41 + i % 26);
    PyObject *ascii_text = PyUnicode_DecodeCharmap(latin, 1024, t, NULL);

    BENCH_N("DecodeCharmap_1KiB_table", N, DROP(PyUnicode_DecodeCharmap(data, 1024, t, NULL)));
    BENCH_N("AsCharmapString_1KiB_bmp", N, DROP(PyUnicode_AsCharmapString(text, map)));
    BENCH_N("AsCharmapString_1KiB_ascii", N, DROP(PyUnicode_AsCharmapString(ascii_text, map)));
    Py_DECREF(text);
    Py_DECREF(ascii_text);
    Py_DECREF(map);
    Py_DECREF(t);
    Py_Finalize();
    return 0;
}
