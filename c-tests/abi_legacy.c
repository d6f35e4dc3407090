/* Deprecated names of the stable ABI, each compared with CPython: the old buffer API
 * (PyObject_AsCharBuffer/AsReadBuffer/AsWriteBuffer/CheckReadBuffer), PyObject_AsFileDescriptor
 * and _PyLong_FileDescriptor_Converter, PyOS_FSPath, the file-system encoding globals and
 * Py_UTF8Mode (before, during and after the runtime's life), PyUnicode_GetDefaultEncoding,
 * PyUnicode_Translate with error handlers, PyUnicode_AsDecodedUnicode/AsEncodedUnicode
 * (str-to-str codecs and their type checks; CPython's decoder message names the input's
 * type, not the result's). Their DeprecationWarning is filtered out by the default filters
 * (no Python frame runs), so it is not visible here. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#define PY_SSIZE_T_CLEAN
#include "testutil.h"

static void show_globals(const char *when)
{
    printf("%s: fsencoding=%s fserrors=%s has=%d utf8mode=%d\n", when,
           Py_FileSystemDefaultEncoding ? Py_FileSystemDefaultEncoding : "NULL",
           Py_FileSystemDefaultEncodeErrors ? Py_FileSystemDefaultEncodeErrors : "NULL",
           Py_HasFileSystemDefaultEncoding, Py_UTF8Mode);
}

static PyObject *run(const char *code)
{
    PyObject *main = PyImport_AddModule("__main__");
    PyObject *d = PyModule_GetDict(main);
    PyObject *r = PyRun_String(code, Py_eval_input, d, d);
    if (r == NULL) {
        print_error_line();
    }
    return r;
}

static void char_buffer(const char *what, PyObject *o)
{
    const char *buf = NULL;
    Py_ssize_t len = -1;
    int r = PyObject_AsCharBuffer(o, &buf, &len);
    if (r < 0) {
        printf("AsCharBuffer %s: %d ", what, r);
        print_error_line();
        return;
    }
    printf("AsCharBuffer %s: %d len=%zd '%.*s'\n", what, r, len, (int)len, buf);
}

static void read_buffer(const char *what, PyObject *o)
{
    const void *buf = NULL;
    Py_ssize_t len = -1;
    int r = PyObject_AsReadBuffer(o, &buf, &len);
    if (r < 0) {
        printf("AsReadBuffer %s: %d ", what, r);
        print_error_line();
        return;
    }
    printf("AsReadBuffer %s: %d len=%zd first=%d\n", what, r, len, len ? ((const unsigned char *)buf)[0] : -1);
}

static void write_buffer(const char *what, PyObject *o)
{
    void *buf = NULL;
    Py_ssize_t len = -1;
    int r = PyObject_AsWriteBuffer(o, &buf, &len);
    if (r < 0) {
        printf("AsWriteBuffer %s: %d ", what, r);
        print_error_line();
        return;
    }
    if (len > 0)
        ((char *)buf)[0] = 'W';
    printf("AsWriteBuffer %s: %d len=%zd now ", what, r, len);
    if (PyMemoryView_Check(o))
        put(PyMemoryView_GET_BUFFER(o)->obj);
    else
        put(o);
    printf("\n");
}

static void buffers(void)
{
    PyObject *b = PyBytes_FromString("hello");
    PyObject *ba = PyByteArray_FromStringAndSize("world", 5);
    PyObject *empty = PyByteArray_FromStringAndSize("", 0);
    PyObject *mv = PyMemoryView_FromObject(ba);
    PyObject *ro = PyMemoryView_FromObject(b);
    PyObject *s = PyUnicode_FromString("text");
    PyObject *n = PyLong_FromLong(5);
    PyObject *objs[] = {b, ba, empty, mv, ro, s, n};
    const char *names[] = {"bytes", "bytearray", "empty bytearray", "memoryview(bytearray)", "memoryview(bytes)", "str", "int"};
    for (int i = 0; i < 7; i++) {
        char_buffer(names[i], objs[i]);
        read_buffer(names[i], objs[i]);
        printf("CheckReadBuffer %s: %d (error set: %d)\n", names[i], PyObject_CheckReadBuffer(objs[i]), PyErr_Occurred() != NULL);
    }
    for (int i = 0; i < 7; i++)
        write_buffer(names[i], objs[i]);
    const char *cbuf;
    Py_ssize_t len;
    char_buffer("NULL", NULL);
    printf("AsCharBuffer NULL len: %d ", PyObject_AsCharBuffer(b, &cbuf, NULL));
    print_error_line();
    void *wbuf;
    printf("AsWriteBuffer NULL buffer: %d ", PyObject_AsWriteBuffer(ba, NULL, &len));
    print_error_line();
    printf("AsWriteBuffer NULL object: %d ", PyObject_AsWriteBuffer(NULL, &wbuf, &len));
    print_error_line();
    /* A view that is still exported keeps the bytearray from resizing: the old API
     * releases its view at once, so resizing works afterwards. */
    PyObject_AsWriteBuffer(ba, &wbuf, &len);
    printf("resize after AsWriteBuffer: %d\n", PyByteArray_Resize(empty, 3));
    for (int i = 0; i < 7; i++)
        Py_DECREF(objs[i]);
}

