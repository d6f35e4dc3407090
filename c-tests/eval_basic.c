/* Python code run through PyRun_SimpleString / PyRun_String / Py_CompileString +
 * PyEval_EvalCode: arithmetic, names, control flow, functions and calls, containers,
 * f-strings, exceptions and their handlers, and the errors CPython raises (types and
 * messages). Python's prints go through sys.stdout, flushed after each snippet; stderr is
 * sent to stdout so printed exceptions are compared in order. */
#include <Python.h>
#include <unistd.h>
#include "testutil.h"

static void flush_sys(void)
{
    PyObject *r = PyObject_CallMethod(PySys_GetObject("stdout"), "flush", NULL);
    Py_XDECREF(r);
    r = PyObject_CallMethod(PySys_GetObject("stderr"), "flush", NULL);
    Py_XDECREF(r);
}

/* Prints "what: Type: str(value)" for the pending exception, normalized. */
static void show_exc(const char *what)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *s = PyObject_Str(v);
    printf("%s: %s: %s\n", what, ((PyTypeObject *)t)->tp_name, s ? PyUnicode_AsUTF8(s) : "?");
    Py_XDECREF(s); Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
}

static void simple(const char *src)
{
    int r = PyRun_SimpleString(src);
    flush_sys();
    printf("[rc %d]\n", r);
}

/* Runs `src` in a fresh namespace and prints `name` from it, or the error. */
static void value_of(const char *src, const char *name)
{
    PyObject *g = PyDict_New();
    PyObject *r = PyRun_String(src, Py_file_input, g, g);
    if (r == NULL) {
        show_exc(name);
    } else {
        PyObject *v = PyDict_GetItemString(g, name);
        printf("%s = ", name);
        if (v) put(v); else printf("<unset>");
        printf("\n");
        Py_DECREF(r);
    }
    flush_sys();
    Py_DECREF(g);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    Py_Initialize();

    simple("print(1 + 2 * 3, 7 // 2, 7 % 3, 2 ** 10, -5 // 2, 1 / 4, 'a' + 'b', [1] * 3)");
    simple("x = 10\nwhile x > 0:\n    x -= 3\nprint(x)");
    simple("total = 0\nfor i in range(10):\n    if i % 2 == 0:\n        continue\n    if i > 7:\n        break\n    total += i\nelse:\n    total = -1\nprint(total)");
    simple("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(20))");
    simple("def f(a, b=2, *args, c, d=4, **kw):\n    return (a, b, args, c, d, sorted(kw.items()))\n"
           "print(f(1, c=3))\nprint(f(1, 5, 6, 7, c=8, z=9, y=0))\nprint(f(*[1, 2], **{'c': 3}))");
    simple("def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\n"
           "g = outer()\ng(); g()\nprint(g(), g.__code__.co_freevars, outer.__code__.co_cellvars)");
    simple("d = {'a': 1, **{'b': 2}}\ns = {1, 2, 2}\nt = (*'xy', *[3])\nprint(d, sorted(s), t, [x * x for x in range(5) if x != 2])");
    simple("print({k: v for k, v in zip('abc', range(3))}, {c for c in 'hello'} == set('helo'), list(map(abs, (-1, 2))))");
    simple("a, (b, *c), d = 1, (2, 3, 4), 5\nprint(a, b, c, d)\nx, *y = 'hey'\nprint(x, y)");
    simple("name = 'w'\nwidth = 6\nprint(f'{name!r:>{width}}|{3.14159:.2f}|{255:#x}|{name}')");
    simple("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print('caught', type(e).__name__, e)\nfinally:\n    print('finally')");
    simple("def g():\n    try:\n        return 'try'\n    finally:\n        print('cleanup')\nprint(g())");
    simple("try:\n    try:\n        raise KeyError('k')\n    except KeyError as e:\n        raise ValueError('v') from e\nexcept ValueError as e:\n    print(repr(e), repr(e.__cause__), e.__suppress_context__)");
    simple("try:\n    try:\n        {}['missing']\n    except KeyError:\n        raise TypeError('inner')\nexcept TypeError as e:\n    print(repr(e.__context__))");
    simple("class CM:\n    def __enter__(self):\n        print('enter')\n        return 42\n    def __exit__(self, *a):\n        print('exit', a[0].__name__ if a[0] else None)\n        return True\n"
           "with CM() as v:\n    print('body', v)\n    raise RuntimeError('x')\nprint('after')");
    simple("class A:\n    x = 1\n    def m(self):\n        return self.x + 1\nclass B(A):\n    def m(self):\n        return super().m() * 10\nprint(B().m(), B.__name__, B.__qualname__, B.__mro__[1].__name__)");
    simple("assert 1 == 1\ntry:\n    assert 1 == 2, 'nope'\nexcept AssertionError as e:\n    print('assert', e)");
    simple("del_me = 1\ndel del_me\ntry:\n    del_me\nexcept NameError as e:\n    print(e)");
    simple("def h():\n    print(unbound)\n    unbound = 1\ntry:\n    h()\nexcept UnboundLocalError as e:\n    print(e)");
    simple("print(not None, 3 in [1, 2, 3], 4 not in (1,), None is None, 1 < 2 < 3, 'b' > 'a' > 'c')");
    simple("x = 5\ny = 'big' if x > 3 else 'small'\nprint(y, x and 0, x or 0, [] or 'empty')");

    /* Errors reaching the top level are printed and give -1. */
    simple("undefined_name");
    simple("1 / 0");
    simple("def f(x): pass\nf()");
    simple("def f(x): pass\nf(1, 2)");
    simple("def f(x): pass\nf(y=1)");
    simple("def f(x): pass\nf(1, x=2)");
    simple("raise ValueError('top')");
    simple("a, b = [1, 2, 3]");
    simple("a, b, c = [1, 2]");
    simple("a, b = 1");
    value_of("syntax error here", "r");
    value_of("if x:\nfoo()", "r");

    value_of("r = sum([i * i for i in range(100)])", "r");
        value_of("def f():\n    return locals()\nr = f()", "r");
    value_of("r = [globals() is globals(), 'r' in globals()]", "r");
    value_of("exec('q = 7')\nr = q", "r");
    value_of("ns = {}\nexec('z = 3', ns)\nr = ns['z']", "r");
    value_of("r = exec(1)", "r");
    value_of("r = exec('x', 1)", "r");

    PyObject *code = Py_CompileString("answer = 6 * 7\n", "<compiled>", Py_file_input);
    if (code) {
        PyObject *g = PyDict_New();
        PyObject *r = PyEval_EvalCode(code, g, g);
        printf("EvalCode -> "); put(r); printf(", answer = "); put(PyDict_GetItemString(g, "answer")); printf("\n");
        printf("has __builtins__: %d\n", PyDict_GetItemString(g, "__builtins__") != NULL);
        PyObject *name = PyObject_GetAttrString(code, "co_name");
        PyObject *fn = PyObject_GetAttrString(code, "co_filename");
        printf("co_name "); put(name); printf(" co_filename "); put(fn); printf("\n");
        Py_XDECREF(name); Py_XDECREF(fn);
        Py_XDECREF(r); Py_DECREF(g); Py_DECREF(code);
    } else {
        print_error("Py_CompileString");
    }
    code = Py_CompileString("x = (\n", "<bad>", Py_file_input);
    if (code == NULL) show_exc("Py_CompileString bad"); else Py_DECREF(code);

    Py_Finalize();
    return 0;
}
