/* The match statement run by the eval loop: literal, capture, wildcard, value, sequence
 * (fixed and starred), mapping (with **rest), class (positional via __match_args__, the
 * self-matching builtins, keywords), or-patterns, guards, and CPython's errors. */
#include <Python.h>
#include <unistd.h>
#include "testutil.h"

static void simple(const char *src)
{
    int r = PyRun_SimpleString(src);
    PyObject *o = PyObject_CallMethod(PySys_GetObject("stdout"), "flush", NULL);
    Py_XDECREF(o);
    o = PyObject_CallMethod(PySys_GetObject("stderr"), "flush", NULL);
    Py_XDECREF(o);
    printf("[rc %d]\n", r);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    Py_Initialize();

    simple("def f(x):\n"
           "    match x:\n"
           "        case 0 | 1:\n            return 'small'\n"
           "        case [a, b]:\n            return f'pair {a} {b}'\n"
           "        case [first, *rest]:\n            return f'seq {first} {rest}'\n"
           "        case {'k': v, **others}:\n            return f'map {v} {others}'\n"
           "        case str() as s if len(s) > 2:\n            return 'long str ' + s\n"
           "        case int(n):\n            return f'int {n}'\n"
           "        case _:\n            return 'other'\n"
           "for v in [0, 1, [1, 2], (3, 4, 5), {'k': 1, 'z': 2}, 'hello', 'hi', 42, 2.5, {}]:\n"
           "    print(repr(v), '->', f(v))");
    simple("class P:\n    __match_args__ = ('x', 'y')\n    def __init__(self, x, y):\n        self.x, self.y = x, y\n"
           "def where(p):\n    match p:\n        case P(0, 0):\n            return 'origin'\n        case P(x, 0):\n            return f'x-axis {x}'\n"
           "        case P(x=0, y=y):\n            return f'y-axis {y}'\n        case P():\n            return 'elsewhere'\n"
           "print(where(P(0, 0)), where(P(3, 0)), where(P(0, 4)), where(P(1, 1)), where(5))");
    simple("class Q:\n    pass\ntry:\n    match Q():\n        case Q(1):\n            pass\nexcept TypeError as e:\n    print(e)");
    simple("class R:\n    __match_args__ = ('a', 'a')\n    a = 1\ntry:\n    match R():\n        case R(x, y):\n            pass\nexcept TypeError as e:\n    print(e)");
    simple("try:\n    match 1:\n        case print(1):\n            pass\nexcept TypeError as e:\n    print(e)");
    simple("match {'a': 1}:\n    case {'a': 1, 'b': 2}:\n        print('no')\n    case {'a': x}:\n        print('a is', x)");
    simple("import_free = 'abc'\nmatch import_free:\n    case 'abc':\n        print('literal str')\nmatch None:\n    case None:\n        print('None')\nmatch (1, (2, 3)):\n    case (1, (2, z)):\n        print('nested', z)");

    Py_Finalize();
    return 0;
}
