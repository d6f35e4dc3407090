/* The fast paths of the session-8 C-API speed work, checked against CPython:
 * PyTuple_Pack (sizes around the free-list limit, reference counts, the empty tuple,
 * negative counts), the trashcan (long chains of tuples, lists, dicts and instances die
 * without a deep stack, and a finalizer at the bottom of the chain runs before the
 * DECREF returns), type attribute lookups through the method cache (interned and fresh
 * names, str subclass names, metatype data descriptors, a class attribute replaced),
 * keyword binding by name (PyArg_ParseTupleAndKeywords and _PyArg_UnpackKeywords with
 * keys that share a first byte, hold a NUL, are empty or non-ASCII), and short ASCII
 * PyUnicode_FromString. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "testutil.h"

static void pack_tests(void)
{
    PyObject *a = PyLong_FromLong(1001), *b = PyUnicode_FromString("b"), *c = PyFloat_FromDouble(2.5);
    Py_ssize_t ra = Py_REFCNT(a), rb = Py_REFCNT(b);
    PyObject *t = PyTuple_Pack(3, a, b, c);
    printf("pack3: "); put(t); printf(" refcnt +%zd +%zd\n", Py_REFCNT(a) - ra, Py_REFCNT(b) - rb);
    printf("pack3 items are the arguments: %d\n",
           PyTuple_GET_ITEM(t, 0) == a && PyTuple_GET_ITEM(t, 1) == b && PyTuple_GET_ITEM(t, 2) == c);
    Py_DECREF(t);
    printf("after DECREF refcnt +%zd +%zd\n", Py_REFCNT(a) - ra, Py_REFCNT(b) - rb);

    PyObject *e = PyTuple_Pack(0), *e2 = PyTuple_New(0);
    printf("pack0: "); put(e); printf(" same as PyTuple_New(0): %d\n", e == e2);
    Py_DECREF(e); Py_DECREF(e2);

    /* Sizes 19..22 straddle the largest kept size (20); cycles reuse kept tuples. */
    for (int n = 19; n <= 22; n++) {
        PyObject *big = NULL;
        for (int round = 0; round < 3000; round++) {
            Py_XDECREF(big);
            switch (n) {
            case 19: big = PyTuple_Pack(19, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a); break;
            case 20: big = PyTuple_Pack(20, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b); break;
            case 21: big = PyTuple_Pack(21, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c); break;
            default: big = PyTuple_Pack(22, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a); break;
            }
        }
        printf("pack%d: len %zd last ", n, PyTuple_GET_SIZE(big));
        put(PyTuple_GET_ITEM(big, n - 1));
        printf(" tracked %d\n", PyObject_GC_IsTracked(big));
        Py_DECREF(big);
    }
    printf("after the cycles refcnt +%zd +%zd\n", Py_REFCNT(a) - ra, Py_REFCNT(b) - rb);

    PyObject *neg = PyTuple_Pack(-1);
    /* CPython's message names its source file: only the type is compared. */
    PyObject *et, *ev, *etb;
    PyErr_Fetch(&et, &ev, &etb);
    printf("pack(-1) is NULL: %d error %s\n", neg == NULL, et ? ((PyTypeObject *)et)->tp_name : "none");
    Py_XDECREF(et); Py_XDECREF(ev); Py_XDECREF(etb);
    Py_DECREF(a); Py_DECREF(b); Py_DECREF(c);
}

/* A chain of `depth` containers of the given kind, each holding the next. */
static PyObject *chain(const char *kind, long depth, PyObject *bottom)
{
    PyObject *o = bottom;
    Py_INCREF(o);
    for (long i = 0; i < depth; i++) {
        PyObject *next;
        if (kind[0] == 't')
            next = PyTuple_Pack(1, o);
        else if (kind[0] == 'l') {
            next = PyList_New(1);
            Py_INCREF(o);
            PyList_SET_ITEM(next, 0, o);
        } else {
            next = PyDict_New();
            PyDict_SetItemString(next, "k", o);
        }
        Py_DECREF(o);
        o = next;
    }
    return o;
}

