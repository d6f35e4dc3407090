/* The PyMarshal_* C-API of marshal.h: values written to and read back from a C FILE *
 * (the file position after a read is just past the value), longs and shorts, the
 * string forms, truncated data (EOFError) and unmarshallable values. */
#include <Python.h>
#include <marshal.h>
#include <stdio.h>
#include "proto_util.h"

static void dump_file(const char *label, FILE *f)
{
    long n = ftell(f);
    rewind(f);
    printf("%s: %ld bytes:", label, n);
    for (long i = 0; i < n; i++)
        printf(" %02x", fgetc(f));
    printf("\n");
}

int main(void)
{
    Py_Initialize();
    FILE *f = tmpfile();

    PyMarshal_WriteLongToFile(0x12345678L, f, Py_MARSHAL_VERSION);
    PyMarshal_WriteLongToFile(-2L, f, 0);
    dump_file("longs", f);
    rewind(f);
    long a = PyMarshal_ReadLongFromFile(f);
    long b = PyMarshal_ReadLongFromFile(f);
    printf("read longs: %lx %ld at %ld\n", a, b, ftell(f));
    show_int("long at end", PyMarshal_ReadLongFromFile(f));

    rewind(f);
    fputc(0x34, f); fputc(0x12, f); fputc(0xff, f); fputc(0xff, f); fputc(0x01, f);
    rewind(f);
    int s1 = PyMarshal_ReadShortFromFile(f);
    int s2 = PyMarshal_ReadShortFromFile(f);
    printf("shorts: %x %d\n", s1, s2);
    show_int("short past end", PyMarshal_ReadShortFromFile(f));

    PyObject *value = Py_BuildValue("(s y i d [N] {s:O})", "\xe2\x82\xac", "abc", 123, 45.5,
                                    PyLong_FromLong(7), "k", Py_None);
    for (int version = 0; version <= Py_MARSHAL_VERSION; version++) {
        FILE *g = tmpfile();
        PyMarshal_WriteObjectToFile(value, g, version);
        long written = ftell(g);
        fputs("tail", g);
        rewind(g);
        PyObject *back = PyMarshal_ReadObjectFromFile(g);
        printf("v%d: wrote %ld, read to %ld, equal=%d\n", version, written, ftell(g),
               back ? PyObject_RichCompareBool(back, value, Py_EQ) : -1);
        Py_XDECREF(back);
        rewind(g);
        back = PyMarshal_ReadLastObjectFromFile(g);
        show("last", back);
        fclose(g);
    }

    PyObject *bytes = PyMarshal_WriteObjectToString(value, 2);
    show("to string v2", PyObject_Repr(bytes));
    PyObject *back = PyMarshal_ReadObjectFromString(PyBytes_AS_STRING(bytes), PyBytes_GET_SIZE(bytes));
    show("from string", back);
    show("short string", PyMarshal_ReadObjectFromString(PyBytes_AS_STRING(bytes), 3));
    show("empty string", PyMarshal_ReadObjectFromString("", 0));
    Py_DECREF(bytes);

    FILE *h = tmpfile();
    fputc('(', h);
    rewind(h);
    show("truncated file", PyMarshal_ReadObjectFromFile(h));
    rewind(h);
    show("truncated last", PyMarshal_ReadLastObjectFromFile(h));
    fclose(h);

    PyObject *bad = PyList_New(0);
    PyList_Append(bad, (PyObject *)&PyBaseObject_Type);
    show("unmarshallable", PyMarshal_WriteObjectToString(bad, 4));
    Py_DECREF(bad);

    Py_DECREF(value);
    fclose(f);
    Py_Finalize();
    return 0;
}