static void fd(const char *what, PyObject *o)
{
    int r = PyObject_AsFileDescriptor(o);
    printf("AsFileDescriptor %s: %d", what, r);
    if (r == -1) {
        printf(" ");
        print_error_line();
    } else
        printf("\n");
    Py_XDECREF(o);
}

static void file_descriptors(void)
{
    PyObject *ignored = run("exec('''\nclass F:\n    def __init__(s, v): s.v = v\n    def fileno(s): return s.v\n"
                            "class G:\n    def fileno(s): raise OSError(9, \"no fileno\")\n''') or 0");
    Py_XDECREF(ignored);
    fd("3", PyLong_FromLong(3));
    fd("0", PyLong_FromLong(0));
    fd("-1", PyLong_FromLong(-1));
    fd("2**40", run("2**40"));
    fd("True", run("True"));
    fd("'x'", run("'x'"));
    fd("3.0", run("3.0"));
    fd("F(5)", run("F(5)"));
    fd("F('a')", run("F('a')"));
    fd("F(-2)", run("F(-2)"));
    fd("F(2**40)", run("F(2**40)"));
    fd("F(True)", run("F(True)"));
    fd("G()", run("G()"));
    int out = 77;
    PyObject *seven = PyLong_FromLong(7);
    int r = _PyLong_FileDescriptor_Converter(seven, &out);
    printf("converter 7: %d out=%d\n", r, out);
    PyObject *neg = PyLong_FromLong(-4);
    r = _PyLong_FileDescriptor_Converter(neg, &out);
    printf("converter -4: %d out=%d ", r, out);
    print_error_line();
    /* The converter as an O& unit, the way termios and fcntl parse their fd argument. */
    PyObject *args = Py_BuildValue("(O)", seven);
    int parsed = -1;
    r = PyArg_ParseTuple(args, "O&:tcgetattr", _PyLong_FileDescriptor_Converter, &parsed);
    printf("ParseTuple O& 7: %d fd=%d\n", r, parsed);
    Py_DECREF(args);
    args = Py_BuildValue("(s)", "nope");
    r = PyArg_ParseTuple(args, "O&:tcgetattr", _PyLong_FileDescriptor_Converter, &parsed);
    printf("ParseTuple O& 'nope': %d ", r);
    print_error_line();
    Py_DECREF(args);
    Py_DECREF(seven);
    Py_DECREF(neg);
}

static void fspath(const char *what, PyObject *o)
{
    printf("FSPath %s: ", what);
    PyObject *r = PyOS_FSPath(o);
    if (r == NULL) {
        print_error_line();
    } else {
        put(r);
        printf(" same=%d\n", r == o);
        Py_DECREF(r);
    }
    Py_XDECREF(o);
}

static void fspaths(void)
{
    PyObject *ignored = run("exec('''\nclass P:\n    def __init__(s, v): s.v = v\n    def __fspath__(s): return s.v\n"
                            "class Sub(str):\n    def __fspath__(s): return 'not used'\n"
                            "class Raises:\n    def __fspath__(s): raise ValueError('bad path')\n''') or 0");
    Py_XDECREF(ignored);
    fspath("str", PyUnicode_FromString("/a/b"));
    fspath("bytes", PyBytes_FromString("/c"));
    fspath("P('/x')", run("P('/x')"));
    fspath("P(b'/y')", run("P(b'/y')"));
    fspath("P(3)", run("P(3)"));
    fspath("P(bytearray())", run("P(bytearray())"));
    fspath("Sub('s')", run("Sub('s')"));
    fspath("Raises()", run("Raises()"));
    fspath("int", PyLong_FromLong(3));
    fspath("bytearray", PyByteArray_FromStringAndSize("z", 1));
    fspath("None", Py_NewRef(Py_None));
}