static void trashcan_tests(void)
{
    PyRun_SimpleString(
        "class Bottom:\n"
        "    def __init__(self, tag): self.tag = tag\n"
        "    def __del__(self): print('finalized', self.tag, flush=True)\n"
        "class Node:\n"
        "    __slots__ = ('next',)\n");
    PyObject *main = PyImport_AddModule("__main__");
    PyObject *bottom_type = PyObject_GetAttrString(main, "Bottom");
    const char *kinds[] = {"tuple", "list", "dict"};
    for (int k = 0; k < 3; k++) {
        PyObject *bottom = PyObject_CallFunction(bottom_type, "s", kinds[k]);
        PyObject *top = chain(kinds[k], 200000, bottom);
        Py_DECREF(bottom);
        printf("%s chain built\n", kinds[k]);
        fflush(stdout);
        Py_DECREF(top);
        printf("%s chain freed\n", kinds[k]);
        fflush(stdout);
    }
    /* Heap-type instances (subtype_dealloc) linked 200,000 deep. */
    PyRun_SimpleString(
        "head = Node(); head.next = Bottom('instances')\n"
        "for _ in range(200000):\n"
        "    n = Node(); n.next = head; head = n\n"
        "del n\n"
        "print('instance chain built', flush=True)\n"
        "del head\n"
        "print('instance chain freed', flush=True)\n");
    Py_DECREF(bottom_type);
}

static void type_attr_tests(void)
{
    PyRun_SimpleString(
        "class Meta(type):\n"
        "    @property\n"
        "    def shadow(cls): return 'from the metaclass property'\n"
        "class K(metaclass=Meta):\n"
        "    shadow = 'class attribute'\n"
        "    value = 1\n"
        "    def meth(self): pass\n"
        "class Sub(K): pass\n"
        "class Name(str): pass\n");
    PyObject *main = PyImport_AddModule("__main__");
    PyObject *sub = PyObject_GetAttrString(main, "Sub");
    PyObject *k = PyObject_GetAttrString(main, "K");
    PyObject *interned = PyUnicode_InternFromString("value");
    PyObject *fresh = PyUnicode_FromString("value");
    PyObject *name_type = PyObject_GetAttrString(main, "Name");
    PyObject *sub_name = PyObject_CallFunction(name_type, "s", "value");
    for (int round = 0; round < 2; round++) {
        printf("round %d:", round);
        printf(" interned "); put(PyObject_GetAttr(sub, interned));
        printf(" fresh "); put(PyObject_GetAttr(sub, fresh));
        printf(" subclass name "); put(PyObject_GetAttr(sub, sub_name));
        printf("\n");
        /* Replacing the class attribute must be seen through the cache. */
        PyObject *two = PyLong_FromLong(2);
        PyObject_SetAttr(k, interned, two);
        Py_DECREF(two);
    }
    PyObject *meth = PyObject_GetAttrString(sub, "meth");
    printf("meth is a function: %d\n", PyFunction_Check(meth));
    Py_DECREF(meth);
    PyObject *shadow = PyObject_GetAttrString(sub, "shadow");
    printf("metatype data descriptor wins: "); put(shadow); printf("\n");
    Py_XDECREF(shadow);
    PyObject *qual = PyObject_GetAttrString(sub, "__qualname__");
    printf("__qualname__: "); put(qual); printf("\n");
    Py_XDECREF(qual);
    PyObject *missing = PyObject_GetAttrString(sub, "missing");
    printf("missing is NULL: %d ", missing == NULL);
    print_error("error");
    PyObject *number = PyLong_FromLong(3);
    PyObject *bad = PyObject_GetAttr(sub, number);
    printf("int name is NULL: %d ", bad == NULL);
    print_error("error");
    Py_DECREF(number);
    Py_DECREF(sub); Py_DECREF(k); Py_DECREF(interned); Py_DECREF(fresh);
    Py_DECREF(name_type); Py_DECREF(sub_name);
}

