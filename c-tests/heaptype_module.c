/* The module object: PyModule_New/NewObject, the standard dict entries, repr, name, def and
 * state, PyModule_Create (single-phase: state, functions, doc, m_free), PyModuleDef_Init,
 * PyModule_AddObjectRef/AddObject/AddType/AddStringConstant/AddFunctions/SetDocString,
 * dealloc (m_free, state), and CPython's errors for NULL and non-module arguments.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void print_exception(const char *what)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) {
        printf("%s: no exception\n", what);
        return;
    }
    /* PyErr_BadInternalCall's message carries CPython's source position: type only. */
    /* The value may be the message or an exception instance: print its str. */
    PyObject *msg = v ? PyObject_Str(v) : NULL;
    if (t == PyExc_SystemError && msg && strstr(ascii_text(msg), "bad argument to internal function"))
        printf("%s: SystemError: bad argument to internal function\n", what);
    else
        printf("%s: %s: %s\n", what, ((PyTypeObject *)t)->tp_name, msg ? ascii_text(msg) : "<no value>");
    Py_XDECREF(msg);
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

static void expect_fail(const char *what, PyObject *r)
{
    if (r != NULL) {
        printf("%s: unexpected success (%s)\n", what, Py_TYPE(r)->tp_name);
        return;
    }
    print_exception(what);
}

static void expect_int(const char *what, int r)
{
    printf("%s -> %d\n", what, r);
    if (r < 0 || PyErr_Occurred()) print_exception(what);
}

static void show_repr(const char *what, PyObject *o)
{
    PyObject *r = PyObject_Repr(o);
    printf("%s: %s\n", what, ascii_text(r));
    Py_XDECREF(r);
}

/* Attribute `name` of a module (borrowed: the module dict keeps it), NULL when missing. */
static PyObject *item(PyObject *m, const char *name)
{
    PyObject *v = PyObject_GetAttrString(m, name);
    if (v == NULL) {
        PyErr_Clear();
        return NULL;
    }
    Py_DECREF(v);
    return v;
}

static PyObject *module_getattr(PyObject *self, PyObject *name)
{
    (void)self;
    return PyTuple_Pack(1, name);
}
static PyMethodDef getattr_hook[] = {{"__getattr__", module_getattr, METH_O, NULL}, {NULL}};

static PyObject *fn(PyObject *self, PyObject *unused)
{
    (void)unused;
    return Py_NewRef(self);
}

static PyMethodDef functions[] = {
    {"f", fn, METH_NOARGS, "f doc"},
    {"g", fn, METH_NOARGS, NULL},
    {NULL},
};
static PyMethodDef class_function[] = {{"c", fn, METH_NOARGS | METH_CLASS, NULL}, {NULL}};
static PyMethodDef static_function[] = {{"s", fn, METH_NOARGS | METH_STATIC, NULL}, {NULL}};

static int frees, traverses, visited;
static int count_visit(PyObject *o, void *arg) { (void)o; (void)arg; visited++; return 0; }
static void m_free(void *m) { (void)m; frees++; }
static int m_traverse(PyObject *m, visitproc v, void *a) { (void)m; (void)v; (void)a; traverses++; return 0; }

static PyModuleDef def = {PyModuleDef_HEAD_INIT, "single", "The single-phase module.", 24, functions,
                          NULL, m_traverse, NULL, m_free};
static PyModuleDef nostate_def = {PyModuleDef_HEAD_INIT, "nostate", NULL, -1, NULL, NULL, NULL, NULL, m_free};
static PyModuleDef_Slot slots[] = {{0, NULL}};
static PyModuleDef slots_def = {PyModuleDef_HEAD_INIT, "withslots", NULL, 0, NULL, slots};