static PyObject *swap_codec(PyObject *self, PyObject *args)
{
    PyObject *s;
    const char *errors = NULL;
    if (!PyArg_ParseTuple(args, "O|z", &s, &errors))
        return NULL;
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError, "swap wants str, got %s", Py_TYPE(s)->tp_name);
        return NULL;
    }
    PyObject *r = PyObject_CallMethod(s, "swapcase", NULL);
    if (r == NULL)
        return NULL;
    return Py_BuildValue("(Nn)", r, PyUnicode_GET_LENGTH(s));
}

static PyObject *int_codec(PyObject *self, PyObject *args)
{
    return Py_BuildValue("(ii)", 42, 0);
}

static PyMethodDef swap_def = {"swap", swap_codec, METH_VARARGS, NULL};
static PyMethodDef int_def = {"to_int", int_codec, METH_VARARGS, NULL};

static PyObject *search(PyObject *self, PyObject *name)
{
    const char *n = PyUnicode_AsUTF8(name);
    if (n == NULL)
        return NULL;
    if (strcmp(n, "swaptest") == 0 || strcmp(n, "inttest") == 0) {
        PyObject *f = PyCFunction_New(strcmp(n, "swaptest") == 0 ? &swap_def : &int_def, NULL);
        return Py_BuildValue("(NOOO)", f, f, Py_None, Py_None);
    }
    Py_RETURN_NONE;
}

static PyMethodDef search_def = {"search", search, METH_O, NULL};

static void coded(const char *what, PyObject *r)
{
    printf("%s: ", what);
    if (r == NULL) {
        print_error_line();
        return;
    }
    put(r);
    printf("\n");
    Py_DECREF(r);
}

static void codecs(void)
{
    printf("default encoding: %s\n", PyUnicode_GetDefaultEncoding());
    PyObject *f = PyCFunction_New(&search_def, NULL);
    printf("register: %d\n", PyCodec_Register(f));
    Py_DECREF(f);
    PyObject *s = PyUnicode_FromString("Hello W\xc3\xa9");
    PyObject *b = PyBytes_FromString("abc");
    coded("decoded swaptest", PyUnicode_AsDecodedUnicode(s, "swaptest", NULL));
    coded("encoded swaptest", PyUnicode_AsEncodedUnicode(s, "swaptest", "strict"));
    coded("decoded inttest", PyUnicode_AsDecodedUnicode(s, "inttest", NULL));
    coded("encoded inttest", PyUnicode_AsEncodedUnicode(s, "inttest", NULL));
    coded("encoded utf-8", PyUnicode_AsEncodedUnicode(s, "utf-8", NULL));
    coded("encoded NULL encoding", PyUnicode_AsEncodedUnicode(s, NULL, NULL));
    coded("decoded unknown", PyUnicode_AsDecodedUnicode(s, "no-such-codec", NULL));
    coded("decoded bytes", PyUnicode_AsDecodedUnicode(b, "swaptest", NULL));
    coded("encoded bytes", PyUnicode_AsEncodedUnicode(b, "swaptest", NULL));
    Py_DECREF(s);
    Py_DECREF(b);
}

static void translate(const char *what, const char *text, const char *table, const char *errors)
{
    PyObject *s = PyUnicode_FromString(text);
    PyObject *t = run(table);
    printf("Translate %s: ", what);
    if (t == NULL) return;
    PyObject *r = PyUnicode_Translate(s, t, errors);
    if (r == NULL) {
        PyObject *v = fetch_value();
        printf("%s: ", Py_TYPE(v)->tp_name);
        PyObject *m = PyObject_Str(v);
        print_text(m);
        Py_DECREF(m);
        if (PyObject_IsInstance(v, PyExc_UnicodeTranslateError) == 1) {
            Py_ssize_t start, end;
            PyUnicodeTranslateError_GetStart(v, &start);
            PyUnicodeTranslateError_GetEnd(v, &end);
            printf(" [%zd:%zd]", start, end);
        }
        printf("\n");
        Py_DECREF(v);
    } else {
        put(r);
        printf("\n");
        Py_DECREF(r);
    }
    Py_DECREF(s);
    Py_DECREF(t);
}

