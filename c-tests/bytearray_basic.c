/* bytearray: the C-API (FromStringAndSize/FromObject/AsString/Size/Resize/Concat and the
 * AS_STRING/GET_SIZE macros), the constructor forms and their errors, item and slice
 * access and assignment (extended slices, deletion), the mutators, growth (__alloc__),
 * comparisons with bytes, iteration, repr and pickling support. Expected: CPython 3.11. */
#define PY_SSIZE_T_CLEAN
#include "proto_util.h"

static PyObject *BA(const char *s) { return PyByteArray_FromStringAndSize(s, (Py_ssize_t)strlen(s)); }

/* Prints repr(o) and its allocation. */
static void state(const char *label, PyObject *o)
{
    PyObject *a = PyObject_CallMethod(o, "__alloc__", NULL);
    printf("%s: ", label);
    PyObject_Print(o, stdout, 0);
    printf(" len=%zd alloc=%ld\n", PyByteArray_GET_SIZE(o), a ? PyLong_AsLong(a) : -1L);
    Py_XDECREF(a);
    if (!a) show_err("alloc");
}

/* Calls type(*args) built from fmt (a tuple format) and shows the result. */
static void construct(const char *label, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *args = Py_VaBuildValue(fmt, va);
    va_end(va);
    show(label, PyObject_CallObject((PyObject *)&PyByteArray_Type, args));
    Py_DECREF(args);
}

static PyObject *slice(long a, long b, long c)
{
    PyObject *x = a == 999 ? Py_NewRef(Py_None) : PyLong_FromLong(a);
    PyObject *y = b == 999 ? Py_NewRef(Py_None) : PyLong_FromLong(b);
    PyObject *z = c == 999 ? Py_NewRef(Py_None) : PyLong_FromLong(c);
    PyObject *s = PySlice_New(x, y, z);
    Py_DECREF(x); Py_DECREF(y); Py_DECREF(z);
    return s;
}

static void setslice(const char *label, PyObject *ba, long a, long b, long c, PyObject *v)
{
    PyObject *s = slice(a, b, c);
    int r = v ? PyObject_SetItem(ba, s, v) : PyObject_DelItem(ba, s);
    if (r < 0) show_err(label);
    else state(label, ba);
    Py_DECREF(s);
    Py_XDECREF(v);
}