static void test_new(void)
{
    printf("-- PyModule_New\n");
    PyObject *m = PyModule_New("plain");
    PyObject *d = PyModule_GetDict(m);
    printf("type=%s dict type=%s gc=%d tracked=%d\n", Py_TYPE(m)->tp_name, Py_TYPE(d)->tp_name,
           PyObject_IS_GC(m), PyObject_GC_IsTracked(m));
    const char *keys[] = {"__name__", "__doc__", "__package__", "__loader__", "__spec__"};
    for (int i = 0; i < 5; i++) printf("  %s=%s\n", keys[i], ascii_text(item(m, keys[i])));
    show_repr("repr", m);
    PyObject *name = PyModule_GetNameObject(m);
    printf("GetNameObject=%s GetName=%s def=%p state=%p\n", ascii_text(name), PyModule_GetName(m),
           (void *)PyModule_GetDef(m), PyModule_GetState(m));
    printf("occurred after def/state: %d\n", PyErr_Occurred() != NULL);
    Py_DECREF(name);

    PyObject *n = PyUnicode_FromString("from.object");
    PyObject *m2 = PyModule_NewObject(n);
    printf("NewObject name is the str=%d\n", item(m2, "__name__") == n);
    show_repr("repr", m2);
    Py_DECREF(m2);
    Py_DECREF(n);

    /* Adding objects. */
    PyObject *v = PyUnicode_FromString("value");
    Py_ssize_t before = Py_REFCNT(v);
    expect_int("AddObjectRef", PyModule_AddObjectRef(m, "a", v));
    printf("  refs +%zd stored=%d\n", Py_REFCNT(v) - before, item(m, "a") == v);
    Py_INCREF(v);
    expect_int("AddObject", PyModule_AddObject(m, "b", v));
    printf("  refs +%zd (stolen) stored=%d\n", Py_REFCNT(v) - before, item(m, "b") == v);
    expect_int("AddStringConstant", PyModule_AddStringConstant(m, "s", "text"));
    printf("  s=%s\n", ascii_text(item(m, "s")));
    expect_int("AddType", PyModule_AddType(m, &PyTuple_Type));
    printf("  tuple stored=%d\n", item(m, "tuple") == (PyObject *)&PyTuple_Type);
    expect_int("SetDocString", PyModule_SetDocString(m, "new doc"));
    printf("  __doc__=%s\n", ascii_text(item(m, "__doc__")));
    Py_ssize_t mrefs = Py_REFCNT(m);
    expect_int("AddFunctions", PyModule_AddFunctions(m, functions));
    PyObject *f = item(m, "f");
    printf("  f type=%s self is m=%d module refs +%zd\n", f ? Py_TYPE(f)->tp_name : "NULL",
           f && PyCFunction_GetSelf(f) == m, Py_REFCNT(m) - mrefs);
    if (f) {
        PyObject *r = PyObject_CallNoArgs(f);
        printf("  f() is m=%d\n", r == m);
        Py_XDECREF(r);
        show_repr("  repr(f)", f);
    }
    expect_int("AddFunctions METH_CLASS", PyModule_AddFunctions(m, class_function));
    expect_int("AddFunctions METH_STATIC", PyModule_AddFunctions(m, static_function));

    /* Errors. */
    expect_int("AddObjectRef non-module", PyModule_AddObjectRef(Py_None, "a", v));
    expect_int("AddObjectRef NULL value", PyModule_AddObjectRef(m, "a", NULL));
    PyErr_SetString(PyExc_ValueError, "earlier");
    expect_int("AddObjectRef NULL value with error set", PyModule_AddObjectRef(m, "a", NULL));
    before = Py_REFCNT(v);
    expect_int("AddObject non-module", PyModule_AddObject(Py_None, "a", v));
    printf("  not stolen on failure: %d\n", Py_REFCNT(v) == before);
    expect_int("AddType non-module", PyModule_AddType(Py_None, &PyTuple_Type));
    expect_int("AddStringConstant non-module", PyModule_AddStringConstant(Py_None, "a", "b"));
    expect_int("AddFunctions non-module", PyModule_AddFunctions(Py_None, functions));
    expect_int("SetDocString non-module", PyModule_SetDocString(Py_None, "x"));
    expect_fail("GetDict non-module", PyModule_GetDict(Py_None));
    expect_fail("GetNameObject non-module", PyModule_GetNameObject(Py_None));
    printf("GetName non-module -> %p\n", (void *)PyModule_GetName(Py_None));
    print_exception("  GetName");
    printf("GetDef non-module -> %p\n", (void *)PyModule_GetDef(Py_None));
    print_exception("  GetDef");
    printf("GetState non-module -> %p\n", PyModule_GetState(Py_None));
    print_exception("  GetState");
    expect_int("AddIntConstant", PyModule_AddIntConstant(m, "answer", 42));
    printf("  answer=%ld\n", PyLong_AsLong(item(m, "answer")));
    expect_int("AddIntConstant non-module", PyModule_AddIntConstant(Py_None, "a", 1));
    expect_fail("missing attribute", PyObject_GetAttrString(m, "missing"));
    expect_int("add __getattr__", PyModule_AddFunctions(m, getattr_hook));
    PyObject *hooked = PyObject_GetAttrString(m, "missing");
    printf("  __getattr__ result: %s %s\n", hooked ? Py_TYPE(hooked)->tp_name : "NULL",
           hooked ? ascii_text(PyTuple_GET_ITEM(hooked, 0)) : "");
    Py_XDECREF(hooked);
    expect_int("delete __getattr__", PyObject_SetAttrString(m, "__getattr__", NULL));
    expect_int("set attribute", PyObject_SetAttrString(m, "x", Py_None));
    printf("  x is None=%d\n", item(m, "x") == Py_None);
    expect_int("delete __name__", PyObject_SetAttrString(m, "__name__", NULL));
    expect_fail("GetNameObject nameless", PyModule_GetNameObject(m));
    expect_fail("missing attribute of nameless", PyObject_GetAttrString(m, "missing"));
    Py_DECREF(v);
    Py_DECREF(m);
}

