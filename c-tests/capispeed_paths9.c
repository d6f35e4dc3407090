/* The fast paths of the session-9 C-API speed work, checked against CPython:
 * PyObject_VectorcallMethod calling a method descriptor unbound (str methods, wrong argument
 * counts, instance attributes and class attributes that shadow or are not methods, a
 * custom __getattribute__, a str subclass name, a missing name), int | str unions (dedup,
 * None, nested unions, generic aliases compared by ==, more members than the stack buffer),
 * isinstance/issubclass with unions and __class__ proxies, list[int] by subscription and
 * the classmethod/wrapper descriptor errors whose names are now made lazily, generic alias
 * == and !=, PyObject_Call of METH_VARARGS and METH_O builtins with and without keywords,
 * PyObject_CallFunctionObjArgs/CallMethodObjArgs with many arguments, str.find in short
 * haystacks, PyUnicode_New of each kind and too large, the module-state lookups of heap
 * types, and PyType_GenericAlloc of fixed and variable-size heap types. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "testutil.h"

static PyObject *globals;

static PyObject *eval(const char *code)
{
    PyObject *r = PyRun_String(code, Py_eval_input, globals, globals);
    if (r == NULL)
        print_error(code);
    return r;
}

static void run(const char *code)
{
    PyObject *r = PyRun_String(code, Py_file_input, globals, globals);
    if (r == NULL)
        print_error(code);
    Py_XDECREF(r);
}

static void show(const char *what, PyObject *o)
{
    printf("%s: ", what);
    if (o == NULL && !PyErr_Occurred())
        printf("<NULL, error already shown>");
    else
        put(o);
    printf("\n");
    Py_XDECREF(o);
}

static void show_int(const char *what, int r)
{
    if (r < 0)
        print_error(what);
    else
        printf("%s: %d\n", what, r);
}

static void method_tests(void)
{
    PyObject *s = PyUnicode_FromString("Hello World"), *x = PyLong_FromLong(3);
    PyObject *upper = PyUnicode_FromString("upper"), *count = PyUnicode_FromString("count");
    show("upper()", PyObject_CallMethodNoArgs(s, upper));
    show("upper(3)", PyObject_CallMethodOneArg(s, upper, x));
    PyObject *o = PyUnicode_FromString("o");
    show("count('o')", PyObject_CallMethodOneArg(s, count, o));
    show("count()", PyObject_CallMethodNoArgs(s, count));
    PyObject *stack[3] = {NULL, s, o};
    show("Vectorcall count offset", PyObject_VectorcallMethod(count, stack + 1, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL));
    PyObject *kw = Py_BuildValue("(s)", "x");
    PyObject *kstack[3] = {s, o, o};
    show("Vectorcall count kw", PyObject_VectorcallMethod(count, kstack, 2, kw));
    Py_DECREF(kw);
    PyObject *missing = PyUnicode_FromString("no_such_method");
    show("missing", PyObject_CallMethodNoArgs(s, missing));
    show("non-str name", PyObject_CallMethodNoArgs(s, x));

    run("class Sub(str):\n"
        "    def upper(self): return 'sub upper of ' + str.upper(self)\n"
        "class P:\n"
        "    def m(self, *a): return ('method', a)\n"
        "    s = staticmethod(lambda *a: ('static', a))\n"
        "    c = classmethod(lambda cls, *a: ('class', cls.__name__, a))\n"
        "    prop = property(lambda self: (lambda *a: ('property', a)))\n"
        "    notcallable = 5\n"
        "class G:\n"
        "    def __getattribute__(self, n): return lambda *a: ('getattribute', n, a)\n"
        "    def m(self): return 'never'\n"
        "class Slots:\n"
        "    __slots__ = ('v',)\n"
        "    def m(self): return 'slots m'\n"
        "p = P()\n"
        "shadowed = P()\n"
        "shadowed.m = lambda *a: ('instance', a)\n"
        "class N(str): pass\n"
        "name_sub = N('m')\n");
    PyObject *sub = eval("Sub('abc')"), *p = eval("p"), *sh = eval("shadowed"), *g = eval("G()");
    PyObject *sl = eval("Slots()"), *name_sub = eval("name_sub");
    PyObject *m = PyUnicode_FromString("m"), *st = PyUnicode_FromString("s"), *c = PyUnicode_FromString("c");
    PyObject *prop = PyUnicode_FromString("prop"), *nc = PyUnicode_FromString("notcallable");
    show("Sub.upper", PyObject_CallMethodNoArgs(sub, upper));
    show("P.m(3)", PyObject_CallMethodOneArg(p, m, x));
    show("P.s(3)", PyObject_CallMethodOneArg(p, st, x));
    show("P.c(3)", PyObject_CallMethodOneArg(p, c, x));
    show("P.prop(3)", PyObject_CallMethodOneArg(p, prop, x));
    show("P.notcallable()", PyObject_CallMethodNoArgs(p, nc));
    show("shadowed.m(3)", PyObject_CallMethodOneArg(sh, m, x));
    show("G.m(3)", PyObject_CallMethodOneArg(g, m, x));
    show("Slots.m()", PyObject_CallMethodNoArgs(sl, m));
    show("P.m by str subclass name", PyObject_CallMethodOneArg(p, name_sub, x));
    show("CallMethodObjArgs(p, m, x, x)", PyObject_CallMethodObjArgs(p, m, x, x, NULL));
    show("CallMethod(p, 'm', 'ii')", PyObject_CallMethod(p, "m", "ii", 1, 2));
    Py_DECREF(sub); Py_DECREF(p); Py_DECREF(sh); Py_DECREF(g); Py_DECREF(sl); Py_DECREF(name_sub);
    Py_DECREF(m); Py_DECREF(st); Py_DECREF(c); Py_DECREF(prop); Py_DECREF(nc);
    Py_DECREF(s); Py_DECREF(x); Py_DECREF(upper); Py_DECREF(count); Py_DECREF(o); Py_DECREF(missing);
}

static void union_tests(void)
{
    PyObject *intt = (PyObject *)&PyLong_Type, *strt = (PyObject *)&PyUnicode_Type;
    PyObject *u = PyNumber_Or(intt, strt);
    show("int | str", PyNumber_Or(intt, strt));
    show("int | int", PyNumber_Or(intt, intt));
    show("int | None", PyNumber_Or(intt, Py_None));
    show("None | int", PyNumber_Or(Py_None, intt));
    show("(int | str) | int", PyNumber_Or(u, intt));
    show("str | (int | str)", PyNumber_Or(strt, u));
    show("(int|str) | (int|str)", PyNumber_Or(u, u));
    show("int | 3", eval("int | 3"));
    show("list[int] | list[int]", eval("list[int] | list[int]"));
    show("list[int] | list[str] | list[int]", eval("list[int] | list[str] | list[int]"));
    show("12 members", eval("int | str | bytes | float | complex | list | dict | set | frozenset | tuple | range | type"));
    show("12 members | 12 members, dedup", eval("(int | str | bytes | float | complex | list | dict | set | frozenset | tuple | range | type) | (type | range | bool | int)"));
    show("__args__", eval("(int | str | None).__args__"));
    show("hash eq", eval("hash(int | str) == hash(str | int), (int | str) == (str | int)"));

    PyObject *one = PyLong_FromLong(1), *f = PyFloat_FromDouble(1.5), *t = PyBool_FromLong(1);
    show_int("isinstance(1, int|str)", PyObject_IsInstance(one, u));
    show_int("isinstance(1.5, int|str)", PyObject_IsInstance(f, u));
    show_int("isinstance(True, int|str)", PyObject_IsInstance(t, u));
    show_int("issubclass(bool, int|str)", PyObject_IsSubclass((PyObject *)&PyBool_Type, u));
    show_int("issubclass(float, int|str)", PyObject_IsSubclass((PyObject *)&PyFloat_Type, u));
    run("class Proxy:\n"
        "    @property\n"
        "    def __class__(self): return int\n"
        "class Broken:\n"
        "    @property\n"
        "    def __class__(self): raise RuntimeError('no class')\n"
        "class NotAType:\n"
        "    @property\n"
        "    def __class__(self): return 42\n");
    PyObject *proxy = eval("Proxy()"), *broken = eval("Broken()"), *nat = eval("NotAType()");
    show_int("isinstance(Proxy(), int|str)", PyObject_IsInstance(proxy, u));
    show_int("isinstance(Broken(), int|str)", PyObject_IsInstance(broken, u));
    show_int("isinstance(NotAType(), int|str)", PyObject_IsInstance(nat, u));
    show_int("isinstance(Proxy(), int)", PyObject_IsInstance(proxy, intt));
    show("isinstance(1, int | list[int])", eval("isinstance(1, int | list[int])"));
    Py_DECREF(proxy); Py_DECREF(broken); Py_DECREF(nat);
    Py_DECREF(one); Py_DECREF(f); Py_DECREF(t); Py_DECREF(u);
}

static void alias_tests(void)
{
    PyObject *list = (PyObject *)&PyList_Type, *intt = (PyObject *)&PyLong_Type;
    PyObject *a = PyObject_GetItem(list, intt), *b = Py_GenericAlias(list, intt);
    show("list[int]", PyObject_GetItem(list, intt));
    show("dict[str, int]", eval("dict[str, int]"));
    show_int("list[int] == Py_GenericAlias", PyObject_RichCompareBool(a, b, Py_EQ));
    show_int("list[int] != Py_GenericAlias", PyObject_RichCompareBool(a, b, Py_NE));
    show("RichCompare ==", PyObject_RichCompare(a, b, Py_EQ));
    show("RichCompare !=", PyObject_RichCompare(a, b, Py_NE));
    show("RichCompare <", PyObject_RichCompare(a, b, Py_LT));
    show("list[int] == list[str], !=", eval("(list[int] == list[str], list[int] != list[str])"));
    show("list[int] == tuple[int], !=", eval("(list[int] == tuple[int], list[int] != tuple[int])"));
    show("list[int] == list", eval("(list[int] == list, list[int] != list)"));
    show("starred", eval("(*tuple[int],)[0] == tuple[int], (*tuple[int],)[0] != tuple[int]"));
    show("args with custom __eq__", eval("(lambda E: (list[E()] == list[E()], list[E()] != list[E()]))("
                                          "type('E', (), {'__eq__': lambda s, o: 'yes', '__hash__': lambda s: 1}))"));
    show("origin __eq__ raises", eval("(lambda O: list[int] == __import__('types').GenericAlias(O(), int))"
                                      "(type('O', (), {'__eq__': lambda s, o: 1/0, '__hash__': lambda s: 1}))"));
    print_error("after origin __eq__");
    /* The classmethod descriptor and wrapper descriptor messages (names made on error). */
    show("fromkeys.__get__(None, None)", eval("dict.__dict__['fromkeys'].__get__(None, None)"));
    show("fromkeys.__get__(None, 1)", eval("dict.__dict__['fromkeys'].__get__(None, 1)"));
    show("fromkeys.__get__(None, int)", eval("dict.__dict__['fromkeys'].__get__(None, int)"));
    show("fromkeys.__get__({}, None)", eval("dict.__dict__['fromkeys'].__get__({}, None)('ab')"));
    show("str.__add__()", eval("str.__dict__['__add__']()"));
    show("str.__add__(1, 'a')", eval("str.__add__(1, 'a')"));
    show("str.__add__('a', 'b')", eval("str.__add__('a', 'b')"));
    Py_DECREF(a); Py_DECREF(b);
}

