/* The builtin static types across Py_Initialize/Py_FinalizeEx cycles: whatever a runtime did
 * with them (subclasses, weak references, ABC registrations, lookups that fill the method
 * cache, `_ast` classes), the next runtime sees them as freshly readied: the same dicts'
 * contents, no subclass or weak reference of the old runtime, names in their dicts interned
 * (the key of `str.__dict__` is what sys.intern returns), descriptors tracked by the
 * collector, and working slots, methods and exceptions. */
#include "testutil.h"

static const char *code =
    "import sys, gc, weakref\n"
    "keys = lambda t: sorted(t.__dict__)\n"
    "start = repr([(t.__name__, keys(t), len(type.__subclasses__(t)), weakref.getweakrefcount(t))\n"
    "              for t in (object, type, str, int, dict, list, tuple, KeyError, BaseException)])\n"
    "print('str keys', keys(str)[-3:], 'int subclasses', [c.__name__ for c in int.__subclasses__()])\n"
    "w0 = weakref.getweakrefcount(int)\n"
    "k = [k for k in str.__dict__ if k == 'join'][0]\n"
    "print('key interned', k is sys.intern('join'), sys.intern(''.join(['jo', 'in'])) is k)\n"
    "print('tracked', gc.is_tracked(str.__dict__['join']), gc.is_tracked(int.__dict__['__add__']))\n"
    "print('calls', '-'.join(['a', 'b']), (5).__add__(3), str.maketrans('a', 'b'), dict.fromkeys('ab'))\n"
    "try:\n"
    "    int('x')\n"
    "except ValueError as e:\n"
    "    print('error', type(e).__name__, e)\n"
    "try:\n"
    "    int.foo = 1\n"
    "except TypeError as e:\n"
    "    print('error', e)\n"
    "class MyInt(int):\n"
    "    def __add__(self, other): return 'added'\n"
    "print('subclass', MyInt(2) + 1, [c.__name__ for c in int.__subclasses__()])\n"
    "r = weakref.ref(int, lambda w: None)\n"
    "r2 = weakref.ref(MyInt, lambda w: None)\n"
    "print('weakrefs added', weakref.getweakrefcount(int) - w0)\n"
    "import collections.abc, ast\n"
    "class Seq: pass\n"
    "collections.abc.Sequence.register(Seq)\n"
    "print('ast', ast.AST._fields, ast.AST.__module__, ast.dump(ast.parse('x + 1').body[0]))\n"
    "print('mro', [c.__name__ for c in bool.__mro__], KeyError.__mro__[1].__name__)\n"
    "print('doc', str.__doc__.splitlines()[0], len(int.__add__.__doc__))\n"
    "print('getset doc', int.__dict__['real'].__doc__)\n"
    "cycle_holder = []\n"
    "cycle_holder.append(cycle_holder)\n"
    "_keep = (r, r2, cycle_holder)\n";

/* The types as the runtime found them at its start, compared with the first runtime's
 * (both without `site`). */
static char first_start[1 << 16];

static void compare_start(int cycle)
{
    PyObject *main = PyImport_AddModule("__main__");
    PyObject *start = main ? PyObject_GetAttrString(main, "start") : NULL;
    const char *text = start ? PyUnicode_AsUTF8(start) : NULL;
    if (!text) {
        print_error("start");
        Py_XDECREF(start);
        return;
    }
    if (cycle == 0)
        snprintf(first_start, sizeof first_start, "%s", text);
    else if (cycle == 2) /* cycle 1 imports `site`, which adds subclasses */
        printf("types at start as in cycle 0: %s\n", strcmp(first_start, text) == 0 ? "yes" : "no");
    Py_DECREF(start);
}

int main(void)
{
    for (int cycle = 0; cycle < 3; cycle++) {
        printf("-- cycle %d\n", cycle);
        fflush(stdout);
        if (cycle == 1)
            Py_Initialize();
        else
            initialize_without_site();
        if (PyRun_SimpleString(code) != 0)
            printf("the code failed\n");
        compare_start(cycle);
        fflush(stdout);
        printf("finalize: %d\n", Py_FinalizeEx());
    }
    return 0;
}
