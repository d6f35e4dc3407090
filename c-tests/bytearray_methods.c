/* The bytes methods on bytearray (one shared implementation): results are new bytearrays
 * (split parts, partition pieces, strip/replace/pad results), arguments may be bytearrays,
 * and exported buffers block resizing: BufferError until PyBuffer_Release. Expected output:
 * CPython 3.11's. */
#define PY_SSIZE_T_CLEAN
#include "proto_util.h"

static PyObject *BA(const char *s) { return PyByteArray_FromStringAndSize(s, (Py_ssize_t)strlen(s)); }

int main(void)
{
    Py_Initialize();
    PyObject *s = BA("  Hello World hello  ");
    show("strip", PyObject_CallMethod(s, "strip", NULL));
    show("lstrip(b' H')", PyObject_CallMethod(s, "lstrip", "y", " H"));
    show("rstrip(ba)", PyObject_CallMethod(s, "rstrip", "O", BA(" o")));
    show("split()", PyObject_CallMethod(s, "split", NULL));
    show("split(b'l', 2)", PyObject_CallMethod(s, "split", "yi", "l", 2));
    show("rsplit(None, 1)", PyObject_CallMethod(s, "rsplit", "Oi", Py_None, 1));
    show("partition(b'o')", PyObject_CallMethod(s, "partition", "y", "o"));
    show("rpartition(b'zz')", PyObject_CallMethod(s, "rpartition", "y", "zz"));
    PyObject *parts = PyObject_CallMethod(s, "partition", "y", "zz");
    printf("partition miss: distinct empties %d, whole is copy %d\n",
           PyTuple_GET_ITEM(parts, 1) != PyTuple_GET_ITEM(parts, 2), PyTuple_GET_ITEM(parts, 0) != s);
    Py_DECREF(parts);
    show("find(b'lo')", PyObject_CallMethod(s, "find", "y", "lo"));
    show("rfind(108)", PyObject_CallMethod(s, "rfind", "i", 108));
    show("index(ba'W')", PyObject_CallMethod(s, "index", "O", BA("W")));
    show("index(b'zz')", PyObject_CallMethod(s, "index", "y", "zz"));
    show("count(b'l')", PyObject_CallMethod(s, "count", "y", "l"));
    show("startswith((b'x', ba'  H'))", PyObject_CallMethod(s, "startswith", "((yO))", "x", BA("  H")));
    show("endswith(b'  ', 0, 5)", PyObject_CallMethod(s, "endswith", "yii", "  ", 0, 5));
    show("replace(b'l', b'L', 2)", PyObject_CallMethod(s, "replace", "yyi", "l", "L", 2));
    show("replace(b'zz', b'')", PyObject_CallMethod(s, "replace", "yy", "zz", ""));
    show("upper", PyObject_CallMethod(s, "upper", NULL));
    show("swapcase", PyObject_CallMethod(s, "swapcase", NULL));
    show("title", PyObject_CallMethod(s, "title", NULL));
    show("capitalize", PyObject_CallMethod(s, "capitalize", NULL));
    show("isalpha", PyObject_CallMethod(s, "isalpha", NULL));
    show("isspace", PyObject_CallMethod(BA(" \t"), "isspace", NULL));
    show("center(25, ba'*')", PyObject_CallMethod(BA("ab"), "center", "iO", 7, BA("*")));
    show("ljust(5, b'-')", PyObject_CallMethod(BA("ab"), "ljust", "iy", 5, "-"));
    show("rjust(1)", PyObject_CallMethod(BA("ab"), "rjust", "i", 1));
    show("center(5, 'x')", PyObject_CallMethod(BA("ab"), "center", "is", 5, "x"));
    show("zfill(6)", PyObject_CallMethod(BA("-42"), "zfill", "i", 6));
    show("join", PyObject_CallMethod(BA(", "), "join", "([yOy])", "a", BA("b"), "c"));
    show("join one", PyObject_CallMethod(BA("-"), "join", "([y])", "only"));
    show("join bad", PyObject_CallMethod(BA("-"), "join", "([yi])", "a", 1));
    show("removeprefix", PyObject_CallMethod(BA("prefix-x"), "removeprefix", "y", "prefix-"));
    show("removesuffix", PyObject_CallMethod(BA("x.txt"), "removesuffix", "O", BA(".txt")));
    show("expandtabs(4)", PyObject_CallMethod(BA("a\tbc\td"), "expandtabs", "i", 4));
    show("splitlines(True)", PyObject_CallMethod(BA("a\nb\r\nc"), "splitlines", "i", 1));
    show("hex(':', 2)", PyObject_CallMethod(BA("\x01\x02\xab\xcd\xef"), "hex", "si", ":", 2));
    show("decode", PyObject_CallMethod(BA("caf\xc3\xa9"), "decode", NULL));
    show("decode('ascii')", PyObject_CallMethod(BA("caf\xc3\xa9"), "decode", "s", "ascii"));
    show("bytes.join(ba)", PyObject_CallMethod(PyBytes_FromString("+"), "join", "([OO])", BA("x"), BA("y")));
    show("bytes.split(ba)", PyObject_CallMethod(PyBytes_FromString("a,b"), "split", "O", BA(",")));
    show("b'ab' in", PyBool_FromLong(PySequence_Contains(PyBytes_FromString("xaby"), BA("ab"))));
    show("__getnewargs__ absent", PyObject_GetAttrString(s, "__getnewargs__"));

    /* exports block resizing */
    PyObject *e = BA("abc");
    Py_buffer view;
    int got = PyObject_GetBuffer(e, &view, PyBUF_WRITABLE);
    printf("GetBuffer: %d len %zd readonly %d\n", got, view.len, view.readonly);
    ((char *)view.buf)[0] = 'X';
    show("append while exported", PyObject_CallMethod(e, "append", "i", 65));
    show("extend while exported", PyObject_CallMethod(e, "extend", "y", "zz"));
    show("pop while exported", PyObject_CallMethod(e, "pop", NULL));
    show("clear while exported", PyObject_CallMethod(e, "clear", NULL));
    show("reverse while exported", PyObject_CallMethod(e, "reverse", NULL));
    printf("Resize while exported: %d\n", PyByteArray_Resize(e, 10));
    show_err("Resize");
    printf("setitem while exported: %d\n", PySequence_SetItem(e, 1, PyLong_FromLong(89)));
    PyObject *sl = PySlice_New(NULL, NULL, NULL);
    printf("same-size slice set while exported: %d\n", PyObject_SetItem(e, sl, PyBytes_FromString("123")));
    printf("del slice while exported: %d\n", PyObject_DelItem(e, sl));
    show_err("del");
    show("iadd while exported", PyNumber_InPlaceAdd(e, PyBytes_FromString("q")));
    show("e", PyObject_Repr(e));
    PyBuffer_Release(&view);
    show("append after release", PyObject_CallMethod(e, "append", "i", 65));
    show("e", PyObject_Repr(e));
    Py_DECREF(sl);
    Py_DECREF(e);
    Py_DECREF(s);
    Py_FinalizeEx();
    return 0;
}
