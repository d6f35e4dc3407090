/* Frames, code objects and generators made by C: the Cython traceback sequence
 * (PyCode_NewEmpty + PyFrame_New + PyTraceBack_Here, printed), the PyFrame_Get* accessors
 * on a new frame, PyEval_EvalFrame/EvalFrameEx running a new frame, PyCode_New and
 * PyCode_NewWithPosOnlyArgs reading back their fields (and rejecting bad arguments),
 * PyGen_New/PyGen_NewWithQualName/PyCoro_New/PyAsyncGen_New (type, names, gi_code,
 * PyFrame_GetGenerator of gi_frame, close). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>
#include <unistd.h>
#include "testutil.h"

static PyObject *globals;

static void show(const char *what, PyObject *o)
{
    printf("%s: ", what);
    if (o == NULL) {
        print_error("NULL");
        return;
    }
    PyObject *r = PyObject_Repr(o);
    printf("%s\n", r ? utf8_text(r) : "<repr failed>");
    Py_XDECREF(r);
    PyErr_Clear();
}

/* The pending exception's type only (CPython's bad-argument message names its source). */
static void print_error_type(const char *what)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    printf("%s: %s\n", what, t ? ((PyTypeObject *)t)->tp_name : "no error");
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

static PyObject *code_of(const char *src, const char *fname)
{
    PyObject *d = PyDict_New();
    PyDict_SetItemString(d, "__builtins__", PyEval_GetBuiltins());
    PyObject *r = PyRun_String(src, Py_file_input, d, d);
    Py_XDECREF(r);
    PyObject *f = PyDict_GetItemString(d, fname);
    PyObject *c = f ? PyObject_GetAttrString(f, "__code__") : NULL;
    Py_DECREF(d);
    return c;
}

static void cython_traceback(void)
{
    printf("-- Cython's traceback entry\n");
    PyRun_SimpleString("def fails():\n    raise ValueError('deep')\n");
    PyObject *main = PyImport_AddModule("__main__");
    PyObject *fn = PyObject_GetAttrString(main, "fails");
    PyObject *r = PyObject_CallNoArgs(fn);
    Py_DECREF(fn);
    printf("call failed: %d\n", r == NULL);
    PyCodeObject *code = PyCode_NewEmpty("mymodule.pyx", "cy_function", 42);
    PyFrameObject *frame = PyFrame_New(PyThreadState_Get(), code, globals, NULL);
    printf("frame made: %d, line %d\n", frame != NULL, PyFrame_GetLineNumber(frame));
    PyTraceBack_Here(frame);
    Py_DECREF(frame);
    Py_DECREF(code);
    PyErr_Print();
    fflush(stderr);
}

static void frame_accessors(void)
{
    printf("-- a new frame's accessors\n");
    PyCodeObject *code = PyCode_NewEmpty("f.py", "func", 7);
    PyObject *locals = PyDict_New();
    PyFrameObject *f = PyFrame_New(PyThreadState_Get(), code, globals, locals);
    PyCodeObject *c = PyFrame_GetCode(f);
    printf("code is code: %d, line %d\n", c == code, PyFrame_GetLineNumber(f));
    Py_DECREF(c);
    PyFrameObject *back = PyFrame_GetBack(f);
    printf("back is NULL: %d\n", back == NULL);
    PyObject *g = PyFrame_GetGlobals(f);
    printf("globals is globals: %d\n", g == globals);
    Py_DECREF(g);
    PyObject *b = PyFrame_GetBuiltins(f);
    printf("builtins is builtins: %d\n", b == PyEval_GetBuiltins());
    Py_DECREF(b);
    PyObject *gen = PyFrame_GetGenerator(f);
    printf("generator NULL, no error: %d %d\n", gen == NULL, PyErr_Occurred() == NULL);
    show("f_code.co_name", PyObject_GetAttrString(PyObject_GetAttrString((PyObject *)f, "f_code"), "co_name"));
    Py_DECREF(f);
    Py_DECREF(locals);
    Py_DECREF(code);
}

