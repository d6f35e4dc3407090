/* memoryview over bytes and bytearray: attributes, indexing and slicing, tobytes/hex/
 * tolist, equality and hashing, writing through writable views (items, slices, formats'
 * range and type errors), cast (formats, shapes and every error), toreadonly, release and
 * the context manager, exports blocking a bytearray's resize; the C-API: FromObject,
 * FromMemory, FromBuffer, GetContiguous, GET_BUFFER/GET_BASE. Expected: CPython 3.11. */
#define PY_SSIZE_T_CLEAN
#include "proto_util.h"

static PyObject *M(PyObject *o) { return PyMemoryView_FromObject(o); }

static void attrs(const char *label, PyObject *m)
{
    const char *names[] = {"format", "itemsize", "nbytes", "ndim", "shape", "strides", "suboffsets",
                           "readonly", "c_contiguous", "f_contiguous", "contiguous"};
    printf("%s:", label);
    for (int i = 0; i < 11; i++) {
        PyObject *v = PyObject_GetAttrString(m, names[i]);
        printf(" %s=", names[i]);
        if (v) {
            PyObject_Print(v, stdout, 0);
            Py_DECREF(v);
        } else {
            show_err("");
        }
    }
    printf("\n");
}

static PyObject *cast(PyObject *m, const char *fmt, PyObject *shape)
{
    PyObject *r = shape ? PyObject_CallMethod(m, "cast", "sO", fmt, shape) : PyObject_CallMethod(m, "cast", "s", fmt);
    Py_XDECREF(shape);
    return r;
}

static PyObject *sl(long a, long b, long c)
{
    PyObject *x = a == 999 ? Py_NewRef(Py_None) : PyLong_FromLong(a);
    PyObject *y = b == 999 ? Py_NewRef(Py_None) : PyLong_FromLong(b);
    PyObject *z = c == 999 ? Py_NewRef(Py_None) : PyLong_FromLong(c);
    PyObject *s = PySlice_New(x, y, z);
    Py_DECREF(x); Py_DECREF(y); Py_DECREF(z);
    return s;
}

static void setitem(const char *label, PyObject *m, PyObject *key, PyObject *v)
{
    int r = v ? PyObject_SetItem(m, key, v) : PyObject_DelItem(m, key);
    if (r < 0) show_err(label);
    else printf("%s: ok\n", label);
    Py_DECREF(key);
    Py_XDECREF(v);
}