static PyObject *f_varargs(PyObject *self, PyObject *args)
{
    (void)self;
    return Py_BuildValue("(sO)", "varargs", args);
}
static PyObject *f_null(PyObject *self, PyObject *args)
{
    (void)self; (void)args;
    return NULL;
}
static PyObject *f_o(PyObject *self, PyObject *arg)
{
    (void)self;
    return Py_BuildValue("(sO)", "o", arg);
}
static PyObject *f_fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    PyObject *t = PyTuple_New(nargs);
    for (Py_ssize_t i = 0; i < nargs; i++)
        PyTuple_SET_ITEM(t, i, Py_NewRef(args[i]));
    return t;
}
static PyMethodDef d_varargs = {"varargs", f_varargs, METH_VARARGS, NULL};
static PyMethodDef d_null = {"null", f_null, METH_VARARGS, NULL};
static PyMethodDef d_o = {"o", f_o, METH_O, NULL};
static PyMethodDef d_fast = {"fast", _PyCFunction_CAST(f_fast), METH_FASTCALL, NULL};

static void call_tests(void)
{
    PyObject *va = PyCFunction_New(&d_varargs, NULL), *nu = PyCFunction_New(&d_null, NULL);
    PyObject *o = PyCFunction_New(&d_o, NULL), *fast = PyCFunction_New(&d_fast, NULL);
    PyObject *args1 = Py_BuildValue("(i)", 7), *args2 = Py_BuildValue("(ii)", 7, 8), *empty = PyDict_New();
    PyObject *kw = Py_BuildValue("{s:i}", "k", 1);
    show("Call(varargs, (7,))", PyObject_Call(va, args1, NULL));
    show("Call(varargs, (7,), {})", PyObject_Call(va, args1, empty));
    show("Call(varargs, (7,), {k:1})", PyObject_Call(va, args1, kw));
    show("Call(null, (7,))", PyObject_Call(nu, args1, NULL));
    show("Call(o, (7,))", PyObject_Call(o, args1, NULL));
    show("Call(o, (7, 8))", PyObject_Call(o, args2, NULL));
    show("Call(o, (7,), {k:1})", PyObject_Call(o, args1, kw));
    show("Call(o, (7,), {})", PyObject_Call(o, args1, empty));
    show("Call(fast, (7, 8), {k:1})", PyObject_Call(fast, args2, kw));
    show("Call(int, ('12',), {base: 5})", eval("int('12', base=5)"));
    show("CallObject(varargs, NULL)", PyObject_CallObject(va, NULL));
    PyObject *n[40];
    for (int i = 0; i < 40; i++)
        n[i] = PyLong_FromLong(i);
    show("CallFunctionObjArgs 2", PyObject_CallFunctionObjArgs(fast, n[1], n[2], NULL));
    show("CallFunctionObjArgs 0", PyObject_CallFunctionObjArgs(fast, NULL));
    show("CallFunctionObjArgs 17", PyObject_CallFunctionObjArgs(fast, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8],
                                                                n[9], n[10], n[11], n[12], n[13], n[14], n[15], n[16], NULL));
    show("CallFunctionObjArgs 36", PyObject_CallFunctionObjArgs(fast, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8],
                                                                n[9], n[10], n[11], n[12], n[13], n[14], n[15], n[16], n[17],
                                                                n[18], n[19], n[20], n[21], n[22], n[23], n[24], n[25], n[26],
                                                                n[27], n[28], n[29], n[30], n[31], n[32], n[33], n[34], n[35], NULL));
    PyObject *lst = PyList_New(0);
    PyObject *append = PyUnicode_FromString("append"), *extend = PyUnicode_FromString("extend");
    show("CallMethodObjArgs append 1", PyObject_CallMethodObjArgs(lst, append, n[5], NULL));
    show("CallMethodObjArgs append 2", PyObject_CallMethodObjArgs(lst, append, n[5], n[6], NULL));
    run("def many(*a): return len(a), a[-1]\n");
    PyObject *many = eval("many");
    show("CallFunctionObjArgs(many, 20)", PyObject_CallFunctionObjArgs(many, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7],
                                                                       n[8], n[9], n[10], n[11], n[12], n[13], n[14], n[15],
                                                                       n[16], n[17], n[18], n[19], NULL));
    PyObject *tup = PyTuple_New(0);
    PyObject *count = PyUnicode_FromString("count");
    show("CallMethodObjArgs(list, count, 5)", PyObject_CallMethodObjArgs(lst, count, n[5], NULL));
    show("list", Py_NewRef(lst));
    Py_DECREF(tup); Py_DECREF(count); Py_DECREF(many);
    Py_DECREF(lst); Py_DECREF(append); Py_DECREF(extend);
    for (int i = 0; i < 40; i++)
        Py_DECREF(n[i]);
    Py_DECREF(va); Py_DECREF(nu); Py_DECREF(o); Py_DECREF(fast);
    Py_DECREF(args1); Py_DECREF(args2); Py_DECREF(empty); Py_DECREF(kw);
}

