/* Argument parsing beyond single units: PyArg_ParseTuple's counts and messages (":name",
 * ";message"), PyArg_ParseTupleAndKeywords (optional '|', keyword-only '$', positional-only
 * empty names, every keyword error), nested groups "(...)", O& converters with
 * Py_CLEANUP_SUPPORTED (calls counted: cleaned up when a later unit fails), s* buffers
 * released on failure (reference counts), PyArg_Parse, PyArg_VaParse(TupleAndKeywords),
 * format errors (SystemError), and the Argument Clinic API: _PyArg_ParseTupleAndKeywordsFast,
 * _PyArg_ParseStack, _PyArg_ParseStackAndKeywords, _PyArg_UnpackKeywords, _PyArg_UnpackStack.
 * Expected output: CPython 3.11's, in the same run. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdarg.h>
#include "testutil.h"

static void show_objects(int r, PyObject **o, int n)
{
    if (!r) {
        if (PyErr_Occurred())
            print_error_line();
        else
            printf("FAILED WITHOUT AN EXCEPTION\n");
        return;
    }
    if (PyErr_Occurred())
        printf("SUCCESS WITH AN EXCEPTION SET ");
    printf("ok");
    for (int i = 0; i < n; i++) {
        printf(" ");
        if (o[i])
            put(o[i]);
        else
            printf("-");
    }
    printf("\n");
}

/* A tuple of ints from "1,2,3" ("" is the empty tuple). */
static PyObject *int_tuple(const char *spec)
{
    PyObject *t = PyTuple_New(0);
    for (const char *p = spec; *p; ) {
        long v = strtol(p, (char **)&p, 10);
        PyObject *item = PyLong_FromLong(v);
        PyObject *one = PyTuple_Pack(1, item);
        PyObject *joined = PySequence_Concat(t, one);
        Py_DECREF(item); Py_DECREF(one); Py_DECREF(t);
        t = joined;
        if (*p == ',')
            p++;
    }
    return t;
}

/* A dict from "a=1,b=2" (a key of digits is an int key); NULL for NULL. */
static PyObject *int_dict(const char *spec)
{
    if (spec == NULL)
        return NULL;
    PyObject *d = PyDict_New();
    char key[16];
    for (const char *p = spec; *p; ) {
        size_t n = strcspn(p, "=");
        snprintf(key, sizeof key, "%.*s", (int)n, p);
        p += n + 1;
        PyObject *v = PyLong_FromLong(strtol(p, (char **)&p, 10));
        PyObject *k = key[0] >= '0' && key[0] <= '9' ? PyLong_FromLong(atol(key)) : PyUnicode_FromString(key);
        PyDict_SetItem(d, k, v);
        Py_DECREF(k); Py_DECREF(v);
        if (*p == ',')
            p++;
    }
    return d;
}

/* PyArg_ParseTupleAndKeywords with up to 4 'O' units. */
static void kw(const char *args_spec, const char *kwargs_spec, const char *format, char **kwlist)
{
    PyObject *args = int_tuple(args_spec);
    PyObject *kwargs = int_dict(kwargs_spec);
    PyObject *o[4] = {NULL, NULL, NULL, NULL};
    printf("%-12s %-18s %-10s ", args_spec, kwargs_spec ? kwargs_spec : "NULL", format);
    int r = PyArg_ParseTupleAndKeywords(args, kwargs, format, kwlist, &o[0], &o[1], &o[2], &o[3]);
    show_objects(r, o, 4);
    Py_DECREF(args);
    Py_XDECREF(kwargs);
}

/* PyArg_ParseTuple with up to 4 'O' units. */
static void pt(const char *args_spec, const char *format)
{
    PyObject *args = int_tuple(args_spec);
    PyObject *o[4] = {NULL, NULL, NULL, NULL};
    printf("%-16s %-14s ", args_spec, format);
    int r = PyArg_ParseTuple(args, format, &o[0], &o[1], &o[2], &o[3]);
    show_objects(r, o, 4);
    Py_DECREF(args);
}

static int converted, cleaned;