int main(void)
{
    Py_Initialize();
    PyObject *b = PyBytes_FromString("abcdef");
    PyObject *m = M(b);
    printf("Check: %d, GET_BASE is b: %d, GET_BUFFER len %zd readonly %d ndim %d format %s\n",
           PyMemoryView_Check(m), PyMemoryView_GET_BASE(m) == b, PyMemoryView_GET_BUFFER(m)->len,
           PyMemoryView_GET_BUFFER(m)->readonly, PyMemoryView_GET_BUFFER(m)->ndim, PyMemoryView_GET_BUFFER(m)->format);
    attrs("m", m);
    show("obj is b", PyBool_FromLong(PyObject_GetAttrString(m, "obj") == b));
    Py_DECREF(b);  /* the borrow above */
    show_int("len", PyObject_Length(m));
    show("m[1]", PySequence_GetItem(m, 1));
    show("m[-1]", PyObject_GetItem(m, PyLong_FromLong(-1)));
    show("m[6]", PyObject_GetItem(m, PyLong_FromLong(6)));
    show("m['a']", PyObject_GetItem(m, PyUnicode_FromString("a")));
    PyObject *s1 = PyObject_GetItem(m, sl(1, 4, 999));
    attrs("m[1:4]", s1);
    show("m[1:4].tobytes()", PyObject_CallMethod(s1, "tobytes", NULL));
    PyObject *s2 = PyObject_GetItem(m, sl(999, 999, -2));
    attrs("m[::-2]", s2);
    show("m[::-2].tolist()", PyObject_CallMethod(s2, "tolist", NULL));
    show("bytes(m[::-2])", PyObject_Bytes(s2));
    show("m.tobytes('F')", PyObject_CallMethod(m, "tobytes", "s", "F"));
    show("m.tobytes('X')", PyObject_CallMethod(m, "tobytes", "s", "X"));
    show("m.tobytes(1)", PyObject_CallMethod(m, "tobytes", "i", 1));
    show("m.hex()", PyObject_CallMethod(m, "hex", NULL));
    show("m.hex(':', 2)", PyObject_CallMethod(m, "hex", "si", ":", 2));
    show("m[::-2].hex()", PyObject_CallMethod(s2, "hex", NULL));
    printf("hash(m) == hash(b'abcdef'): %d\n", PyObject_Hash(m) == PyObject_Hash(PyBytes_FromString("abcdef")));
    printf("m == b'abcdef': %d, m[::-2] == b'fdb': %d, m == bytearray: %d, m != m[1:4]: %d, m == 'abcdef': %d\n",
           PyObject_RichCompareBool(m, PyBytes_FromString("abcdef"), Py_EQ),
           PyObject_RichCompareBool(s2, PyBytes_FromString("fdb"), Py_EQ),
           PyObject_RichCompareBool(m, PyByteArray_FromStringAndSize("abcdef", 6), Py_EQ),
           PyObject_RichCompareBool(m, s1, Py_NE),
           PyObject_RichCompareBool(m, PyUnicode_FromString("abcdef"), Py_EQ));
    show("m < m", PyObject_RichCompare(m, m, Py_LT));
    show("memoryview(5)", M(PyLong_FromLong(5)));
    show("memoryview('a')", M(PyUnicode_FromString("a")));
    show("memoryview()", PyObject_CallNoArgs((PyObject *)&PyMemoryView_Type));
    setitem("m[0] = 1", m, PyLong_FromLong(0), PyLong_FromLong(1));
    show("m.toreadonly().readonly", PyObject_GetAttrString(PyObject_CallMethod(m, "toreadonly", NULL), "readonly"));

    /* casts */
    PyObject *h = cast(m, "H", NULL);
    attrs("cast('H')", h);
    show("cast('H').tolist()", PyObject_CallMethod(h, "tolist", NULL));
    show("cast('H') == cast('h')", PyObject_RichCompare(h, cast(m, "h", NULL), Py_EQ));
    show_int("hash(cast('H'))", PyObject_Hash(h));
    PyObject *g = cast(m, "B", Py_BuildValue("[ii]", 2, 3));
    attrs("cast('B', [2, 3])", g);
    show("tolist 2x3", PyObject_CallMethod(g, "tolist", NULL));
    show("tobytes('F') 2x3", PyObject_CallMethod(g, "tobytes", "s", "F"));
    show("g[1, 2]", PyObject_GetItem(g, Py_BuildValue("(ii)", 1, 2)));
    show("g[-1, -3]", PyObject_GetItem(g, Py_BuildValue("(ii)", -1, -3)));
    show("g[1, 5]", PyObject_GetItem(g, Py_BuildValue("(ii)", 1, 5)));
    show("g[1]", PySequence_GetItem(g, 1));
    show("g[1, 1, 1]", PyObject_GetItem(g, Py_BuildValue("(iii)", 1, 1, 1)));
    show("g[0:1, 0]", PyObject_GetItem(g, Py_BuildValue("(Ni)", sl(0, 1, 999), 0)));
    show("g[0:1, 0:1]", PyObject_GetItem(g, Py_BuildValue("(NN)", sl(0, 1, 999), sl(0, 1, 999))));
    show("g[0:1].shape", PyObject_GetAttrString(PyObject_GetItem(g, sl(0, 1, 999)), "shape"));
    show_int("len(g)", PyObject_Length(g));
    show("g == g.cast('c', [2, 3])", PyObject_RichCompare(g, cast(g, "c", NULL), Py_EQ));
    show("g.cast('B', [3, 2])", cast(g, "B", Py_BuildValue("[ii]", 3, 2)));
    show("g.cast('H', [3])", PyObject_CallMethod(cast(g, "H", Py_BuildValue("[i]", 3)), "tolist", NULL));
    PyObject *sc = cast(PyObject_GetItem(m, sl(0, 1, 999)), "B", PyTuple_New(0));
    attrs("0-dim", sc);
    show("0-dim tolist", PyObject_CallMethod(sc, "tolist", NULL));
    show("0-dim [()]", PyObject_GetItem(sc, PyTuple_New(0)));
    show("0-dim [...] is self", PyBool_FromLong(PyObject_GetItem(sc, Py_Ellipsis) == sc));
    show("0-dim [0]", PyObject_GetItem(sc, PyLong_FromLong(0)));
    show_int("0-dim len", PyObject_Length(sc));
    show("cast('x')", cast(m, "x", NULL));
    show("cast('e')", cast(m, "e", NULL));
    show("cast('<B')", cast(m, "<B", NULL));
    show("cast('@B')", PyObject_GetAttrString(cast(m, "@B", NULL), "format"));
    show("cast('I')", cast(m, "I", NULL));
    show("cast('H', [4])", cast(m, "H", Py_BuildValue("[i]", 4)));
    show("cast H -> h", cast(h, "h", NULL));
    show("cast 2-D -> 2-D", cast(g, "B", Py_BuildValue("(ii)", 3, 2)));
    show("cast non-contiguous", cast(s2, "B", NULL));
    show("cast shape 5", cast(m, "B", PyLong_FromLong(5)));
    show("cast shape [2.0]", cast(m, "B", Py_BuildValue("[d]", 2.0)));
    show("cast shape [0]", cast(m, "B", Py_BuildValue("[i]", 0)));
    show("cast shape [-1, -6]", cast(m, "B", Py_BuildValue("[ii]", -1, -6)));
    show("cast(2)", PyObject_CallMethod(m, "cast", "i", 2));
    show("cast()", PyObject_CallMethod(m, "cast", NULL));

    /* writable views */
    PyObject *ba = PyByteArray_FromStringAndSize("0123456789", 10);
    PyObject *w = M(ba);
    attrs("w", w);
    setitem("w[0] = 65", w, PyLong_FromLong(0), PyLong_FromLong(65));
    setitem("w[1:3] = b'XY'", w, sl(1, 3, 999), PyBytes_FromString("XY"));
    setitem("w[::3] = b'abcd'", w, sl(999, 999, 3), PyBytes_FromString("abcd"));
    setitem("w[0:2] = w[3:5]", w, sl(0, 2, 999), PyObject_GetItem(w, sl(3, 5, 999)));
    setitem("w[1:3] = b'abc'", w, sl(1, 3, 999), PyBytes_FromString("abc"));
    setitem("w[1:3] = cast('H')", w, sl(1, 3, 999), cast(PyMemoryView_FromObject(PyBytes_FromString("ab")), "H", NULL));
    setitem("w[0] = 256", w, PyLong_FromLong(0), PyLong_FromLong(256));
    setitem("w[0] = -1", w, PyLong_FromLong(0), PyLong_FromLong(-1));
    setitem("w[0] = 'a'", w, PyLong_FromLong(0), PyUnicode_FromString("a"));
    setitem("w[0] = 1.0", w, PyLong_FromLong(0), PyFloat_FromDouble(1.0));
    setitem("w[10] = 1", w, PyLong_FromLong(10), PyLong_FromLong(1));
    setitem("del w[0]", w, PyLong_FromLong(0), NULL);
    setitem("w['a'] = 1", w, PyUnicode_FromString("a"), PyLong_FromLong(1));
    show("ba", PyObject_Repr(ba));
    show_int("hash(w)", PyObject_Hash(w));
    PyObject *wi = cast(PyObject_GetItem(w, sl(0, 8, 999)), "i", NULL);
    setitem("wi[0] = 2**31", wi, PyLong_FromLong(0), PyLong_FromLongLong(1LL << 31));
    setitem("wi[1] = -7", wi, PyLong_FromLong(1), PyLong_FromLong(-7));
    setitem("wi[0] = 1.5", wi, PyLong_FromLong(0), PyFloat_FromDouble(1.5));
    show("wi.tolist()", PyObject_CallMethod(wi, "tolist", NULL));
    PyObject *wd = cast(PyObject_GetItem(w, sl(0, 8, 999)), "d", NULL);
    setitem("wd[0] = 2.5", wd, PyLong_FromLong(0), PyFloat_FromDouble(2.5));
    setitem("wd[0] = 3", wd, PyLong_FromLong(0), PyLong_FromLong(3));
    setitem("wd[0] = 'x'", wd, PyLong_FromLong(0), PyUnicode_FromString("x"));
    show("wd.tolist()", PyObject_CallMethod(wd, "tolist", NULL));
    PyObject *wf = cast(PyObject_GetItem(w, sl(0, 4, 999)), "f", NULL);
    setitem("wf[0] = 1e300", wf, PyLong_FromLong(0), PyFloat_FromDouble(1e300));
    setitem("wf[0] = 0.5", wf, PyLong_FromLong(0), PyFloat_FromDouble(0.5));
    show("wf.tolist()", PyObject_CallMethod(wf, "tolist", NULL));
    PyObject *wc = cast(w, "c", NULL);
    setitem("wc[0] = b'ab'", wc, PyLong_FromLong(0), PyBytes_FromString("ab"));
    setitem("wc[0] = 1", wc, PyLong_FromLong(0), PyLong_FromLong(1));
    setitem("wc[0] = b'z'", wc, PyLong_FromLong(0), PyBytes_FromString("z"));
    show("wc[0]", PySequence_GetItem(wc, 0));
    PyObject *wq = cast(w, "?", NULL);
    setitem("wq[1] = []", wq, PyLong_FromLong(1), PyList_New(0));
    show("wq[0:3].tolist()", PyObject_CallMethod(PyObject_GetItem(wq, sl(0, 3, 999)), "tolist", NULL));
    show("ba", PyObject_Repr(ba));
    setitem("ro[0] = 1", PyObject_CallMethod(w, "toreadonly", NULL), PyLong_FromLong(0), PyLong_FromLong(1));
    show("append while viewed", PyObject_CallMethod(ba, "append", "i", 1));

    /* release */
    Py_DECREF(wi); Py_DECREF(wd); Py_DECREF(wf); Py_DECREF(wc); Py_DECREF(wq);
    show("w.release()", PyObject_CallMethod(w, "release", NULL));
    show("append after release", PyObject_CallMethod(ba, "append", "i", 33));
    show("w[0]", PySequence_GetItem(w, 0));
    show("w.tobytes()", PyObject_CallMethod(w, "tobytes", NULL));
    show_int("len(w)", PyObject_Length(w));
    show("w.format", PyObject_GetAttrString(w, "format"));
    show("w.obj", PyObject_GetAttrString(w, "obj"));
    show("w.release() again", PyObject_CallMethod(w, "release", NULL));
    show("w == w", PyObject_RichCompare(w, w, Py_EQ));
    show("w == b''", PyObject_RichCompare(w, PyBytes_FromString(""), Py_EQ));
    PyObject *rep = PyObject_Repr(w);
    printf("repr starts: %.17s\n", ascii_text(rep));
    Py_DECREF(rep);
    show("hash(m) after release (cached)", PyBool_FromLong(PyObject_Hash(m) == PyObject_Hash(PyBytes_FromString("abcdef"))));
    PyObject *ba2 = PyByteArray_FromStringAndSize("fresh", 5);
    PyObject *w2 = M(ba2), *w3 = PyObject_GetItem(w2, sl(1, 999, 999));
    show("w2.release() with slice alive", PyObject_CallMethod(w2, "release", NULL));
    show("append while slice alive", PyObject_CallMethod(ba2, "append", "i", 1));
    Py_buffer view;
    int got = PyObject_GetBuffer(w3, &view, PyBUF_SIMPLE);
    printf("GetBuffer(w3): %d len %zd\n", got, view.len);
    show("w3.release() while exported", PyObject_CallMethod(w3, "release", NULL));
    PyBuffer_Release(&view);
    show("w3.release()", PyObject_CallMethod(w3, "release", NULL));
    show("append after all released", PyObject_CallMethod(ba2, "append", "i", 1));
    show("ba2", PyObject_Repr(ba2));
    Py_DECREF(ba2);
    PyObject *cm = M(ba);
    PyObject *entered = PyObject_CallMethod(cm, "__enter__", NULL);
    printf("__enter__ returns self: %d\n", entered == cm);
    Py_XDECREF(entered);
    show("__exit__", PyObject_CallMethod(cm, "__exit__", "OOO", Py_None, Py_None, Py_None));
    show("__enter__ released", PyObject_CallMethod(cm, "__enter__", NULL));

    /* C-API constructors */
    char raw[8] = "raw!mem";
    PyObject *fm = PyMemoryView_FromMemory(raw, 7, PyBUF_WRITE);
    attrs("FromMemory WRITE", fm);
    setitem("fm[0] = 82", fm, PyLong_FromLong(0), PyLong_FromLong(82));
    printf("raw: %s\n", raw);
    show("fm.obj", PyObject_GetAttrString(fm, "obj"));
    PyObject *fr = PyMemoryView_FromMemory(raw, 3, PyBUF_READ);
    attrs("FromMemory READ", fr);
    Py_buffer info;
    PyObject *src = PyBytes_FromString("info");
    PyObject_GetBuffer(src, &info, PyBUF_FULL_RO);
    PyObject *fb = PyMemoryView_FromBuffer(&info);
    attrs("FromBuffer", fb);
    show("FromBuffer obj", PyObject_GetAttrString(fb, "obj"));
    show("FromBuffer tobytes", PyObject_CallMethod(fb, "tobytes", NULL));
    Py_DECREF(fb);
    PyBuffer_Release(&info);
    Py_buffer nobuf = {0};
    show("FromBuffer(buf NULL)", PyMemoryView_FromBuffer(&nobuf));
    PyObject *gc1 = PyMemoryView_GetContiguous(src, PyBUF_READ, 'C');
    attrs("GetContiguous(bytes)", gc1);
    show("GetContiguous(bytes, WRITE)", PyMemoryView_GetContiguous(src, PyBUF_WRITE, 'C'));
    PyObject *gc2 = PyMemoryView_GetContiguous(s2, PyBUF_READ, 'C');
    attrs("GetContiguous(m[::-2])", gc2);
    show("GetContiguous(m[::-2]) tobytes", PyObject_CallMethod(gc2, "tobytes", NULL));
    show("GetContiguous(m[::-2]) obj type", PyObject_Type(PyObject_GetAttrString(gc2, "obj")));
    PyObject *wslice = PyObject_GetItem(M(ba), sl(999, 999, 2));
    show("GetContiguous(non-contiguous, WRITE)", PyMemoryView_GetContiguous(wslice, PyBUF_WRITE, 'C'));

    Py_DECREF(gc1); Py_DECREF(gc2); Py_DECREF(fm); Py_DECREF(fr); Py_DECREF(src);
    Py_DECREF(cm); Py_DECREF(w2); Py_DECREF(w3); Py_DECREF(w); Py_DECREF(ba); Py_DECREF(wslice);
    Py_DECREF(h); Py_DECREF(g); Py_DECREF(sc); Py_DECREF(s1); Py_DECREF(s2); Py_DECREF(m);
    Py_FinalizeEx();
    return 0;
}