static void find_tests(void)
{
    PyObject *hay = PyUnicode_FromString("the quick brown fox jumps over the lazy dog; the quick brown fox");
    const char *needles[] = {"lazy", "the", "fox", "dog;", "x", "zz", "fo", "x\0", "the quick brown fox jumps over the lazy dog; the quick brown fox",
                             "he quick brown fox jumps over the lazy dog; the quick brown fox", "quick brown fox jumps over the lazy dog; the quick brown foy"};
    for (int i = 0; i < 11; i++) {
        PyObject *nd = PyUnicode_FromString(needles[i]);
        printf("find %d: %zd %zd %zd %zd rfind %zd\n", i, PyUnicode_Find(hay, nd, 0, 100, 1), PyUnicode_Find(hay, nd, 1, 100, 1),
               PyUnicode_Find(hay, nd, 0, 38, 1), PyUnicode_Find(hay, nd, 36, 64, 1), PyUnicode_Find(hay, nd, 0, 100, -1));
        Py_DECREF(nd);
    }
    show("find in repeats", eval("[('ab' * 40 + 'abc').find('abc'), ('a' * 100).find('aa', 50), ('xay' * 30).find('yx'),"
                                 " ('abcabd' * 9).find('abd', 7), 'aaaaaaaaaaaaaaaaaaab'.find('ab'), ('ab' * 300 + 'x').find('bx')]"));
    show("index/count/split/replace", eval("('a,b,,c' * 5).index(',,'), ('xyx' * 20).count('yx'), 'a--b--c'.split('--'),"
                                           " 'a--b--c'.replace('--', '+')"));
    Py_DECREF(hay);
}