/* An O& converter: accepts ints, keeps a new reference, and frees it when called with NULL. */
static int int_converter(PyObject *o, void *addr)
{
    PyObject **out = addr;
    if (o == NULL) {
        cleaned++;
        Py_CLEAR(*out);
        return 1;
    }
    if (!PyLong_Check(o)) {
        PyErr_SetString(PyExc_ValueError, "int_converter wants an int");
        return 0;
    }
    converted++;
    *out = Py_NewRef(o);
    return Py_CLEANUP_SUPPORTED;
}

/* An O& converter without cleanup: stores the object's size. */
static int size_converter(PyObject *o, void *addr)
{
    Py_ssize_t n = PyObject_Size(o);
    if (n < 0)
        return 0;
    *(Py_ssize_t *)addr = n;
    return 1;
}

static int va_parse(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = PyArg_VaParse(args, format, va);
    va_end(va);
    return r;
}

static int va_parse_kw(PyObject *args, PyObject *kwargs, const char *format, char **kwlist, ...)
{
    va_list va;
    va_start(va, kwlist);
    int r = PyArg_VaParseTupleAndKeywords(args, kwargs, format, kwlist, va);
    va_end(va);
    return r;
}

static const char *const clinic_keywords[] = {"", "b", "c", NULL};

static void unpack(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, _PyArg_Parser *parser, int minpos,
                   int maxpos, int minkw, const char *what)
{
    PyObject *buf[3] = {NULL, NULL, NULL};
    printf("%-36s ", what);
    PyObject *const *r = _PyArg_UnpackKeywords(args, nargs, NULL, kwnames, parser, minpos, maxpos, minkw, buf);
    if (r == NULL) {
        print_error_line();
        return;
    }
    printf("%s", r == args ? "args itself:" : "buffer:");
    Py_ssize_t n = r == args ? nargs : 3;
    for (Py_ssize_t i = 0; i < n; i++) {
        printf(" ");
        if (r[i])
            put(r[i]);
        else
            printf("-");
    }
    printf("\n");
}

