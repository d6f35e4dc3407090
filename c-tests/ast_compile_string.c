/* Py_CompileString* with PyCF_ONLY_AST returns an ast node (Module / Expression /
 * Interactive) whose dump matches CPython's; syntax errors stay SyntaxError; the node
 * classes work again after a Py_FinalizeEx/Py_Initialize cycle; compile() of the returned
 * tree runs. */
#include <Python.h>
#include "testutil.h"

static void dump(PyObject *tree)
{
    if (tree == NULL) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        PyErr_NormalizeException(&t, &v, &tb);
        printf("compile: %s: ", ((PyTypeObject *)t)->tp_name);
        PyObject *s = PyObject_Str(v);
        put(s);
        printf("\n");
        Py_XDECREF(s);
        Py_XDECREF(t);
        Py_XDECREF(v);
        Py_XDECREF(tb);
        return;
    }
    PyObject *ast = PyImport_ImportModule("ast");
    PyObject *text = ast ? PyObject_CallMethod(ast, "dump", "O", tree) : NULL;
    printf("%s: ", Py_TYPE(tree)->tp_name);
    put(text);
    printf("\n");
    Py_XDECREF(text);
    Py_XDECREF(ast);
    Py_DECREF(tree);
}

static void run_cycle(int cycle)
{
    printf("-- cycle %d\n", cycle);
    PyCompilerFlags flags = {PyCF_ONLY_AST, PY_MINOR_VERSION};
    dump(Py_CompileStringExFlags("x = [1, 'a']\nif x: del x[0]\n", "<c>", Py_file_input, &flags, -1));
    dump(Py_CompileStringExFlags("a if b else c", "<c>", Py_eval_input, &flags, -1));
    dump(Py_CompileStringExFlags("print(1)\n", "<c>", Py_single_input, &flags, 0));
    PyObject *name = PyUnicode_FromString("<obj>");
    dump(Py_CompileStringObject("lambda: (yield)", name, Py_eval_input, &flags, -1));
    Py_DECREF(name);
    dump(Py_CompileStringExFlags("x = (", "<c>", Py_file_input, &flags, -1));

    /* The tree compiles and runs through compile(). */
    PyObject *tree = Py_CompileStringExFlags("result = sum(i * i for i in range(5))\n", "<c>", Py_file_input, &flags, -1);
    PyObject *builtins = PyEval_GetBuiltins();
    PyObject *compile = builtins ? PyDict_GetItemString(builtins, "compile") : NULL;
    PyObject *code = (tree && compile) ? PyObject_CallFunction(compile, "Oss", tree, "<tree>", "exec") : NULL;
    PyObject *globals = PyDict_New();
    PyDict_SetItemString(globals, "__builtins__", builtins);
    PyObject *r = code ? PyEval_EvalCode(code, globals, globals) : NULL;
    if (r == NULL)
        print_error("run");
    printf("result: ");
    put(PyDict_GetItemString(globals, "result"));
    printf("\n");
    Py_XDECREF(r);
    Py_XDECREF(code);
    Py_XDECREF(tree);
    Py_DECREF(globals);
}

int main(void)
{
    for (int cycle = 0; cycle < 2; cycle++) {
        Py_Initialize();
        run_cycle(cycle);
        if (Py_FinalizeEx() != 0)
            printf("finalize failed\n");
    }
    return 0;
}