static void new_tests(void)
{
    Py_UCS4 maxes[] = {0, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x10000, 0x10ffff};
    for (int i = 0; i < 8; i++) {
        PyObject *s = PyUnicode_New(3, maxes[i]);
        for (int j = 0; j < 3; j++)
            PyUnicode_WRITE(PyUnicode_KIND(s), PyUnicode_DATA(s), j, maxes[i] - (maxes[i] > 2 ? (Py_UCS4)j : 0));
        printf("New(3, %x): kind %d ascii %d nul %u: ", (unsigned)maxes[i], PyUnicode_KIND(s), PyUnicode_IS_ASCII(s),
               (unsigned)PyUnicode_READ(PyUnicode_KIND(s), PyUnicode_DATA(s), 3));
        put(s);
        printf(" hash-equal %d\n", PyObject_Hash(s) == PyObject_Hash(s));
        Py_DECREF(s);
    }
    show("New(PY_SSIZE_T_MAX / 2, 0x7f)", PyUnicode_New(PY_SSIZE_T_MAX / 2, 0x7f));
    show("New(PY_SSIZE_T_MAX / 4, 0x10ffff)", PyUnicode_New(PY_SSIZE_T_MAX / 4, 0x10ffff));
    show("New(-1, 0x7f)", PyUnicode_New(-1, 0x7f));
    show("New(1, 0x110000)", PyUnicode_New(1, 0x110000));
    PyObject *h = PyUnicode_FromString("hello "), *w = PyUnicode_FromString("w\xc3\xb6rld");
    show("concat", PyUnicode_Concat(h, w));
    show("concat 2", PyUnicode_Concat(w, h));
    Py_DECREF(h); Py_DECREF(w);
}