static void test_create(void)
{
    printf("-- PyModule_Create\n");
    PyObject *m = PyModule_Create(&def);
    if (m == NULL) {
        print_exception("Create");
        return;
    }
    printf("def is object: type=%s refcnt=%zd index set=%d\n", Py_TYPE(&def)->tp_name, Py_REFCNT(&def),
           def.m_base.m_index > 0);
    PyObject *again = PyModuleDef_Init(&def);
    printf("Init again returns def=%d index kept\n", again == (PyObject *)&def);
    show_repr("repr", m);
    printf("__doc__=%s GetDef is def=%d\n", ascii_text(item(m, "__doc__")), PyModule_GetDef(m) == &def);
    unsigned char *state = PyModule_GetState(m);
    int zero = 1;
    for (int i = 0; i < 24; i++) zero &= state[i] == 0;
    printf("state zeroed=%d\n", zero);
    PyObject *f = item(m, "g");
    printf("g self is m=%d\n", f && PyCFunction_GetSelf(f) == m);
    visited = 0;
    Py_TYPE(m)->tp_traverse(m, count_visit, NULL);
    printf("m_traverse called=%d objects visited=%d\n", traverses, visited);
    /* The functions refer to the module: clear the dict (as the collector would) to free it. */
    Py_TYPE(m)->tp_clear(m);
    printf("frees before dealloc=%d\n", frees);
    Py_DECREF(m);
    printf("frees after dealloc=%d\n", frees);

    PyObject *m2 = PyModule_Create(&nostate_def);
    printf("m_size -1: state=%p\n", PyModule_GetState(m2));
    Py_DECREF(m2);
    printf("frees after m_size -1 module=%d\n", frees);
    expect_fail("Create with m_slots", PyModule_Create(&slots_def));
}