static void eval_frame(void)
{
    printf("-- PyEval_EvalFrame\n");
    PyObject *code = Py_CompileString("x = 40 + 2\nnames = sorted(k for k in globals() if k != '__builtins__')\n", "<evalframe>", Py_file_input);
    PyObject *d = PyDict_New();
    PyDict_SetItemString(d, "__builtins__", PyEval_GetBuiltins());
    PyFrameObject *f = PyFrame_New(PyThreadState_Get(), (PyCodeObject *)code, d, d);
    show("result", PyEval_EvalFrame(f));
    show("x", PyDict_GetItemString(d, "x") ? Py_NewRef(PyDict_GetItemString(d, "x")) : NULL);
    show("names", PyDict_GetItemString(d, "names") ? Py_NewRef(PyDict_GetItemString(d, "names")) : NULL);
    Py_DECREF(f);
    Py_DECREF(code);
    code = Py_CompileString("raise KeyError('in frame')\n", "<evalframe>", Py_file_input);
    f = PyFrame_New(PyThreadState_Get(), (PyCodeObject *)code, d, d);
    show("raising", PyEval_EvalFrameEx(f, 0));
    Py_DECREF(f);
    Py_DECREF(code);
    Py_DECREF(d);
}

static void code_new(void)
{
    printf("-- PyCode_New\n");
    PyObject *bytecode = PyBytes_FromStringAndSize("\x97\x00\x64\x00\x53\x00", 6);
    PyObject *consts = Py_BuildValue("(Os)", Py_None, "doc");
    PyObject *names = Py_BuildValue("(s)", "len");
    PyObject *varnames = Py_BuildValue("(sss)", "a", "b", "c");
    PyObject *empty = PyTuple_New(0);
    PyObject *filename = PyUnicode_FromString("made.py");
    PyObject *name = PyUnicode_FromString("made");
    PyObject *qualname = PyUnicode_FromString("Outer.made");
    PyObject *linetable = PyBytes_FromStringAndSize("", 0);
    PyObject *exctable = PyBytes_FromStringAndSize("", 0);
    PyCodeObject *co = PyCode_NewWithPosOnlyArgs(2, 1, 0, 3, 4, CO_OPTIMIZED | CO_NEWLOCALS, bytecode, consts, names,
                                                 varnames, empty, empty, filename, name, qualname, 12, linetable, exctable);
    const char *fields[] = {"co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize",
                            "co_flags", "co_code", "co_consts", "co_names", "co_varnames", "co_freevars",
                            "co_cellvars", "co_filename", "co_name", "co_qualname", "co_firstlineno",
                            "co_linetable", "co_exceptiontable", NULL};
    for (int i = 0; fields[i]; i++)
        show(fields[i], PyObject_GetAttrString((PyObject *)co, fields[i]));
    Py_XDECREF(co);
    co = PyCode_New(1, 1, 3, 2, 0, bytecode, consts, names, varnames, empty, empty, filename, name, qualname, 3,
                    linetable, exctable);
    show("PyCode_New co_kwonlyargcount", PyObject_GetAttrString((PyObject *)co, "co_kwonlyargcount"));
    show("PyCode_New co_posonlyargcount", PyObject_GetAttrString((PyObject *)co, "co_posonlyargcount"));
    Py_XDECREF(co);
    printf("bad arguments:\n");
    co = PyCode_New(1, 0, 3, 2, 0, NULL, consts, names, varnames, empty, empty, filename, name, qualname, 3, linetable, exctable);
    printf("  NULL code: %d ", co == NULL);
    print_error_type("err");
    co = PyCode_New(1, 0, 3, 2, 0, bytecode, names, consts, name, empty, empty, filename, name, qualname, 3, linetable, exctable);
    printf("  str varnames: %d ", co == NULL);
    print_error_type("err");
    co = PyCode_NewWithPosOnlyArgs(1, 2, 0, 3, 2, 0, bytecode, consts, names, varnames, empty, empty, filename, name, qualname, 3, linetable, exctable);
    printf("  posonly > argcount: %d ", co == NULL);
    print_error_type("err");
    co = PyCode_New(4, 0, 3, 2, 0, bytecode, consts, names, varnames, empty, empty, filename, name, qualname, 3, linetable, exctable);
    printf("  too few varnames: %d ", co == NULL);
    print_error("err");
    Py_DECREF(bytecode);
    Py_DECREF(consts);
    Py_DECREF(names);
    Py_DECREF(varnames);
    Py_DECREF(empty);
    Py_DECREF(filename);
    Py_DECREF(name);
    Py_DECREF(qualname);
    Py_DECREF(linetable);
    Py_DECREF(exctable);
}

