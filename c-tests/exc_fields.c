/* Exceptions created from argument tuples (PyErr_SetObject(type, tuple) + normalize):
 * the fields and strs of SyntaxError, OSError, StopIteration, SystemExit, KeyError,
 * Unicode{Encode,Translate}Error with the PyUnicode*Error_* accessors, and the argument
 * errors of their constructors. Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>
#include <unistd.h>

/* A str as UTF-8. */
static void put_text(PyObject *s)
{
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(s); i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
        if (c < 0x80) putchar((int)c);
        else if (c < 0x800) printf("%c%c", 0xc0 | (c >> 6), 0x80 | (c & 0x3f));
        else if (c < 0x10000) printf("%c%c%c", 0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
        else printf("%c%c%c%c", 0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    }
}

static void put(PyObject *o)
{
    if (o == NULL) { printf("NULL"); return; }
    PyObject *s = PyObject_Repr(o);
    if (s == NULL) { PyErr_Clear(); printf("<repr failed>"); return; }
    put_text(s);
    Py_DECREF(s);
}

static void put_str(PyObject *o)
{
    PyObject *s = PyObject_Str(o);
    if (s == NULL) { PyErr_Clear(); printf("<str failed>"); return; }
    put_text(s);
    Py_DECREF(s);
}

static PyObject *make(const char *label, PyObject *type, PyObject *args)
{
    PyErr_SetObject(type, args);
    Py_XDECREF(args);
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    printf("%s: %s str=[", label, ((PyTypeObject *)t)->tp_name);
    put_str(v);
    printf("] repr=[");
    put(v);
    printf("]\n");
    Py_XDECREF(t);
    Py_XDECREF(tb);
    return v;
}

static PyObject *S(const char *s) { return PyUnicode_FromString(s); }

static void show_error(const char *label)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    printf("  %s: %s: ", label, t ? ((PyTypeObject *)t)->tp_name : "no error");
    if (v) put_str(v);
    printf("\n");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

int main(void)
{
    Py_Initialize();
    PyObject *v;

    printf("== SyntaxError\n");
    v = make("full", PyExc_SyntaxError,
             PyTuple_Pack(2, S("invalid syntax"), PyTuple_Pack(6, S("/tmp/dir/file.py"), Py_None, Py_None, S("x = = 1"), Py_None, Py_None)));
    {
        PySyntaxErrorObject *se = (PySyntaxErrorObject *)v;
        printf("  msg="); put(se->msg); printf(" filename="); put(se->filename); printf(" text="); put(se->text);
        printf(" lineno="); put(se->lineno); printf(" end_offset="); put(se->end_offset);
        printf(" print_file_and_line="); put(se->print_file_and_line);
        printf(" args="); put(((PyBaseExceptionObject *)v)->args); printf("\n");
    }
    Py_DECREF(v);
    v = make("four", PyExc_IndentationError, PyTuple_Pack(2, S("m"), PyTuple_Pack(4, S("a/"), Py_None, Py_None, Py_None)));
    printf("  end_lineno="); put(((PySyntaxErrorObject *)v)->end_lineno); printf("\n");
    Py_DECREF(v);
    Py_XDECREF(make("no file", PyExc_SyntaxError, PyTuple_Pack(2, S("m"), PyTuple_Pack(4, Py_None, Py_None, Py_None, Py_None))));
    Py_XDECREF(make("msg None", PyExc_SyntaxError, PyTuple_Pack(2, Py_None, PyTuple_Pack(4, S("f"), Py_None, Py_None, Py_None))));
    Py_XDECREF(make("three args", PyExc_SyntaxError, PyTuple_Pack(3, S("a"), S("b"), S("c"))));
    Py_XDECREF(make("info tuple subclass-free list", PyExc_SyntaxError,
                    PyTuple_Pack(2, S("m"), PyTuple_GetSlice(PyTuple_Pack(5, S("f"), Py_None, Py_None, S("t"), Py_None), 0, 4))));
    Py_XDECREF(make("info too short", PyExc_SyntaxError, PyTuple_Pack(2, S("m"), PyTuple_Pack(2, S("f"), Py_None))));
    Py_XDECREF(make("info too long", PyExc_SyntaxError,
                    PyTuple_Pack(2, S("m"), PyTuple_Pack(7, S("f"), Py_None, Py_None, Py_None, Py_None, Py_None, Py_None))));
    Py_XDECREF(make("info not iterable", PyExc_TabError, PyTuple_Pack(2, S("m"), Py_None)));

    printf("== OSError\n");
    Py_XDECREF(make("two strs", PyExc_OSError, PyTuple_Pack(2, S("E"), S("message"))));
    v = make("with file", PyExc_OSError, PyTuple_Pack(3, S("E"), S("message"), S("name.txt")));
    {
        PyOSErrorObject *o = (PyOSErrorObject *)v;
        printf("  errno="); put(o->myerrno); printf(" strerror="); put(o->strerror); printf(" filename=");
        put(o->filename); printf(" filename2="); put(o->filename2); printf(" args="); put(o->args); printf("\n");
    }
    Py_DECREF(v);
    Py_XDECREF(make("file None, file2", PyExc_OSError, PyTuple_Pack(5, S("E"), S("m"), Py_None, Py_None, S("two"))));
    Py_XDECREF(make("both files", PyExc_FileNotFoundError, PyTuple_Pack(5, S("E"), S("m"), S("one"), Py_None, S("two"))));
    Py_XDECREF(make("six args", PyExc_OSError, PyTuple_Pack(6, S("a"), S("b"), S("c"), S("d"), S("e"), S("f"))));
    Py_XDECREF(make("one arg", PyExc_ConnectionError, PyTuple_Pack(1, S("just this"))));
    Py_XDECREF(make("BlockingIOError file", PyExc_BlockingIOError, PyTuple_Pack(3, S("E"), S("m"), S("f"))));

    printf("== StopIteration, SystemExit, KeyError, ImportError\n");
    v = make("StopIteration", PyExc_StopIteration, PyTuple_Pack(2, S("a"), S("b")));
    printf("  value="); put(((PyStopIterationObject *)v)->value); printf("\n");
    Py_DECREF(v);
    v = make("StopIteration()", PyExc_StopIteration, NULL);
    printf("  value="); put(((PyStopIterationObject *)v)->value); printf("\n");
    Py_DECREF(v);
    v = make("SystemExit()", PyExc_SystemExit, PyTuple_New(0));
    printf("  code="); put(((PySystemExitObject *)v)->code); printf("\n");
    Py_DECREF(v);
    v = make("SystemExit(a, b)", PyExc_SystemExit, PyTuple_Pack(2, S("a"), S("b")));
    printf("  code="); put(((PySystemExitObject *)v)->code); printf("\n");
    Py_DECREF(v);
    Py_XDECREF(make("KeyError tuple key", PyExc_KeyError, PyTuple_Pack(1, PyTuple_Pack(2, S("a"), Py_None))));
    Py_XDECREF(make("KeyError two", PyExc_KeyError, PyTuple_Pack(2, S("a"), Py_True)));
    v = make("ImportError two", PyExc_ImportError, PyTuple_Pack(2, S("a"), S("b")));
    printf("  msg="); put(((PyImportErrorObject *)v)->msg); printf(" name="); put(((PyImportErrorObject *)v)->name); printf("\n");
    Py_DECREF(v);
    Py_XDECREF(make("ImportError non-str msg", PyExc_ImportError, PyTuple_Pack(1, Py_None)));
    v = make("AttributeError", PyExc_AttributeError, PyTuple_Pack(1, S("no attr")));
    printf("  name="); put(((PyAttributeErrorObject *)v)->name); printf(" obj="); put(((PyAttributeErrorObject *)v)->obj); printf("\n");
    Py_DECREF(v);
    Py_XDECREF(make("ValueError tuple", PyExc_ValueError, PyTuple_Pack(3, S("x"), Py_None, PyTuple_New(0))));

    printf("== UnicodeEncodeError, UnicodeTranslateError\n");
    v = make("encode one", PyExc_UnicodeEncodeError,
             PyTuple_Pack(5, S("ascii"), S("\xc3\xa9t\xc3\xa9"), Py_False, Py_True, S("ordinal not in range(128)")));
    {
        Py_ssize_t start = -5, end = -5;
        PyObject *enc = PyUnicodeEncodeError_GetEncoding(v), *obj = PyUnicodeEncodeError_GetObject(v);
        PyObject *reason = PyUnicodeEncodeError_GetReason(v);
        printf("  encoding="); put(enc); printf(" object="); put(obj); printf(" reason="); put(reason);
        printf(" start rc=%d", PyUnicodeEncodeError_GetStart(v, &start));
        printf(" %zd end rc=%d", start, PyUnicodeEncodeError_GetEnd(v, &end));
        printf(" %zd\n", end);
        Py_XDECREF(enc); Py_XDECREF(obj); Py_XDECREF(reason);
        printf("  SetStart(1)=%d SetEnd(3)=%d SetReason=%d\n", PyUnicodeEncodeError_SetStart(v, 1),
               PyUnicodeEncodeError_SetEnd(v, 3), PyUnicodeEncodeError_SetReason(v, "new reason"));
        printf("  str="); put_str(v); printf("\n");
        PyUnicodeEncodeError_SetStart(v, -4);
        PyUnicodeEncodeError_SetEnd(v, 100);
        PyUnicodeEncodeError_GetStart(v, &start);
        PyUnicodeEncodeError_GetEnd(v, &end);
        printf("  clamped start %zd end %zd raw start %zd end %zd\n", start, end,
               ((PyUnicodeErrorObject *)v)->start, ((PyUnicodeErrorObject *)v)->end);
        printf("  str="); put_str(v); printf("\n");
        PyUnicodeEncodeError_SetStart(v, 10);
        PyUnicodeEncodeError_SetEnd(v, 0);
        PyUnicodeEncodeError_GetStart(v, &start);
        PyUnicodeEncodeError_GetEnd(v, &end);
        printf("  clamped start %zd end %zd\n", start, end);
    }
    Py_DECREF(v);
    Py_XDECREF(make("encode astral", PyExc_UnicodeEncodeError,
                    PyTuple_Pack(5, S("latin-1"), S("\xf0\x9f\x98\x80"), Py_False, Py_True, S("r"))));
    Py_XDECREF(make("encode bmp", PyExc_UnicodeEncodeError,
                    PyTuple_Pack(5, S("cp1252"), S("\xe2\x82\xac"), Py_False, Py_True, S("r"))));
    v = make("translate", PyExc_UnicodeTranslateError, PyTuple_Pack(4, S("\xc3\xa9"), Py_False, Py_True, S("no map")));
    {
        PyObject *obj = PyUnicodeTranslateError_GetObject(v), *reason = PyUnicodeTranslateError_GetReason(v);
        printf("  object="); put(obj); printf(" reason="); put(reason);
        printf(" encoding field="); put(((PyUnicodeErrorObject *)v)->encoding); printf("\n");
        Py_XDECREF(obj); Py_XDECREF(reason);
        PyUnicodeTranslateError_SetEnd(v, 5);
        printf("  str="); put_str(v); printf("\n");
    }
    Py_DECREF(v);
    Py_XDECREF(make("encode 1 arg", PyExc_UnicodeEncodeError, PyTuple_Pack(1, S("x"))));
    Py_XDECREF(make("encode bad encoding", PyExc_UnicodeEncodeError,
                    PyTuple_Pack(5, Py_None, S("x"), Py_False, Py_True, S("r"))));
    Py_XDECREF(make("encode bad start", PyExc_UnicodeEncodeError,
                    PyTuple_Pack(5, S("e"), S("x"), S("0"), Py_True, S("r"))));
    Py_XDECREF(make("encode bad reason", PyExc_UnicodeEncodeError,
                    PyTuple_Pack(5, S("e"), S("x"), Py_False, Py_True, Py_None)));
    Py_XDECREF(make("translate 5 args", PyExc_UnicodeTranslateError,
                    PyTuple_Pack(5, S("e"), S("x"), Py_False, Py_True, S("r"))));
    Py_XDECREF(make("decode str object", PyExc_UnicodeDecodeError,
                    PyTuple_Pack(5, S("utf-8"), S("x"), Py_False, Py_True, S("r"))));

    printf("== accessor errors\n");
    v = make("translate for errors", PyExc_UnicodeTranslateError, PyTuple_Pack(4, S("abc"), Py_False, Py_True, S("r")));
    {
        Py_ssize_t n;
        PyObject *r = PyUnicodeEncodeError_GetEncoding(v);
        printf("  GetEncoding -> %s\n", r ? "obj" : "NULL");
        show_error("GetEncoding");
        r = PyUnicodeDecodeError_GetObject(v);
        printf("  Decode GetObject -> %s\n", r ? "obj" : "NULL");
        show_error("GetObject");
        printf("  Decode GetStart -> %d\n", PyUnicodeDecodeError_GetStart(v, &n));
        show_error("GetStart");
        printf("  Decode GetEnd -> %d\n", PyUnicodeDecodeError_GetEnd(v, &n));
        show_error("GetEnd");
    }
    Py_DECREF(v);

    printf("== PyErr_SyntaxLocation*, PyErr_ProgramText\n");
    {
        char path[64];
        snprintf(path, sizeof path, "/tmp/ferropy_exc_fields_%d.py", (int)getpid());
        FILE *f = fopen(path, "w");
        fputs("line one\n    line two \xc3\xa9\nthird", f);
        fclose(f);
        PyErr_SetString(PyExc_SyntaxError, "bad");
        PyErr_SyntaxLocationEx(path, 2, 5);
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        PySyntaxErrorObject *se = (PySyntaxErrorObject *)v;
        printf("Ex: type %s lineno=", ((PyTypeObject *)t)->tp_name); put(se->lineno);
        printf(" offset="); put(se->offset); printf(" end_lineno="); put(se->end_lineno);
        printf(" end_offset="); put(se->end_offset); printf(" text="); put(se->text);
        printf(" msg="); put(se->msg); printf(" filename is str: %d\n", se->filename && PyUnicode_Check(se->filename));
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);

        PyErr_SetString(PyExc_IndentationError, "indent");
        PyErr_SyntaxLocation(path, 3);
        PyErr_Fetch(&t, &v, &tb);
        se = (PySyntaxErrorObject *)v;
        printf("plain: type %s lineno=", ((PyTypeObject *)t)->tp_name); put(se->lineno);
        printf(" offset="); put(se->offset); printf(" text="); put(se->text); printf(" msg="); put(se->msg);
        printf(" pfl="); put(se->print_file_and_line); printf("\n");
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);

        PyObject *name = S(path);
        PyErr_SetString(PyExc_SyntaxError, "ranged");
        PyErr_RangedSyntaxLocationObject(name, 1, 2, 4, 6);
        PyErr_Fetch(&t, &v, &tb);
        se = (PySyntaxErrorObject *)v;
        printf("ranged: lineno="); put(se->lineno); printf(" offset="); put(se->offset);
        printf(" end_lineno="); put(se->end_lineno); printf(" end_offset="); put(se->end_offset);
        printf(" text="); put(se->text); printf("\n");
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);

        PyErr_SetString(PyExc_SyntaxError, "no such line");
        PyErr_SyntaxLocationObject(name, 10, 0);
        PyErr_Fetch(&t, &v, &tb);
        se = (PySyntaxErrorObject *)v;
        printf("line 10: lineno="); put(se->lineno); printf(" offset="); put(se->offset);
        printf(" text="); put(se->text); printf("\n");
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);

        PyErr_SetString(PyExc_ValueError, "not a syntax error");
        PyErr_SyntaxLocation(path, 1);
        PyErr_Fetch(&t, &v, &tb);
        printf("ValueError: type %s str=", ((PyTypeObject *)t)->tp_name); put_str(v);
        printf(" has dict: %d\n", ((PyBaseExceptionObject *)v)->dict != NULL);
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);

        PyObject *line = PyErr_ProgramText(path, 2);
        printf("ProgramText(2)="); put(line); printf("\n");
        Py_XDECREF(line);
        line = PyErr_ProgramText(path, 3);
        printf("ProgramText(3)="); put(line); printf("\n");
        Py_XDECREF(line);
        line = PyErr_ProgramText(path, 4);
        printf("ProgramText(4)="); put(line); printf(" occurred %p\n", (void *)PyErr_Occurred());
        Py_XDECREF(line);
        line = PyErr_ProgramTextObject(name, 1);
        printf("ProgramTextObject(1)="); put(line); printf("\n");
        Py_XDECREF(line);
        line = PyErr_ProgramText("/nonexistent/file.py", 1);
        printf("missing file="); put(line); printf(" occurred %p\n", (void *)PyErr_Occurred());
        Py_XDECREF(line);
        Py_DECREF(name);
        remove(path);
    }

    Py_FinalizeEx();
    printf("done\n");
    return 0;
}