int main(void)
{
    Py_Initialize();

    printf("-- PyArg_ParseTuple counts\n");
    pt("", "O");
    pt("1", "OO");
    pt("1", "OO:f");
    pt("1,2,3", "OO:f");
    pt("1,2,3", "O|O:f");
    pt("", "O|O:f");
    pt("", "O|O");
    pt("1,2,3", "O|O;custom message");
    pt("1", "|OO:f");
    pt("1,2", "|OO:f");
    pt("1", ":f");
    pt("", ":f");
    pt("1", "");

    printf("-- PyArg_ParseTupleAndKeywords\n");
    char *ab[] = {"a", "b", NULL};
    char *abc[] = {"a", "b", "c", NULL};
    char *po_b[] = {"", "b", NULL};
    char *po2_c[] = {"", "", "c", NULL};
    char *po_ab[] = {"", "a", "b", NULL};
    char *a_only[] = {"a", NULL};
    char *po_only[] = {"", NULL};
    char *b_only[] = {"b", NULL};
    kw("1", NULL, "O|O:f", ab);
    kw("1,2", NULL, "O|O:f", ab);
    kw("", "a=10", "O|O:f", ab);
    kw("", "b=20,a=10", "O|O:f", ab);
    kw("1", "b=20", "O|O:f", ab);
    kw("1,2,3", NULL, "O|O:f", ab);
    kw("1,2,3", NULL, "O|O", ab);
    kw("", "a=1,b=2,c=3", "O|O:f", ab);
    kw("1,2", "a=1,b=2,c=3", "O|O:f", ab);
    kw("1", "a=10", "O|O:f", ab);
    kw("1", "a=10", "O|O", ab);
    kw("1", "a=10", "OO:f", ab);
    kw("1", "c=10", "O|O:f", ab);
    kw("1", "c=10", "O|O", ab);
    kw("", NULL, "OO:f", ab);
    kw("1", NULL, "OO:f", ab);
    kw("1", NULL, "OO", ab);
    kw("", "5=1", "|O:f", a_only);
    kw("", "a=1,5=1", "|OO:f", ab);
    kw("", "zz=1", "|O:f", a_only);
    kw("", "zz=1", "|O", a_only);
    kw("1", NULL, "O|O;custom", ab);
    kw("1", "c=1", "O|O;custom", ab);
    kw("1,2,3", NULL, "O|O;custom", ab);
    kw("", NULL, "O|O;custom", ab);
    kw("1,2", NULL, "O|$O:f", ab);
    kw("1", "b=2", "O|$O:f", ab);
    kw("1", "b=2,c=3", "O|$O:f", ab);
    kw("1", "a=2", "O|$O:f", ab);
    kw("1", NULL, "|$O:f", b_only);
    kw("", "b=1", "|$O:f", b_only);
    kw("1,2", NULL, "|O$O:f", ab);
    kw("1,2", NULL, "|O$O", ab);
    kw("1,2,3", NULL, "O|OO:f", abc);
    kw("1", "c=3", "O|OO:f", abc);
    kw("1", "c=3,b=2", "O|OO:f", abc);
    kw("1", "zz=3", "OOO:f", abc);
    kw("1", "zz=3", "O|OO:f", abc);
    kw("", "a=3", "O|$O:f", po_b);
    kw("", "b=3", "O|$O:f", po_b);
    kw("1", "b=3", "O|$O:f", po_b);
    kw("1", "a=1", "|O:f", po_only);
    kw("", "a=1", "|O:f", po_only);
    kw("", NULL, "OO|$O:f", po2_c);
    kw("1", NULL, "OO|O:f", po2_c);
    kw("1,2", NULL, "OO|O:f", po2_c);
    kw("1,2,3", NULL, "O|OO:f", po2_c);
    kw("", NULL, "OO:f", po_ab);
    kw("1", NULL, "OOO:f", po_ab);
    kw("1", "b=1", "OOO:f", po_ab);
    kw("1", "a=1", "OOO:f", po_ab);

    printf("-- format errors\n");
    char *a_empty[] = {"a", "", NULL};
    kw("1", NULL, "O", ab);
    kw("1", NULL, "OO", a_only);
    kw("1", NULL, "OO", a_empty);
    kw("1", NULL, "O|O|O", abc);
    kw("1", NULL, "O$O|O", abc);
    kw("1", NULL, "O|$O$O", abc);

    printf("-- groups\n");
    {
        PyObject *args = Py_BuildValue("(i(s(ii))i)", 1, "x", 2, 3, 4);
        int a, c, d, e;
        const char *b;
        int r = PyArg_ParseTuple(args, "i(s(ii))i:g", &a, &b, &c, &d, &e);
        printf("i(s(ii))i: %d %d %s %d %d %d\n", r, a, b, c, d, e);
        r = PyArg_ParseTuple(args, "i(s(is))i:g", &a, &b, &c, &b, &e);
        printf("i(s(is))i: %d ", r);
        print_error_line();
        r = PyArg_ParseTuple(args, "i(s(is))i;custom", &a, &b, &c, &b, &e);
        printf("i(s(is))i;custom: %d ", r);
        print_error_line();
        r = PyArg_ParseTuple(args, "i(s(iii))i", &a, &b, &c, &d, &d, &e);
        printf("i(s(iii))i: %d ", r);
        print_error_line();
        r = PyArg_ParseTuple(args, "(i)(si)i", &a, &b, &c, &e);
        printf("(i)(si)i: %d ", r);
        print_error_line();
        Py_DECREF(args);
        args = Py_BuildValue("([ii](ss))", 5, 6, "a", "b");
        r = PyArg_ParseTuple(args, "(ii)(ss)", &a, &c, &b, &b);
        printf("list and tuple as groups: %d %d %d %s\n", r, a, c, b);
        Py_DECREF(args);
        args = Py_BuildValue("(y)", "ab");
        r = PyArg_ParseTuple(args, "(ii)", &a, &c);
        printf("bytes as a group: %d ", r);
        print_error_line();
        Py_DECREF(args);
        char *kwl[] = {"p", "q", NULL};
        args = Py_BuildValue("(i)", 1);
        PyObject *kwargs = Py_BuildValue("{s:(ii)}", "q", 7, 8);
        r = PyArg_ParseTupleAndKeywords(args, kwargs, "i|(ii)", kwl, &a, &c, &d);
        printf("keyword group: %d %d %d %d\n", r, a, c, d);
        Py_DECREF(kwargs);
        kwargs = Py_BuildValue("{s:(is)}", "q", 7, "x");
        r = PyArg_ParseTupleAndKeywords(args, kwargs, "i|(ii):kg", kwl, &a, &c, &d);
        printf("keyword group: %d ", r);
        print_error_line();
        Py_DECREF(kwargs);
        Py_DECREF(args);
    }

    printf("-- O& converters and cleanup\n");
    {
        PyObject *args = Py_BuildValue("(iii)", 10, 20, 30);
        PyObject *x = NULL, *y = NULL;
        Py_ssize_t n = 0;
        int r = PyArg_ParseTuple(args, "O&O&i", int_converter, &x, int_converter, &y, &r);
        printf("all good: r=%d converted=%d cleaned=%d x=%ld y=%ld\n", r, converted, cleaned, PyLong_AsLong(x),
               PyLong_AsLong(y));
        Py_CLEAR(x); Py_CLEAR(y);
        Py_DECREF(args);
        converted = cleaned = 0;
        args = Py_BuildValue("(iis)", 10, 20, "x");
        r = PyArg_ParseTuple(args, "O&O&i:conv", int_converter, &x, int_converter, &y, &r);
        printf("third fails: r=%d converted=%d cleaned=%d x=%p y=%p ", r, converted, cleaned, (void *)x, (void *)y);
        print_error_line();
        Py_DECREF(args);
        converted = cleaned = 0;
        args = Py_BuildValue("(isi)", 10, "no", 20);
        r = PyArg_ParseTuple(args, "O&O&i", int_converter, &x, int_converter, &y, &r);
        printf("second converter fails: r=%d converted=%d cleaned=%d ", r, converted, cleaned);
        print_error_line();
        Py_DECREF(args);
        args = Py_BuildValue("([iii])", 1, 2, 3);
        r = PyArg_ParseTuple(args, "O&", size_converter, &n);
        printf("size converter: r=%d n=%zd\n", r, n);
        Py_DECREF(args);
        args = Py_BuildValue("(i)", 1);
        r = PyArg_ParseTuple(args, "O&:sz", size_converter, &n);
        printf("size converter on int: r=%d ", r);
        print_error_line();
        Py_DECREF(args);
        converted = cleaned = 0;
        char *kwl[] = {"x", "y", NULL};
        args = Py_BuildValue("(i)", 1);
        PyObject *kwargs = Py_BuildValue("{s:i,s:i}", "y", 2, "z", 3);
        x = y = NULL;
        r = PyArg_ParseTupleAndKeywords(args, kwargs, "O&|O&:kconv", kwl, int_converter, &x, int_converter, &y);
        printf("bad keyword after converters: r=%d converted=%d cleaned=%d ", r, converted, cleaned);
        print_error_line();
        Py_DECREF(kwargs);
        Py_DECREF(args);
    }

    printf("-- buffers released when a later unit fails\n");
    {
        PyObject *bytes = PyBytes_FromString("data");
        PyObject *args = Py_BuildValue("(Os)", bytes, "x");
        Py_buffer view;
        int i;
        Py_ssize_t before = Py_REFCNT(bytes);
        int r = PyArg_ParseTuple(args, "y*i", &view, &i);
        printf("y*i: r=%d refcount +%zd ", r, Py_REFCNT(bytes) - before);
        print_error_line();
        r = PyArg_ParseTuple(args, "s*s", &view, &i);
        printf("s*s: r=%d refcount +%zd\n", r, Py_REFCNT(bytes) - before);
        PyBuffer_Release(&view);
        printf("released: refcount +%zd\n", Py_REFCNT(bytes) - before);
        Py_DECREF(args);
        Py_DECREF(bytes);
    }

    printf("-- PyArg_Parse\n");
    {
        PyObject *seven = PyLong_FromLong(7);
        PyObject *pair = Py_BuildValue("(ii)", 1, 2);
        int a = 0, b = 0;
        printf("i: %d ", PyArg_Parse(seven, "i", &a));
        printf("%d\n", a);
        printf("(ii): %d ", PyArg_Parse(pair, "(ii)", &a, &b));
        printf("%d %d\n", a, b);
        printf("s: %d ", PyArg_Parse(seven, "s", &a));
        print_error_line();
        printf("s:p: %d ", PyArg_Parse(seven, "s:p", &a));
        print_error_line();
        printf("(ss): %d ", PyArg_Parse(pair, "(ss)", &a, &b));
        print_error_line();
        printf("ii: %d ", PyArg_Parse(pair, "ii", &a, &b));
        print_error_line();
        printf("\"\": %d ", PyArg_Parse(seven, "", &a));
        print_error_line();
        printf("\":p\": %d ", PyArg_Parse(seven, ":p", &a));
        print_error_line();
        printf("NULL, \"\": %d\n", PyArg_Parse(NULL, "", &a));
        Py_DECREF(seven);
        Py_DECREF(pair);
    }

    printf("-- va_list forms and errors of the arguments\n");
    {
        PyObject *args = Py_BuildValue("(is)", 3, "s");
        int a = 0;
        const char *s = NULL;
        printf("VaParse: %d ", va_parse(args, "is", &a, &s));
        printf("%d %s\n", a, s);
        printf("VaParse: %d ", va_parse(args, "ii:vf", &a, &a));
        print_error_line();
        PyObject *kwargs = Py_BuildValue("{s:s}", "t", "u");
        char *kwl[] = {"n", "s", "t", NULL};
        const char *t = NULL;
        printf("VaParseTupleAndKeywords: %d ", va_parse_kw(args, kwargs, "is|s", kwl, &a, &s, &t));
        printf("%d %s %s\n", a, s, t);
        printf("ParseTuple(list): %d ", PyArg_ParseTuple(kwargs, "i", &a));
        print_error_line();
        printf("ParseTupleAndKeywords(args, tuple): %d ", PyArg_ParseTupleAndKeywords(args, args, "i", kwl, &a));
        PyObject *et, *ev, *etb;
        PyErr_Fetch(&et, &ev, &etb);
        printf("%s %d\n", ((PyTypeObject *)et)->tp_name, strstr(message(ev), "bad argument to internal function") != NULL);
        Py_XDECREF(et); Py_XDECREF(ev); Py_XDECREF(etb);
        Py_DECREF(kwargs);
        Py_DECREF(args);
    }

    printf("-- Argument Clinic\n");
    {
        static const char *const keywords[] = {"x", "y", NULL};
        static _PyArg_Parser fast = {"O|O:fast", keywords, NULL, NULL, 0, 0, 0, NULL, NULL};
        PyObject *args = Py_BuildValue("(i)", 1);
        PyObject *kwargs = Py_BuildValue("{s:i}", "y", 2);
        PyObject *o[2] = {NULL, NULL};
        int r = _PyArg_ParseTupleAndKeywordsFast(args, kwargs, &fast, &o[0], &o[1]);
        printf("ParseTupleAndKeywordsFast: ");
        show_objects(r, o, 2);
        Py_DECREF(kwargs);
        kwargs = Py_BuildValue("{s:i}", "x", 2);
        r = _PyArg_ParseTupleAndKeywordsFast(args, kwargs, &fast, &o[0], &o[1]);
        printf("ParseTupleAndKeywordsFast: ");
        show_objects(r, o, 2);
        Py_DECREF(kwargs);

        PyObject *stack[4] = {PyLong_FromLong(5), PyUnicode_FromString("six"), PyLong_FromLong(7), NULL};
        int i = 0;
        const char *s = NULL;
        r = _PyArg_ParseStack(stack, 2, "is:stack", &i, &s);
        printf("ParseStack: %d %d %s\n", r, i, s);
        r = _PyArg_ParseStack(stack, 3, "is:stack", &i, &s);
        printf("ParseStack: %d ", r);
        print_error_line();
        r = _PyArg_ParseStack(stack, 2, "ii:stack", &i, &i);
        printf("ParseStack: %d ", r);
        print_error_line();

        PyObject *kwnames = Py_BuildValue("(s)", "y");
        PyObject *kwnames_b = Py_BuildValue("(s)", "b");
        o[0] = o[1] = NULL;
        r = _PyArg_ParseStackAndKeywords(stack, 1, kwnames, &fast, &o[0], &o[1]);
        printf("ParseStackAndKeywords: ");
        show_objects(r, o, 2);
        r = _PyArg_ParseStackAndKeywords(stack, 2, kwnames, &fast, &o[0], &o[1]);
        printf("ParseStackAndKeywords: ");
        show_objects(r, o, 2);

        PyObject *kwnames_c = Py_BuildValue("(s)", "c");
        static _PyArg_Parser clinic = {NULL, clinic_keywords, "clin", NULL, 0, 0, 0, NULL, NULL};
        unpack(stack, 1, NULL, &clinic, 1, 2, 0, "positional only, in place");
        unpack(stack, 2, NULL, &clinic, 1, 2, 0, "two positional, in place");
        unpack(stack, 2, kwnames_b, &clinic, 1, 2, 0, "b by position and name");
        unpack(stack, 1, kwnames_b, &clinic, 1, 2, 0, "b by name");
        unpack(stack, 1, kwnames_b, &clinic, 1, 3, 0, "b by name, maxpos 3");
        unpack(stack, 0, kwnames_b, &clinic, 0, 2, 0, "only b by name");
        unpack(stack, 1, kwnames, &clinic, 1, 2, 0, "unknown y");
        unpack(stack, 0, NULL, &clinic, 1, 2, 0, "none");
        unpack(stack, 3, NULL, &clinic, 1, 2, 0, "three positional");
        unpack(stack, 3, NULL, &clinic, 1, 3, 0, "three positional, maxpos 3");
        unpack(stack, 2, NULL, &clinic, 1, 1, 0, "two, maxpos 1");
        unpack(stack, 2, NULL, &clinic, 0, 0, 0, "two, maxpos 0");
        unpack(stack, 1, NULL, &clinic, 1, 1, 1, "keyword-only c required");
        unpack(stack, 1, kwnames_b, &clinic, 1, 1, 0, "keyword b with maxpos 1");
        unpack(stack, 1, kwnames_b, &clinic, 2, 2, 0, "minpos 2, b by name");
        unpack(stack, 1, kwnames_c, &clinic, 2, 2, 0, "minpos 2, c by name");
        unpack(stack, 1, kwnames_c, &clinic, 1, 1, 1, "keyword-only c given");
        unpack(stack, 3, kwnames_c, &clinic, 1, 3, 0, "too many");
        PyObject *kwnames_z = Py_BuildValue("(s)", "z");
        unpack(stack, 1, kwnames_z, &clinic, 1, 2, 0, "unknown keyword z");
        PyObject *kwnames_empty = Py_BuildValue("(s)", "");
        unpack(stack, 1, kwnames_empty, &clinic, 1, 2, 0, "empty keyword");
        static _PyArg_Parser anonymous = {"OO|O", clinic_keywords, NULL, NULL, 0, 0, 0, NULL, NULL};
        unpack(stack, 1, kwnames_z, &anonymous, 1, 2, 0, "unknown keyword z, no name");
        unpack(stack, 0, NULL, &anonymous, 1, 2, 0, "none, no name");
        Py_DECREF(kwnames_c);
        Py_DECREF(kwnames_z);
        Py_DECREF(kwnames_empty);

        PyObject *x = NULL, *y = NULL;
        r = _PyArg_UnpackStack(stack, 2, "ustack", 1, 3, &x, &y, &y);
        printf("UnpackStack: %d x=5 %d y=six %d\n", r, x == stack[0], y == stack[1]);
        r = _PyArg_UnpackStack(stack, 3, "ustack", 1, 2, &x, &y);
        printf("UnpackStack: %d ", r);
        print_error_line();
        r = _PyArg_UnpackStack(stack, 0, NULL, 1, 2, &x, &y);
        printf("UnpackStack: %d ", r);
        print_error_line();
        Py_DECREF(kwnames);
        Py_DECREF(kwnames_b);
        for (int k = 0; k < 3; k++)
            Py_DECREF(stack[k]);
        Py_DECREF(args);
    }

    Py_Finalize();
    printf("done\n");
    return 0;
}