static void gen_new(void)
{
    printf("-- PyGen_New and friends\n");
    PyObject *gcode = code_of("def g():\n    yield 1\n    yield 2\n", "g");
    PyObject *ccode = code_of("async def c():\n    return 1\n", "c");
    PyObject *acode = code_of("async def a():\n    yield 1\n", "a");
    PyObject *name = PyUnicode_FromString("renamed");
    PyObject *qualname = PyUnicode_FromString("Owner.renamed");
    struct {
        const char *what;
        PyObject *code;
        int kind;
    } cases[] = {{"PyGen_New", gcode, 0}, {"PyGen_NewWithQualName", gcode, 1}, {"PyCoro_New", ccode, 2}, {"PyAsyncGen_New", acode, 3}};
    for (int i = 0; i < 4; i++) {
        PyFrameObject *f = PyFrame_New(PyThreadState_Get(), (PyCodeObject *)cases[i].code, globals, NULL);
        PyObject *gen;
        switch (cases[i].kind) {
        case 0: gen = PyGen_New(f); break;
        case 1: gen = PyGen_NewWithQualName(f, name, qualname); break;
        case 2: gen = PyCoro_New(f, name, qualname); break;
        default: gen = PyAsyncGen_New(f, name, qualname); break;
        }
        printf("%s: %s", cases[i].what, gen ? Py_TYPE(gen)->tp_name : "NULL");
        if (gen == NULL) {
            print_error(" err");
            continue;
        }
        PyObject *n = PyObject_GetAttrString(gen, "__name__");
        PyObject *q = PyObject_GetAttrString(gen, "__qualname__");
        printf(" %s %s\n", utf8_text(n), utf8_text(q));
        Py_XDECREF(n);
        Py_XDECREF(q);
        const char *frame_attr = cases[i].kind == 2 ? "cr_frame" : cases[i].kind == 3 ? "ag_frame" : "gi_frame";
        PyObject *fr = PyObject_GetAttrString(gen, frame_attr);
        if (fr && fr != Py_None) {
            PyObject *back = PyFrame_GetGenerator((PyFrameObject *)fr);
            printf("  PyFrame_GetGenerator(%s) is the generator: %d\n", frame_attr, back == gen);
            Py_XDECREF(back);
        } else {
            printf("  %s: none\n", frame_attr);
            PyErr_Clear();
        }
        Py_XDECREF(fr);
        if (cases[i].kind != 3) {
            PyObject *r = PyObject_CallMethod(gen, "close", NULL);
            show("  close", r);
        }
        Py_DECREF(gen);
    }
    Py_DECREF(name);
    Py_DECREF(qualname);
    Py_XDECREF(gcode);
    Py_XDECREF(ccode);
    Py_XDECREF(acode);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    Py_Initialize();
    globals = PyDict_New();
    PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
    cython_traceback();
    frame_accessors();
    eval_frame();
    code_new();
    gen_new();
    Py_DECREF(globals);
    Py_Finalize();
    return 0;
}