static PyObject *marker_handler(PyObject *self, PyObject *exc)
{
    Py_ssize_t start, end;
    if (PyUnicodeTranslateError_GetStart(exc, &start) < 0 || PyUnicodeTranslateError_GetEnd(exc, &end) < 0)
        return NULL;
    return Py_BuildValue("(Nn)", PyUnicode_FromFormat("<%zd-%zd>", start, end), end);
}

static PyObject *bad_handler(PyObject *self, PyObject *exc)
{
    return PyLong_FromLong(3);
}

static PyObject *far_handler(PyObject *self, PyObject *exc)
{
    return Py_BuildValue("(si)", "X", 100);
}

static PyObject *skip_handler(PyObject *self, PyObject *exc)
{
    return Py_BuildValue("(si)", "", -1);
}

static PyMethodDef handler_defs[] = {
    {"marker", marker_handler, METH_O, NULL},
    {"bad", bad_handler, METH_O, NULL},
    {"far", far_handler, METH_O, NULL},
    {"skip", skip_handler, METH_O, NULL},
};

static void translations(void)
{
    for (int i = 0; i < 4; i++) {
        PyObject *f = PyCFunction_New(&handler_defs[i], NULL);
        PyCodec_RegisterError(handler_defs[i].ml_name, f);
        Py_DECREF(f);
    }
    translate("strict", "abcab", "{97: None}", "strict");
    translate("NULL errors", "abcab", "{97: None}", NULL);
    translate("run strict", "baacda", "{97: None, 100: None}", "strict");
    translate("ignore", "baacda", "{97: None, 100: None}", "ignore");
    translate("replace", "baacda", "{97: None, 100: None}", "replace");
    translate("backslashreplace", "ba\xc3\xa9", "{97: None, 0xe9: None}", "backslashreplace");
    translate("xmlcharrefreplace", "ab", "{97: None}", "xmlcharrefreplace");
    translate("surrogateescape", "ab", "{97: None}", "surrogateescape");
    translate("marker", "baacda", "{97: None, 100: None}", "marker");
    translate("bad", "baacda", "{97: None}", "bad");
    translate("far", "baacda", "{97: None}", "far");
    translate("skip to last", "baacd", "{97: None}", "skip");
    translate("unknown handler", "abc", "{97: None}", "no-such-handler");
    translate("unknown handler unused", "abc", "{}", "no-such-handler");
    translate("mapping", "abcab", "{97: 'xy', 98: 0x1F600}", "strict");
    translate("list table", "abc", "['A', None]", "strict");
    translate("list table ignore", "\x01\x00x", "['A', None]", "ignore");
    translate("bad mapping value", "abc", "{97: 2.5}", "strict");
    translate("out of range", "abc", "{97: 0x110000}", "strict");
    translate("non-ascii", "\xe2\x82\xac\xc3\xa9" "e", "{0x20ac: 'E', 0xe9: None}", "replace");
    PyObject *b = PyBytes_FromString("abc");
    PyObject *t = PyDict_New();
    printf("Translate bytes: ");
    PyObject *r = PyUnicode_Translate(b, t, NULL);
    if (r == NULL) print_error_line(); else { put(r); printf("\n"); Py_DECREF(r); }
    Py_DECREF(b);
    Py_DECREF(t);
}

int main(void)
{
    show_globals("before init");
    Py_Initialize();
    show_globals("initialized");
    PyObject *flags = run("__import__('sys').flags.utf8_mode");
    printf("sys.flags.utf8_mode matches: %d\n", flags && PyLong_AsLong(flags) == Py_UTF8Mode);
    Py_XDECREF(flags);
    printf("hook is NULL: %d\n", PyOS_InputHook == NULL);
    buffers();
    file_descriptors();
    fspaths();
    codecs();
    translations();
    Py_Finalize();
    show_globals("finalized");
    return 0;
}