int main(void)
{
    Py_Initialize();

    /* C-API */
    PyObject *a = PyByteArray_FromStringAndSize("hello", 5);
    state("FromStringAndSize", a);
    printf("AS_STRING: %s, AsString: %s, Size: %zd, Check: %d %d\n", PyByteArray_AS_STRING(a),
           PyByteArray_AsString(a), PyByteArray_Size(a), PyByteArray_Check(a), PyByteArray_CheckExact(a));
    PyObject *e = PyByteArray_FromStringAndSize(NULL, 0);
    printf("empty AS_STRING: [%s] is empty string: %d size %zd\n", PyByteArray_AS_STRING(e),
           PyByteArray_AS_STRING(e) == PyByteArray_AsString(e), PyByteArray_GET_SIZE(e));
    show("FromStringAndSize(-1)", PyByteArray_FromStringAndSize("x", -1));
    printf("Resize(8): %d\n", PyByteArray_Resize(a, 8));
    memcpy(PyByteArray_AS_STRING(a) + 5, "!!!", 3);
    state("after Resize", a);
    printf("Resize(2): %d\n", PyByteArray_Resize(a, 2));
    state("after Resize(2)", a);
    PyObject *bx = PyBytes_FromString("xyz");
    show("Concat(ba, bytes)", PyByteArray_Concat(a, bx));
    show("Concat(bytes, ba)", PyByteArray_Concat(bx, a));
    PyObject *seven = PyLong_FromLong(7);
    show("Concat(ba, int)", PyByteArray_Concat(a, seven));
    show("FromObject(bytes)", PyByteArray_FromObject(bx));
    show("FromObject(list)", PyByteArray_FromObject(Py_BuildValue("[iii]", 1, 2, 255)));
    show("FromObject(int)", PyByteArray_FromObject(seven));
    show("FromObject(str)", PyByteArray_FromObject(PyUnicode_FromString("no")));

    /* constructor forms */
    construct("bytearray()", "()");
    construct("bytearray(3)", "(i)", 3);
    construct("bytearray(-1)", "(i)", -1);
    construct("bytearray(b'ab')", "(y)", "ab");
    construct("bytearray('h\\xe9', 'latin-1')", "(ss)", "h\xc3\xa9", "latin-1");
    construct("bytearray('h\\xe9', 'ascii')", "(ss)", "h\xc3\xa9", "ascii");
    construct("bytearray('h\\xe9', 'ascii', 'replace')", "(sss)", "h\xc3\xa9", "ascii", "replace");
    construct("bytearray('x')", "(s)", "x");
    construct("bytearray(1, 2)", "(ii)", 1, 2);
    construct("bytearray(b'x', 'ascii')", "(ys)", "x", "ascii");
    construct("bytearray(1.5)", "(d)", 1.5);
    construct("bytearray([1, 300])", "([ii])", 1, 300);
    construct("bytearray(['a'])", "([s])", "a");
    construct("bytearray(range-like tuple)", "((iii))", 65, 66, 67);
    construct("bytearray(bytearray)", "(O)", a);
    construct("bytearray(1,2,3,4)", "(iiii)", 1, 2, 3, 4);

    /* growth */
    PyObject *g = PyByteArray_FromStringAndSize(NULL, 0);
    PyObject *one = PyLong_FromLong(1);
    printf("allocs:");
    for (int i = 0; i < 40; i++) {
        PyObject *r = PyObject_CallMethod(g, "append", "O", one);
        Py_XDECREF(r);
        PyObject *al = PyObject_CallMethod(g, "__alloc__", NULL);
        printf(" %ld", PyLong_AsLong(al));
        Py_DECREF(al);
    }
    printf("\n");
    Py_DECREF(g);
    int cuts[] = {60, 49, 51, 90, 10};
    for (int i = 0; i < 5; i++) {
        PyObject *h = PyByteArray_FromStringAndSize(NULL, 100);
        memset(PyByteArray_AS_STRING(h), 'x', 100);
        setslice("del front", h, 0, cuts[i], 999, NULL);
        setslice("del front 1", h, 0, 1, 999, NULL);
        PyObject *r = PyObject_CallMethod(h, "extend", "y", "0123456789");
        Py_XDECREF(r);
        PyObject *al = PyObject_CallMethod(h, "__alloc__", NULL);
        printf("  then extend: len %zd alloc %ld\n", PyByteArray_GET_SIZE(h), PyLong_AsLong(al));
        Py_DECREF(al);
        Py_DECREF(h);
    }

    /* items and slices */
    PyObject *b = BA("abcdefgh");
    show("b[2]", PySequence_GetItem(b, 2));
    show("b[-1]", PySequence_GetItem(b, -1));
    show("b[8]", PySequence_GetItem(b, 8));
    show("b[1:5]", PyObject_GetItem(b, slice(1, 5, 999)));
    show("b[::-2]", PyObject_GetItem(b, slice(999, 999, -2)));
    show("b['x']", PyObject_GetItem(b, PyUnicode_FromString("x")));
    printf("b[0] = 65: %d\n", PySequence_SetItem(b, 0, PyLong_FromLong(65)));
    if (PySequence_SetItem(b, 0, PyLong_FromLong(256)) < 0) show_err("b[0] = 256");
    if (PySequence_SetItem(b, 0, PyUnicode_FromString("a")) < 0) show_err("b[0] = 'a'");
    if (PySequence_SetItem(b, 9, PyLong_FromLong(1)) < 0) show_err("b[9] = 1");
    if (PySequence_DelItem(b, 9) < 0) show_err("del b[9]");
    printf("del b[1]: %d\n", PySequence_DelItem(b, 1));
    state("b", b);
    setslice("b[1:3] = b'XYZW'", b, 1, 3, 999, PyBytes_FromString("XYZW"));
    setslice("b[2:6] = b''", b, 2, 6, 999, PyBytes_FromString(""));
    setslice("b[5:1] = b'..'", b, 5, 1, 999, PyBytes_FromString(".."));
    setslice("b[::2] = b'1234'", b, 999, 999, 2, PyBytes_FromString("1234"));
    setslice("b[::2] = b'12'", b, 999, 999, 2, PyBytes_FromString("12"));
    setslice("b[::-3] = [1,2,3]", b, 999, 999, -3, Py_BuildValue("[iii]", 1, 2, 3));
    setslice("b[0:1] = 5", b, 0, 1, 999, PyLong_FromLong(5));
    setslice("b[0:1] = 'x'", b, 0, 1, 999, PyUnicode_FromString("x"));
    setslice("b[0:1] = [300]", b, 0, 1, 999, Py_BuildValue("[i]", 300));
    setslice("b[0:0] = (70, 71)", b, 0, 0, 999, Py_BuildValue("(ii)", 70, 71));
    setslice("b[:] = b", b, 999, 999, 999, Py_NewRef(b));
    setslice("b[3:3] = b", b, 3, 3, 999, Py_NewRef(b));
    setslice("del b[::3]", b, 999, 999, 3, NULL);
    setslice("del b[::-2]", b, 999, 999, -2, NULL);
    setslice("del b[1:100:5]", b, 1, 100, 5, NULL);

    /* mutators */
    PyObject *m = BA("hello");
    show("append(33)", PyObject_CallMethod(m, "append", "i", 33));
    show("append(256)", PyObject_CallMethod(m, "append", "i", 256));
    show("append('a')", PyObject_CallMethod(m, "append", "s", "a"));
    show("extend(b'xy')", PyObject_CallMethod(m, "extend", "y", "xy"));
    show("extend([1, 2])", PyObject_CallMethod(m, "extend", "[ii]", 1, 2));
    show("extend(5)", PyObject_CallMethod(m, "extend", "i", 5));
    show("extend(('a',))", PyObject_CallMethod(m, "extend", "((s))", "a"));
    show("extend([1, 300])", PyObject_CallMethod(m, "extend", "[ii]", 1, 300));
    show("extend(self)", PyObject_CallMethod(m, "extend", "O", m));
    state("m", m);
    show("insert(0, 65)", PyObject_CallMethod(m, "insert", "ii", 0, 65));
    show("insert(-1, 66)", PyObject_CallMethod(m, "insert", "ii", -1, 66));
    show("insert(100, 67)", PyObject_CallMethod(m, "insert", "ii", 100, 67));
    show("insert(-100, 68)", PyObject_CallMethod(m, "insert", "ii", -100, 68));
    show("insert(0)", PyObject_CallMethod(m, "insert", "(i)", 0));
    show("insert(0, 300)", PyObject_CallMethod(m, "insert", "ii", 0, 300));
    show("insert('a', 1)", PyObject_CallMethod(m, "insert", "si", "a", 1));
    show("pop()", PyObject_CallMethod(m, "pop", NULL));
    show("pop(0)", PyObject_CallMethod(m, "pop", "i", 0));
    show("pop(-2)", PyObject_CallMethod(m, "pop", "i", -2));
    show("pop(100)", PyObject_CallMethod(m, "pop", "i", 100));
    show("pop(1, 2)", PyObject_CallMethod(m, "pop", "ii", 1, 2));
    show("remove(108)", PyObject_CallMethod(m, "remove", "i", 108));
    show("remove(9)", PyObject_CallMethod(m, "remove", "i", 9));
    show("remove(300)", PyObject_CallMethod(m, "remove", "i", 300));
    show("reverse()", PyObject_CallMethod(m, "reverse", NULL));
    state("m", m);
    PyObject *c = PyObject_CallMethod(m, "copy", NULL);
    printf("copy is new: %d equal: %d\n", c != m, PyObject_RichCompareBool(c, m, Py_EQ));
    show("clear()", PyObject_CallMethod(m, "clear", NULL));
    state("m after clear", m);
    show("pop() empty", PyObject_CallMethod(m, "pop", NULL));
    show("__sizeof__", PyObject_CallMethod(c, "__sizeof__", NULL));
    show("__alloc__(1)", PyObject_CallMethod(c, "__alloc__", "i", 1));
    PyObject *empty_ba = BA("");
    show("bytearray().__sizeof__", PyObject_CallMethod(empty_ba, "__sizeof__", NULL));

    /* in-place operators and sequence protocol */
    PyObject *p = BA("ab");
    PyObject *r = PyNumber_InPlaceAdd(p, bx);
    printf("iadd same object: %d\n", r == p);
    Py_XDECREF(r);
    r = PyNumber_InPlaceMultiply(p, PyLong_FromLong(3));
    printf("imul same object: %d\n", r == p);
    Py_XDECREF(r);
    state("p", p);
    show("p += 5", PyNumber_InPlaceAdd(p, seven));
    show("p *= 'a'", PyNumber_InPlaceMultiply(p, PyUnicode_FromString("a")));
    show("p + b'!'", PyNumber_Add(p, PyBytes_FromString("!")));
    show("b'!' + p", PyNumber_Add(PyBytes_FromString("!"), p));
    show("p + 1", PyNumber_Add(p, one));
    show("p * 2", PySequence_Repeat(p, 2));
    show("p * -1", PySequence_Repeat(p, -1));
    show("0 in p", PyBool_FromLong(PySequence_Contains(p, PyLong_FromLong(0))));
    show("98 in p", PyBool_FromLong(PySequence_Contains(p, PyLong_FromLong(98))));
    show("b'yza' in p", PyBool_FromLong(PySequence_Contains(p, PyBytes_FromString("yza"))));
    printf("300 in p: %d\n", PySequence_Contains(p, PyLong_FromLong(300)));
    show_err("300 in p");
    PyObject *p0 = PyObject_CallMethod(p, "__iadd__", "i", 5);
    show("p.__iadd__(5)", p0);

    /* comparisons, hash, iteration, repr */
    PyObject *x1 = BA("abc"), *x2 = PyBytes_FromString("abc"), *x3 = PyBytes_FromString("abd");
    printf("ba == bytes: %d, bytes == ba: %d, ba < bytes: %d, bytes > ba: %d, ba == str: %d\n",
           PyObject_RichCompareBool(x1, x2, Py_EQ), PyObject_RichCompareBool(x2, x1, Py_EQ),
           PyObject_RichCompareBool(x1, x3, Py_LT), PyObject_RichCompareBool(x3, x1, Py_GT),
           PyObject_RichCompareBool(x1, PyUnicode_FromString("abc"), Py_EQ));
    show("ba < 1", PyObject_RichCompare(x1, one, Py_LT));
    printf("hash: %ld\n", (long)PyObject_Hash(x1));
    show_err("hash");
    PyObject *it = PyObject_GetIter(x1);
    printf("iter type: %s items:", Py_TYPE(it)->tp_name);
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        printf(" %ld", PyLong_AsLong(item));
        Py_DECREF(item);
        if (PyByteArray_GET_SIZE(x1) == 3) PyObject_CallMethod(x1, "append", "i", 100);
    }
    printf("\n");
    Py_DECREF(it);
    show("repr", PyObject_Repr(BA("it's \"q\"\n\x01")));
    show("str", PyObject_Str(BA("s")));
    show("bytes(ba)", PyObject_Bytes(x1));
    show("type(b'').__getnewargs__", PyObject_CallMethod(x2, "__getnewargs__", NULL));
    show("__reduce__", PyObject_CallMethod(x1, "__reduce__", NULL));
    show("__reduce_ex__(2)", PyObject_CallMethod(x1, "__reduce_ex__", "i", 2));
    show("__reduce_ex__(4)", PyObject_CallMethod(x1, "__reduce_ex__", "i", 4));
    show("empty __reduce_ex__(2)", PyObject_CallMethod(empty_ba, "__reduce_ex__", "i", 2));
    show("empty __reduce_ex__(3)", PyObject_CallMethod(empty_ba, "__reduce_ex__", "i", 3));
    show("fromhex", PyObject_CallMethod((PyObject *)&PyByteArray_Type, "fromhex", "s", "41 42ff"));
    show("fromhex bad", PyObject_CallMethod((PyObject *)&PyByteArray_Type, "fromhex", "s", "4x"));

    /* subclass */
    PyObject *sub = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}", "Sub", &PyByteArray_Type);
    PyObject *si = PyObject_CallFunction(sub, "y", "sub");
    show("subclass repr", PyObject_Repr(si));
    PyObject_SetAttrString(si, "attr", one);
    show("subclass __reduce_ex__(4)", PyObject_CallMethod(si, "__reduce_ex__", "i", 4));
    show("subclass upper()", PyObject_CallMethod(si, "upper", NULL));
    printf("subclass Check: %d CheckExact: %d\n", PyByteArray_Check(si), PyByteArray_CheckExact(si));
    show("re-init", PyObject_CallMethod(si, "__init__", "i", 2));
    show("after re-init", PyObject_Repr(si));

    Py_DECREF(si); Py_DECREF(sub);
    Py_DECREF(a); Py_DECREF(e); Py_DECREF(bx); Py_DECREF(seven); Py_DECREF(one);
    Py_DECREF(b); Py_DECREF(m); Py_DECREF(c); Py_DECREF(p); Py_DECREF(x1); Py_DECREF(x2); Py_DECREF(x3);
    Py_DECREF(empty_ba);
    Py_FinalizeEx();
    return 0;
}