static int execs;
static int exec_count(PyObject *m) { (void)m; execs++; return 0; }
static int exec_fail(PyObject *m) { (void)m; return -1; }
static int exec_fail_set(PyObject *m) { (void)m; PyErr_SetString(PyExc_ValueError, "boom"); return -1; }
static int exec_ok_but_set(PyObject *m) { (void)m; PyErr_SetString(PyExc_ValueError, "boom"); return 0; }
static PyObject *create_module(PyObject *spec, PyModuleDef *d) { (void)spec; (void)d; return PyModule_New("created"); }
static PyObject *create_none(PyObject *spec, PyModuleDef *d) { (void)spec; (void)d; return Py_NewRef(Py_None); }
static PyObject *create_null(PyObject *spec, PyModuleDef *d) { (void)spec; (void)d; return NULL; }
static PyObject *create_set(PyObject *spec, PyModuleDef *d)
{
    (void)spec; (void)d;
    PyErr_SetString(PyExc_ValueError, "pending");
    return PyModule_New("x");
}

/* The pending exception with its cause and context. */
static void print_chain(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *cause = PyException_GetCause(v), *context = PyException_GetContext(v);
    PyObject *msg = PyObject_Str(v), *cmsg = context ? PyObject_Str(context) : NULL;
    printf("  %s: %s, cause %s, context %s: %s\n", ((PyTypeObject *)t)->tp_name, ascii_text(msg),
           cause ? Py_TYPE(cause)->tp_name : "none", context ? Py_TYPE(context)->tp_name : "none", ascii_text(cmsg));
    Py_XDECREF(msg); Py_XDECREF(cmsg); Py_XDECREF(cause); Py_XDECREF(context);
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

static void try_spec(const char *what, PyModuleDef *d, PyObject *spec)
{
    PyObject *m = PyModule_FromDefAndSpec(d, spec);
    if (m == NULL) {
        print_exception(what);
        return;
    }
    show_repr(what, m);
    Py_DECREF(m);
}

static void test_multiphase(void)
{
    printf("-- multi-phase\n");
    /* The spec only needs a `name` attribute: a module object will do. */
    PyObject *spec = PyModule_New("the_spec");
    PyObject *n = PyUnicode_FromString("spec.name");
    PyObject_SetAttrString(spec, "name", n);
    Py_DECREF(n);

    PyModuleDef_Slot two_execs[] = {{Py_mod_exec, exec_count}, {Py_mod_exec, exec_count}, {0, NULL}};
    PyModuleDef d2 = {PyModuleDef_HEAD_INIT, "d2", "doc2", 16, functions, two_execs};
    PyObject *m2 = PyModule_FromDefAndSpec(&d2, spec);
    show_repr("FromDefAndSpec", m2);
    printf("  def is d2=%d state before exec=%p execs=%d doc=%s f=%s\n", PyModule_GetDef(m2) == &d2,
           PyModule_GetState(m2), execs, ascii_text(item(m2, "__doc__")), item(m2, "f") ? "yes" : "no");
    expect_int("ExecDef", PyModule_ExecDef(m2, &d2));
    printf("  state after exec set=%d execs=%d\n", PyModule_GetState(m2) != NULL, execs);
    expect_fail("PyModule_Create with slots", PyModule_Create(&d2));
    Py_TYPE(m2)->tp_clear(m2);
    Py_DECREF(m2);

    PyModuleDef_Slot create[] = {{Py_mod_create, create_module}, {0, NULL}};
    PyModuleDef d3 = {PyModuleDef_HEAD_INIT, "d3", NULL, 8, NULL, create};
    PyObject *m3 = PyModule_FromDefAndSpec(&d3, spec);
    show_repr("Py_mod_create", m3);
    printf("  def is d3=%d state=%p\n", PyModule_GetDef(m3) == &d3, PyModule_GetState(m3));
    PyModuleDef zero_def = {PyModuleDef_HEAD_INIT, "zero", NULL, 0};
    expect_int("ExecDef without slots, m_size 0", PyModule_ExecDef(m3, &zero_def));
    printf("  state set even for m_size 0=%d\n", PyModule_GetState(m3) != NULL);
    Py_DECREF(m3);

    PyModuleDef_Slot none[] = {{Py_mod_create, create_none}, {0, NULL}};
    PyModuleDef d4 = {PyModuleDef_HEAD_INIT, "d4", NULL, 8, NULL, none};
    try_spec("create returns None with m_size", &d4, spec);
    PyModuleDef d4b = {PyModuleDef_HEAD_INIT, "d4b", NULL, 0, functions, none};
    try_spec("create returns None with methods", &d4b, spec);
    PyModuleDef d4c = {PyModuleDef_HEAD_INIT, "d4c", "doc", 0, NULL, none};
    try_spec("create returns None with doc", &d4c, spec);
    PyModuleDef_Slot none_exec[] = {{Py_mod_create, create_none}, {Py_mod_exec, exec_count}, {0, NULL}};
    PyModuleDef d4d = {PyModuleDef_HEAD_INIT, "d4d", NULL, 0, NULL, none_exec};
    try_spec("create returns None with exec slots", &d4d, spec);
    PyModuleDef d4e = {PyModuleDef_HEAD_INIT, "d4e", NULL, 0, NULL, none};
    try_spec("create returns None", &d4e, spec);
    PyModuleDef_Slot null[] = {{Py_mod_create, create_null}, {0, NULL}};
    PyModuleDef d5 = {PyModuleDef_HEAD_INIT, "d5", NULL, 0, NULL, null};
    try_spec("create returns NULL", &d5, spec);
    PyModuleDef_Slot set[] = {{Py_mod_create, create_set}, {0, NULL}};
    PyModuleDef d5b = {PyModuleDef_HEAD_INIT, "d5b", NULL, 0, NULL, set};
    PyObject *r = PyModule_FromDefAndSpec(&d5b, spec);
    printf("create with error set -> %s\n", r ? "module" : "NULL");
    if (r == NULL) print_chain();
    PyModuleDef_Slot two_creates[] = {{Py_mod_create, create_module}, {Py_mod_create, create_module}, {0, NULL}};
    PyModuleDef d6 = {PyModuleDef_HEAD_INIT, "d6", NULL, 0, NULL, two_creates};
    try_spec("two create slots", &d6, spec);
    PyModuleDef_Slot unknown[] = {{99, create_module}, {0, NULL}};
    PyModuleDef d7 = {PyModuleDef_HEAD_INIT, "d7", NULL, 0, NULL, unknown};
    try_spec("unknown slot", &d7, spec);
    PyModuleDef d8 = {PyModuleDef_HEAD_INIT, "d8", NULL, -1, NULL, two_execs};
    try_spec("negative m_size", &d8, spec);
    PyObject *nameless = PyModule_New("nameless_spec");
    try_spec("spec without name", &d2, nameless);
    Py_DECREF(nameless);

    PyModuleDef_Slot fail[] = {{Py_mod_exec, exec_fail}, {0, NULL}};
    PyModuleDef d9 = {PyModuleDef_HEAD_INIT, "d9", NULL, 0, NULL, fail};
    PyObject *m9 = PyModule_FromDefAndSpec(&d9, spec);
    expect_int("exec fails without exception", PyModule_ExecDef(m9, &d9));
    PyModuleDef_Slot fail_set[] = {{Py_mod_exec, exec_fail_set}, {0, NULL}};
    d9.m_slots = fail_set;
    expect_int("exec fails with exception", PyModule_ExecDef(m9, &d9));
    PyModuleDef_Slot ok_set[] = {{Py_mod_exec, exec_ok_but_set}, {0, NULL}};
    d9.m_slots = ok_set;
    printf("exec succeeds with exception set -> %d\n", PyModule_ExecDef(m9, &d9));
    print_chain();
    PyModuleDef_Slot bad[] = {{99, exec_count}, {0, NULL}};
    d9.m_slots = bad;
    expect_int("exec unknown slot", PyModule_ExecDef(m9, &d9));
    d9.m_slots = NULL;
    expect_int("exec without slots", PyModule_ExecDef(m9, &d9));
    expect_int("ExecDef non-module", PyModule_ExecDef(Py_None, &d9));
    Py_DECREF(m9);
    Py_DECREF(spec);
}

int main(void)
{
    Py_Initialize();
    test_new();
    test_create();
    test_multiphase();
    Py_Finalize();
    printf("done\n");
    return 0;
}