static void keywords_call(const char *what, PyObject *kwargs)
{
    static char *kwlist[] = {"", "bb", "b", "bc", "\xc3\xa9t\xc3\xa9", NULL};
    PyObject *args = Py_BuildValue("(i)", 1);
    int p = 0, bb = -1, b = -1, bc = -1, ete = -1;
    int r = PyArg_ParseTupleAndKeywords(args, kwargs, "i|iiii:kw", kwlist, &p, &bb, &b, &bc, &ete);
    if (r)
        printf("%s: ok %d %d %d %d %d\n", what, p, bb, b, bc, ete);
    else
        print_error(what);
    Py_DECREF(args);
}

static void keyword_tests(void)
{
    PyObject *d = PyDict_New();
    PyObject *v = PyLong_FromLong(7);
    PyDict_SetItemString(d, "b", v);
    keywords_call("b", d);
    PyDict_SetItemString(d, "bc", v);
    PyDict_SetItemString(d, "bb", v);
    keywords_call("b bc bb", d);
    PyDict_SetItemString(d, "\xc3\xa9t\xc3\xa9", v);
    keywords_call("non-ASCII", d);
    Py_DECREF(d);

    d = PyDict_New();
    PyObject *nul = PyUnicode_FromStringAndSize("b\0", 2);
    PyDict_SetItem(d, nul, v);
    keywords_call("key with NUL", d);
    Py_DECREF(d);
    d = PyDict_New();
    PyDict_SetItemString(d, "", v);
    keywords_call("empty key", d);
    Py_DECREF(d);
    d = PyDict_New();
    PyDict_SetItemString(d, "bcd", v);
    keywords_call("longer key", d);
    Py_DECREF(d);

    /* Argument Clinic's binder, keywords by name in a kwnames tuple. */
    static const char *const names[] = {"", "b", "bc", NULL};
    static _PyArg_Parser parser = {NULL, names, "unpack", NULL, 0, 0, 0, NULL, NULL};
    PyObject *one = PyLong_FromLong(1);
    const char *cases[][2] = {{"bc", NULL}, {"b", "bc"}, {"bc", "b"}, {"bcd", NULL}, {"b\0", NULL}};
    for (int i = 0; i < 5; i++) {
        PyObject *kwnames = PyTuple_New(cases[i][1] ? 2 : 1);
        PyTuple_SET_ITEM(kwnames, 0, i == 4 ? (Py_INCREF(nul), nul) : PyUnicode_FromString(cases[i][0]));
        if (cases[i][1])
            PyTuple_SET_ITEM(kwnames, 1, PyUnicode_FromString(cases[i][1]));
        PyObject *stack[3] = {one, v, one};
        PyObject *buf[3];
        PyObject *const *r = _PyArg_UnpackKeywords(stack, 1, NULL, kwnames, &parser, 1, 3, 0, buf);
        printf("unpack case %d:", i);
        if (r == NULL) {
            printf(" ");
            print_error("error");
        } else {
            for (int j = 0; j < 3; j++) {
                printf(" ");
                if (r[j]) put(r[j]); else printf("-");
            }
            printf("\n");
        }
        Py_DECREF(kwnames);
    }
    Py_DECREF(one); Py_DECREF(nul); Py_DECREF(v);
}

static void from_string_tests(void)
{
    const char *texts[] = {"", "x", "hello world", "0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                           "caf\xc3\xa9", "\x7f\x01 control", "\xff bad"};
    for (int i = 0; i < 7; i++) {
        PyObject *s = PyUnicode_FromString(texts[i]);
        printf("from_string %d: ", i);
        if (s == NULL) {
            print_error("error");
            continue;
        }
        put(s);
        printf(" len %zd kind %d ascii %d\n", PyUnicode_GET_LENGTH(s), PyUnicode_KIND(s), PyUnicode_IS_ASCII(s));
        Py_DECREF(s);
    }
}

int main(void)
{
    Py_Initialize();
    pack_tests();
    trashcan_tests();
    type_attr_tests();
    keyword_tests();
    from_string_tests();
    Py_Finalize();
    return 0;
}