typedef struct {
    PyObject_HEAD
    long value;
} Obj;

static PyModuleDef moddef = {PyModuleDef_HEAD_INIT, "statemod", NULL, sizeof(long)};
static PyModuleDef otherdef = {PyModuleDef_HEAD_INIT, "other", NULL, 0};
static PyType_Slot plain_slots[] = {{0, NULL}};
static PyType_Spec plain_spec = {"statemod.Plain", sizeof(Obj), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, plain_slots};
static PyType_Spec var_spec = {"statemod.Var", sizeof(PyVarObject), sizeof(PyObject *), Py_TPFLAGS_DEFAULT, plain_slots};
static PyType_Spec odd_spec = {"statemod.Odd", sizeof(PyObject) + 3, 0, Py_TPFLAGS_DEFAULT, plain_slots};

static void heaptype_tests(void)
{
    PyObject *m = PyModule_Create(&moddef);
    *(long *)PyModule_GetState(m) = 42;
    PyObject *plain = PyType_FromModuleAndSpec(m, &plain_spec, NULL);
    PyObject *bare = PyType_FromSpec(&plain_spec);
    PyObject *var = PyType_FromSpec(&var_spec), *odd = PyType_FromSpec(&odd_spec);
    PyType_Spec sub_spec = {"statemod.Sub", 0, 0, Py_TPFLAGS_DEFAULT, plain_slots};
    PyObject *sub = PyType_FromSpecWithBases(&sub_spec, plain);
    long *st = PyType_GetModuleState((PyTypeObject *)plain);
    printf("GetModuleState(plain): %ld\n", st ? *st : -1);
    printf("GetModuleState(list): %p ", PyType_GetModuleState(&PyList_Type));
    print_error("");
    printf("GetModuleState(bare): %p ", PyType_GetModuleState((PyTypeObject *)bare));
    print_error("");
    printf("GetModuleState(sub): %p ", PyType_GetModuleState((PyTypeObject *)sub));
    print_error("");
    printf("GetModuleByDef(sub) is m: %d\n", PyType_GetModuleByDef((PyTypeObject *)sub, &moddef) == m);
    printf("GetModuleByDef(sub, other): %p ", (void *)PyType_GetModuleByDef((PyTypeObject *)sub, &otherdef));
    print_error("");
    printf("GetModuleByDef(list): %p ", (void *)PyType_GetModuleByDef(&PyList_Type, &moddef));
    print_error("");

    PyTypeObject *pt = (PyTypeObject *)plain, *vt = (PyTypeObject *)var, *ot = (PyTypeObject *)odd;
    Py_ssize_t before = Py_REFCNT(plain);
    Obj *a = (Obj *)pt->tp_alloc(pt, 0);
    printf("alloc plain: refcnt %zd value %ld type +%zd\n", Py_REFCNT(a), a->value, Py_REFCNT(plain) - before);
    Py_DECREF(a);
    printf("after dealloc type +%zd\n", Py_REFCNT(plain) - before);
    PyVarObject *v = (PyVarObject *)vt->tp_alloc(vt, 5);
    PyObject **items = (PyObject **)((char *)v + sizeof(PyVarObject));
    int zero = 1;
    for (int i = 0; i < 5; i++)
        zero &= items[i] == NULL;
    printf("alloc var 5: size %zd items zeroed %d\n", Py_SIZE(v), zero);
    Py_DECREF(v);
    PyObject *od = ot->tp_alloc(ot, 0);
    printf("alloc odd: refcnt %zd basicsize %zd\n", Py_REFCNT(od), ot->tp_basicsize);
    Py_DECREF(od);
    Py_DECREF(sub); Py_DECREF(plain); Py_DECREF(bare); Py_DECREF(var); Py_DECREF(odd); Py_DECREF(m);
}

int main(void)
{
    Py_Initialize();
    globals = PyDict_New();
    PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
    method_tests();
    union_tests();
    alias_tests();
    call_tests();
    find_tests();
    new_tests();
    heaptype_tests();
    Py_DECREF(globals);
    Py_Finalize();
    return 0;
}
